import { z } from 'zod';
import { DeliveryKind } from '../reminders/delivery.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Email, Name, Phone } from '../shared/text.ts';
import { Instant, IsoDate, TimeOfDay } from '../shared/time.ts';

export const personFunctionLabels = {
  elu: 'Élu·e',
  technicien: 'Technicien·ne',
  coordinateur: 'Coordinateur·rice',
  conseiller_numerique: 'Conseiller·ère numérique',
  mediateur_numerique: 'Médiateur·rice numérique',
  aidant_numerique: 'Aidant·e numérique',
  aidant_connect: 'Aidant·e habilité·e Aidants Connect',
  benevole: 'Bénévole',
  partenaire: 'Partenaire',
} as const;
export const PersonFunction = enumOf(personFunctionLabels);
export type PersonFunction = z.infer<typeof PersonFunction>;

export const chatPlatformLabels = { discord: 'Discord' } as const;
export const ChatPlatform = enumOf(chatPlatformLabels);
export type ChatPlatform = z.infer<typeof ChatPlatform>;

/** A chat account linked to a person; Discord user ids are snowflakes (17 to 20 digits). */
export const ChatAccount = z.object({
  platform: ChatPlatform,
  userId: z.string().regex(/^\d{17,20}$/, 'Identifiant Discord invalide (17 à 20 chiffres).'),
  linkedAt: Instant,
});
export type ChatAccount = z.infer<typeof ChatAccount>;

export const reminderChannelLabels = {
  message_prive: 'Message privé',
  mention_salon: 'Mention dans le salon de la communauté',
} as const;
export const ReminderChannel = enumOf(reminderChannelLabels);
export type ReminderChannel = z.infer<typeof ReminderChannel>;

export const deliveryMediumLabels = {
  discussion: 'Messagerie de la communauté (Discord)',
  courriel: 'Courriel',
  les_deux: 'Messagerie et courriel',
} as const;
/** Through what a person receives reminders; absent, `mediaOf` decides from what they have. */
export const DeliveryMedium = enumOf(deliveryMediumLabels);
export type DeliveryMedium = z.infer<typeof DeliveryMedium>;

/**
 * How a person wants to be reminded. Quiet hours are local times in the governance's time zone;
 * a window may cross midnight (`20:00`–`08:30`). `pausedUntil` holds reminders during leave: none
 * is sent before that date.
 */
export const ReminderPreferences = z.object({
  channel: ReminderChannel.default('message_prive'),
  quietHours: z.object({ from: TimeOfDay, to: TimeOfDay }).default({ from: '19:00', to: '08:30' }),
  weekends: z
    .boolean()
    .default(false)
    .describe('Accepte des rappels le week-end et les jours fériés'),
  pausedUntil: IsoDate.optional(),
  medium: DeliveryMedium.optional(),
  /** A medium chosen for one kind of reminder, overriding `medium` for that kind. */
  mediumByKind: z.partialRecord(DeliveryKind, DeliveryMedium).optional(),
  /** Kinds of reminder the person turned off (the « se désabonner » link of an e-mail). */
  pausedKinds: z
    .array(DeliveryKind)
    .max(7)
    .transform((list) => [...new Set(list)])
    .optional(),
});
export type ReminderPreferences = z.infer<typeof ReminderPreferences>;

export const DEFAULT_REMINDER_PREFERENCES: ReminderPreferences = ReminderPreferences.parse({});

/** The fields of a person that people set. */
export const PersonFields = z.object({
  displayName: Name,
  email: Email.optional(),
  phone: Phone.optional(),
  organizationId: idOf('organization').optional(),
  functions: z
    .array(PersonFunction)
    .max(9)
    .default([])
    .transform((list) => [...new Set(list)]),
  reminders: ReminderPreferences.default(DEFAULT_REMINDER_PREFERENCES),
});
export type PersonInput = z.input<typeof PersonFields>;

/**
 * A human taking part: an elected official, a technician, an adviser, a volunteer. Erasure
 * (personal data law) blanks what identifies them and sets `erasedAt`; their id stays so that
 * history remains consistent, attributed to "membre supprimé".
 */
export const Person = PersonFields.extend({
  id: idOf('person'),
  chatAccounts: z.array(ChatAccount).max(5).default([]),
  erasedAt: Instant.optional(),
}).extend(EntityMeta.shape);
export type Person = z.infer<typeof Person>;

/** The name shown for a person, "membre supprimé" once erased. */
export function displayNameOf(
  person: Pick<Person, 'displayName' | 'erasedAt'> | undefined,
): string {
  if (!person || person.erasedAt) return 'membre supprimé';
  return person.displayName;
}

/** What is left of a person after erasure: no name, email, phone or chat link. */
export function erasePerson(person: Person, now: string): Person {
  return {
    id: person.id,
    displayName: 'membre supprimé',
    functions: [],
    reminders: DEFAULT_REMINDER_PREFERENCES,
    chatAccounts: [],
    erasedAt: now,
    createdAt: person.createdAt,
    updatedAt: now,
    version: person.version + 1,
  };
}

/** How a reminder reaches a person: a chat message, or an e-mail. */
export type Medium = 'chat' | 'email';

/**
 * The media a person is reminded through for a kind of reminder: their choice for that kind
 * (`reminders.mediumByKind`), else their general choice (`reminders.medium`), among what they
 * have (a linked chat account, an address). Without a choice, the chat when an account is
 * linked, else e-mail. A choice they cannot receive falls back to what they have, so that a
 * person who gave only an address is not silently forgotten. Nothing once erased.
 *
 * @example
 * mediaOf({ email: 'a@b.fr', chatAccounts: [], reminders }); // ['email']
 */
export function mediaOf(
  person: Pick<Person, 'email' | 'chatAccounts' | 'reminders' | 'erasedAt'>,
  kind?: DeliveryKind,
): Medium[] {
  if (person.erasedAt !== undefined) return [];
  const chat = person.chatAccounts.some((account) => account.platform === 'discord');
  const email = person.email !== undefined;
  const byKind = kind === undefined ? undefined : person.reminders.mediumByKind?.[kind];
  const chosen = byKind ?? person.reminders.medium ?? (chat ? 'discussion' : 'courriel');
  const media: Medium[] = [];
  if (chat && chosen !== 'courriel') media.push('chat');
  if (email && chosen !== 'discussion') media.push('email');
  if (media.length > 0) return media;
  return chat ? ['chat'] : email ? ['email'] : [];
}
