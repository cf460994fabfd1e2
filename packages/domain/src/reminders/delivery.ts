import { z } from 'zod';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine, Text } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';

export const deliveryStatusLabels = {
  pending: 'En attente',
  claimed: 'En cours d’envoi',
  sent: 'Envoyé',
  skipped: 'Ignoré',
  expired: 'Expiré',
  failed: 'En échec',
  undeliverable: 'Impossible à remettre',
} as const;
export const DeliveryStatus = enumOf(deliveryStatusLabels);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const deliveryKindLabels = {
  milestone_reminder: 'Rappel de jalon',
  milestone_overdue: 'Relance de jalon en retard',
  action_checkin: 'Point hebdomadaire sur une action',
  indicator_collection: 'Collecte d’indicateur',
  meeting_agenda: 'Ordre du jour de séance',
  funding_deadline: 'Échéance de financement',
  community_digest: 'Résumé hebdomadaire de la communauté',
} as const;
export const DeliveryKind = enumOf(deliveryKindLabels);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

/** Who receives a delivery: one person (direct message or mention) or a community channel. */
export const Recipient = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('person'),
    personId: idOf('person'),
    /** By e-mail; absent, by chat. An e-mail delivery's key ends in `:email`. */
    medium: z.literal('email').optional(),
  }),
  z.object({ type: z.literal('channel'), governanceId: idOf('governance') }),
]);
export type Recipient = z.infer<typeof Recipient>;

/** What a delivery is about, for the message and the buttons it carries. */
export const DeliverySubject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('milestone'), id: idOf('milestone') }),
  z.object({ type: z.literal('action'), id: idOf('action') }),
  z.object({ type: z.literal('indicator'), id: idOf('indicator'), period: z.string().max(10) }),
  z.object({ type: z.literal('meeting'), id: idOf('meeting') }),
  z.object({ type: z.literal('governance'), id: idOf('governance') }),
  z.object({
    type: z.literal('fundingLine'),
    id: idOf('fundingLine'),
    deadline: z.enum(['depot', 'bilan']),
  }),
]);
export type DeliverySubject = z.infer<typeof DeliverySubject>;

/**
 * A planned delivery, as the planner produces it: pure data, no status yet. Its `dedupeKey`
 * (`milestone:<id>:J-3:<person>`) is stable, so planning twice inserts nothing new.
 */
export const PlannedDelivery = z.object({
  dedupeKey: singleLine(300),
  governanceId: idOf('governance'),
  kind: DeliveryKind,
  recipient: Recipient,
  subject: DeliverySubject,
  dueAt: Instant,
  /** After this instant the message is no longer useful: it is marked expired, not sent. */
  expiresAt: Instant,
});
export type PlannedDelivery = z.infer<typeof PlannedDelivery>;

/** One chat message to one recipient, stored before it is sent (the outbox). */
export const Delivery = PlannedDelivery.extend({
  id: idOf('delivery'),
  status: DeliveryStatus.default('pending'),
  attempts: z.number().int().min(0).default(0),
  /** Who holds the lease (a dispatcher instance), while `claimed`. */
  claimedBy: singleLine(100).optional(),
  /** While `claimed`: the end of the lease. While `pending` after a failure: not before this. */
  leaseUntil: Instant.optional(),
  sentAt: Instant.optional(),
  sentMessageId: singleLine(100).optional(),
  lastError: Text.optional(),
})
  .extend(EntityMeta.shape)
  .refine(
    (d) => d.status !== 'claimed' || (d.claimedBy !== undefined && d.leaseUntil !== undefined),
    {
      message: 'Un envoi réservé porte son répartiteur et la fin de son bail.',
      path: ['leaseUntil'],
    },
  );
export type Delivery = z.infer<typeof Delivery>;

/** How a claimed delivery ended, as its holder reports it. */
export const DeliveryOutcome = z.discriminatedUnion('status', [
  /**
   * Sent; `error` records a failure worked around on the way (a refused direct message posted as
   * a mention in the community channel instead), kept as `lastError`.
   */
  z.object({ status: z.literal('sent'), sentMessageId: singleLine(100), error: Text.optional() }),
  /** A temporary failure: back in the queue, not before `retryAt`. */
  z.object({ status: z.literal('pending'), retryAt: Instant, error: Text }),
  z.object({ status: z.enum(['failed', 'undeliverable', 'expired', 'skipped']), error: Text }),
]);
export type DeliveryOutcome = z.infer<typeof DeliveryOutcome>;

/** One change of a delivery's status, kept so that nothing is dropped without a recorded reason. */
export const DeliveryEvent = z.object({
  deliveryId: idOf('delivery'),
  at: Instant,
  from: DeliveryStatus,
  to: DeliveryStatus,
  by: singleLine(100).optional(),
  detail: Text.optional(),
});
export type DeliveryEvent = z.infer<typeof DeliveryEvent>;
