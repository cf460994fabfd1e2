import { z } from 'zod';
import { TerritoryRef } from '../actors/territory.ts';
import { DEFAULT_REMINDER_RULES, ReminderRules } from '../reminders/rules.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Name, Text } from '../shared/text.ts';
import { DEFAULT_TIME_ZONE, Instant, TimeZone } from '../shared/time.ts';

export const perimeterLabels = {
  epci: 'Intercommunal',
  departement: 'Départemental',
  region: 'Régional',
  autre: 'Autre périmètre',
} as const;
export const Perimeter = enumOf(perimeterLabels);
export type Perimeter = z.infer<typeof Perimeter>;

export const formalityLabels = {
  informelle: 'Informelle',
  structuree: 'Structurée',
} as const;
export const Formality = enumOf(formalityLabels);
export type Formality = z.infer<typeof Formality>;

export const governanceRoleLabels = {
  coordinateur: 'Coordinateur·rice',
  membre: 'Membre',
  observateur: 'Observateur·rice',
} as const;
export const GovernanceRole = enumOf(governanceRoleLabels);
export type GovernanceRole = z.infer<typeof GovernanceRole>;

/** A person's role in one governance; the permission rules read it. */
export const RoleAssignment = z.object({
  personId: idOf('person'),
  role: GovernanceRole,
  since: Instant,
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const governanceOrganizationRoleLabels = {
  membre: 'Membre',
  co_porteur: 'Co-porteur',
} as const;
export const GovernanceOrganizationRole = enumOf(governanceOrganizationRoleLabels);
export type GovernanceOrganizationRole = z.infer<typeof GovernanceOrganizationRole>;

/**
 * An organization taking part in a governance: a member of its community, or one that carries it
 * with the coordinating one (a co-porteur, such as a CAF or a Département).
 */
export const GovernanceOrganization = z.object({
  organizationId: idOf('organization'),
  role: GovernanceOrganizationRole,
  since: Instant,
});
export type GovernanceOrganization = z.infer<typeof GovernanceOrganization>;

/** An organization takes part once: its role changes in place. */
function onceEach(organizations: GovernanceOrganization[], ctx: z.RefinementCtx): void {
  organizations.forEach((entry, index) => {
    if (organizations.findIndex((o) => o.organizationId === entry.organizationId) < index) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'organizationId'],
        message: 'Cette structure figure déjà dans la gouvernance.',
      });
    }
  });
}

/** Where the governance's community talks: a Discord server and its community channel. */
export const ChatBinding = z.object({
  platform: z.literal('discord'),
  guildId: z.string().regex(/^\d{17,20}$/, 'Identifiant de serveur Discord invalide.'),
  channelId: z.string().regex(/^\d{17,20}$/, 'Identifiant de salon Discord invalide.'),
  boundAt: Instant,
  /** Set when the channel vanished or the bot lost access: reminders fall back to direct messages. */
  disabledAt: Instant.optional(),
});
export type ChatBinding = z.infer<typeof ChatBinding>;

/** The fields of a governance that people set. */
export const GovernanceFields = z.object({
  name: Name,
  territory: TerritoryRef,
  perimeter: Perimeter,
  formality: Formality.default('informelle'),
  description: Text.optional(),
  timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
  /** When and to whom reminders go; the field's defaults unless the governance changes them. */
  reminderRules: ReminderRules.default(DEFAULT_REMINDER_RULES),
});
export type GovernanceInput = z.input<typeof GovernanceFields>;

/**
 * The coordination of digital inclusion on one territory (a CTIN): it owns bodies, roadmaps and
 * indicators. Calendar dates of its milestones and meetings are read in its `timeZone`.
 */
export const Governance = GovernanceFields.extend({
  id: idOf('governance'),
  roles: z.array(RoleAssignment).max(500).default([]),
  /** The organizations taking part; stored governances from before they existed have none. */
  organizations: z.array(GovernanceOrganization).max(500).superRefine(onceEach).default([]),
  chat: ChatBinding.optional(),
  /** Demonstration data (`maille start` seeds it): shown as such, removed by `maille demo supprimer`. Never set by a form. */
  demo: z
    .boolean()
    .optional()
    .describe('Données de démonstration (fictives) : absent ou false pour une gouvernance réelle'),
}).extend(EntityMeta.shape);
export type Governance = z.infer<typeof Governance>;

/** The ids of the coordinators of a governance. */
export function coordinatorIds(governance: Pick<Governance, 'roles'>): string[] {
  return governance.roles.filter((r) => r.role === 'coordinateur').map((r) => r.personId);
}
