import { z } from 'zod';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Name, Text } from '../shared/text.ts';
import { IsoDate } from '../shared/time.ts';

export const bodyKindLabels = {
  groupe_projet: 'Groupe projet',
  comite_pilotage: 'Comité de pilotage',
  comite_technique: 'Comité technique',
  comite_suivi: 'Comité de suivi',
  communaute: 'Communauté d’acteurs',
  autre: 'Autre instance',
} as const;
export const BodyKind = enumOf(bodyKindLabels);
export type BodyKind = z.infer<typeof BodyKind>;

/** The national platform's body types. */
export const nationalBodyTypeLabels = {
  strategique: 'Stratégique',
  technique: 'Technique',
  consultatif: 'Consultatif',
  autre: 'Autre',
} as const;
export type NationalBodyType = keyof typeof nationalBodyTypeLabels;

/** How a body kind maps to the national platform's `type`, for exports. */
export const NATIONAL_BODY_TYPE: Record<BodyKind, NationalBodyType> = {
  groupe_projet: 'technique',
  comite_pilotage: 'strategique',
  comite_technique: 'technique',
  comite_suivi: 'consultatif',
  communaute: 'consultatif',
  autre: 'autre',
};

export const frequencyLabels = {
  mensuelle: 'Mensuelle',
  trimestrielle: 'Trimestrielle',
  semestrielle: 'Semestrielle',
  annuelle: 'Annuelle',
  autre: 'Autre',
} as const;
export const Frequency = enumOf(frequencyLabels);
export type Frequency = z.infer<typeof Frequency>;

export const memberPositionLabels = {
  president: 'Président·e',
  vice_president: 'Vice-président·e',
  elu_porteur: 'Élu·e porteur·se',
  referent_technique: 'Référent·e technique',
  secretaire: 'Secrétaire',
  membre: 'Membre',
  observateur: 'Observateur·rice',
} as const;
export const MemberPosition = enumOf(memberPositionLabels);
export type MemberPosition = z.infer<typeof MemberPosition>;

/** A seat in a body, dated: leaving sets `until`, the history stays. */
export const BodyMember = z
  .object({
    personId: idOf('person'),
    organizationId: idOf('organization').optional(),
    position: MemberPosition.default('membre'),
    since: IsoDate,
    until: IsoDate.optional(),
  })
  .refine((m) => !m.until || m.until >= m.since, {
    message: 'La date de fin doit suivre la date de début.',
    path: ['until'],
  });
export type BodyMember = z.infer<typeof BodyMember>;

/** A person holds one seat at a time on a body: two seats of theirs may not overlap. */
function noDoubleSeat(members: BodyMember[], ctx: z.RefinementCtx): void {
  members.forEach((seat, index) => {
    const overlapping = members.findIndex(
      (other, i) =>
        i < index &&
        other.personId === seat.personId &&
        other.since <= (seat.until ?? '9999-12-31') &&
        seat.since <= (other.until ?? '9999-12-31'),
    );
    if (overlapping >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'personId'],
        message:
          'Cette personne siège déjà dans l’instance sur cette période : clore son mandat d’abord.',
      });
    }
  });
}

/** A past kind of the body: Dronne et Belle's project group became its steering committee. */
export const BodyKindChange = z.object({
  kind: BodyKind,
  until: IsoDate,
});
export type BodyKindChange = z.infer<typeof BodyKindChange>;

/** The fields of a body that people set. */
export const BodyFields = z.object({
  governanceId: idOf('governance'),
  name: Name,
  kind: BodyKind,
  frequency: Frequency.default('autre'),
  description: Text.optional(),
  members: z.array(BodyMember).max(300).superRefine(noDoubleSeat).default([]),
});
export type BodyInput = z.input<typeof BodyFields>;

/** A committee of a governance, with its dated members and the history of its kinds. */
export const Body = BodyFields.extend({
  id: idOf('body'),
  kindHistory: z.array(BodyKindChange).max(50).default([]),
}).extend(EntityMeta.shape);
export type Body = z.infer<typeof Body>;

/** Members seated on `date` (since ≤ date, and no end or an end on or after it). */
export function membersOn(body: Pick<Body, 'members'>, date: string): BodyMember[] {
  return body.members.filter((m) => m.since <= date && (!m.until || m.until >= date));
}
