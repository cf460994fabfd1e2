import { z } from 'zod';
import { Person } from '../../people/person.ts';
import { type DeliveryKind, deliveryKindLabels } from '../../reminders/delivery.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { saveChange } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const UnsubscribeReminderInput = z.object({ deliveryId: idOf('delivery') });
export type UnsubscribeReminderInput = z.input<typeof UnsubscribeReminderInput>;

/** What the « se désabonner » page shows before its button. */
export interface UnsubscribeTarget {
  kind: DeliveryKind;
  /** The kind, in French, as the page names it. */
  label: string;
  /** Already turned off: the button would change nothing. */
  paused: boolean;
}

// The link of an e-mail carries the id of the delivery it came with: a random id nobody else
// received, which stands for the person as the link of a mailbox does (RFC 8058). It can only
// turn one kind of reminder off, which the person turns back on from their account.
async function targetOf(repos: Repositories, deliveryId: string) {
  const delivery = await repos.deliveries.get(deliveryId);
  const personId = delivery?.recipient.type === 'person' ? delivery.recipient.personId : undefined;
  const person = personId === undefined ? undefined : await repos.persons.get(personId);
  if (!delivery || !person || person.erasedAt !== undefined) {
    throw new NotFoundError('Lien de désabonnement', deliveryId);
  }
  return { kind: delivery.kind, person };
}

/**
 * The kind of reminder an e-mail's unsubscribe link turns off, and whether it already is.
 *
 * @example
 * await describeUnsubscribe(ctx, { deliveryId: 'dlv_…' }); // { kind: 'milestone_reminder', label: 'Rappel de jalon', paused: false }
 */
export async function describeUnsubscribe(
  ctx: UseCaseContext,
  input: unknown,
): Promise<UnsubscribeTarget> {
  const { deliveryId } = validate(UnsubscribeReminderInput, input);
  return ctx.store.transaction(async (repos) => {
    const { kind, person } = await targetOf(repos, deliveryId);
    return {
      kind,
      label: deliveryKindLabels[kind],
      paused: person.reminders.pausedKinds?.includes(kind) ?? false,
    };
  });
}

/**
 * Turns off, for the person an e-mail was sent to, the kind of reminder it was (by chat and by
 * e-mail): the one-click unsubscribe of `List-Unsubscribe-Post`. Doing it twice changes nothing.
 *
 * @example
 * await unsubscribeReminder(ctx, { deliveryId: 'dlv_…' });
 */
export async function unsubscribeReminder(
  ctx: UseCaseContext,
  input: unknown,
): Promise<UnsubscribeTarget> {
  const { deliveryId } = validate(UnsubscribeReminderInput, input);
  return ctx.store.transaction(async (repos) => {
    const { kind, person } = await targetOf(repos, deliveryId);
    const target = { kind, label: deliveryKindLabels[kind], paused: true };
    if (person.reminders.pausedKinds?.includes(kind)) return target;
    await saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        before: person,
        changes: {
          reminders: {
            ...person.reminders,
            pausedKinds: [...(person.reminders.pausedKinds ?? []), kind],
          },
        },
        action: 'unsubscribe_reminder',
      },
    );
    return target;
  });
}
