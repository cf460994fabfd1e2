import { hostname } from 'node:os';
import { createStore, type Database, randomToken, timeOrderedIds } from '@maille/db';
import {
  ConflictError,
  coordinatorIds,
  type Delivery,
  type DeliveryOutcome,
  type DeliveryRoute,
  displayNameOf,
  holdOf,
  type IdGenerator,
  routeOf,
} from '@maille/domain';
import {
  type Clock,
  disableChatBinding,
  planDeliveries,
  type Store,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import type { OutgoingMessage } from '../conversation/chat.ts';
import { DEFAULT_WEB_URL } from '../conversation/session.ts';
import { consoleMailSender } from '../mail/console-mail-sender.ts';
import { MailError, type MailSender } from '../mail/mail-sender.ts';
import { LOCAL_MAIL_FROM } from '../mail/mail-sender-of.ts';
import { type MailLinks, renderMail } from '../mail/render-mail.ts';
import { fr } from '../messages/fr.ts';
import {
  factsOf,
  loadReminderContext,
  type ReminderContext,
  renderReminder,
} from '../reminders/render.ts';
import { type ChatSender, nonceOf, SendError } from './sender.ts';

const texts = fr.dispatcher;

/** How a dispatcher paces itself. Every field has a default (see `DEFAULT_DISPATCHER_SETTINGS`). */
export interface DispatcherSettings {
  /** Pause between two cycles of `start()`. */
  intervalMs: number;
  /**
   * How long a claim holds. Shorter than Discord's nonce window (a few minutes), so that a
   * delivery taken over after a crash is resent while the platform still deduplicates it.
   */
  leaseMs: number;
  /** Deliveries claimed per transaction. */
  batchSize: number;
  /** Deliveries of a batch sent at once. */
  concurrency: number;
  /** At most this many deliveries per cycle, so planning is never starved by a backlog. */
  maxPerCycle: number;
  /** Whether cycles plan (a dispatcher may only send what others plan). */
  planning: boolean;
  /** How far ahead each governance is planned, in days. */
  horizonDays: number;
  /** Least time between two planning passes (planning every minute reads every governance). */
  planIntervalMs: number;
  /** After this many attempts a delivery failing with server errors is `failed`. */
  maxAttempts: number;
  /** The first retry delay after a server error; doubled at each attempt, up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A delivery whose lease ends within this margin is left to the next claimant, not sent. */
  leaseMarginMs: number;
}

export const DEFAULT_DISPATCHER_SETTINGS: DispatcherSettings = {
  intervalMs: 60_000,
  leaseMs: 60_000,
  batchSize: 50,
  concurrency: 8,
  maxPerCycle: 5_000,
  planning: true,
  horizonDays: 3,
  planIntervalMs: 5 * 60_000,
  maxAttempts: 5,
  backoffBaseMs: 30_000,
  backoffMaxMs: 30 * 60_000,
  leaseMarginMs: 5_000,
};

export interface DispatcherOptions {
  /** The storage; or `database`, over which a store is made. */
  store?: Store | undefined;
  database?: Database | undefined;
  sender: ChatSender;
  /** Where e-mail deliveries go (SMTP); the terminal when absent. */
  mail?: MailSender | undefined;
  /** The links of the e-mails and their sender (the web workspace on this machine by default). */
  mailLinks?: MailLinks | undefined;
  clock?: Clock | undefined;
  /** This dispatcher's name in claims; unique per process (host, pid and a random part). */
  claimant?: string | undefined;
  ids?: IdGenerator | undefined;
  settings?: Partial<DispatcherSettings> | undefined;
  /** Where problems are reported (stderr by default). */
  log?: ((line: string) => void) | undefined;
}

/** What one cycle did. */
export interface CycleReport {
  /** Deliveries newly queued by planning. */
  planned: number;
  claimed: number;
  /** Counts by the status each claimed delivery ended in (`pending`: to be retried). */
  outcomes: Record<DeliveryOutcome['status'], number>;
  /** Outcomes refused because the lease was lost meanwhile (another dispatcher took over). */
  lostLeases: number;
}

export interface Dispatcher {
  /** One cycle: plan (when due), then claim, render, send and settle what is due. */
  runOnce(): Promise<CycleReport>;
  /** Runs a cycle now, then one every `intervalMs` after the previous one ended. */
  start(): void;
  /** Stops the loop; resolves once the cycle in flight, if any, has ended. */
  stop(): Promise<void>;
}

const emptyOutcomes = (): CycleReport['outcomes'] => ({
  sent: 0,
  pending: 0,
  skipped: 0,
  expired: 0,
  failed: 0,
  undeliverable: 0,
});

/** A claimant name that differs between two processes, and between two dispatchers of one. */
export function defaultClaimant(): string {
  return `${hostname()}:${process.pid}:${randomToken(6)}`;
}

// A person who refuses direct messages would otherwise have their coordinators told at every
// reminder: once a day per person and dispatcher is enough.
const NOTICE_QUIET_MS = 24 * 3_600_000;

/**
 * The outbox consumer. Each cycle plans the governances' reminders (the kernel's
 * `planDeliveries`, idempotent by dedupe key), claims due deliveries in batches under a lease,
 * checks each one again (`holdOf`), renders it (`renderReminder`), sends it with the delivery id
 * as nonce, and settles it:
 *
 * - sent → `sent`; no longer useful → `expired`; no longer right → `skipped` (with the reason);
 * - `dm_refused` → a mention in the community channel instead (`nonceOf(id, 'salon')`), settled `sent`
 *   with the refusal kept as `lastError`; without an active channel, `undeliverable`. The
 *   coordinators of the governance are told by direct message (once a day per person);
 * - `unknown_channel` → the binding is disabled (`disableChatBinding`), the coordinators told
 *   (once, by the send that disabled it); a channel message is `undeliverable`, a person's mention
 *   goes by direct message instead;
 * - `rate_limited` → back to `pending`, not before `retryAfterMs`;
 * - `server_error` (and any unexpected error) → `pending` with exponential backoff, `failed`
 *   after `maxAttempts`; `invalid` → `failed` at once.
 *
 * A crash between send and settle leaves the claim to expire; the next claimant sends again with
 * the same nonce, which the platform deduplicates.
 *
 * @example
 * const dispatcher = createDispatcher({ database, sender: consoleSender(), settings: { intervalMs: 60_000 } });
 * dispatcher.start();
 * process.on('SIGTERM', () => dispatcher.stop());
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const given = options.store ?? (options.database ? createStore(options.database) : undefined);
  if (!given) throw new Error('createDispatcher: a store or a database is needed.');
  const store: Store = given;
  const { sender } = options;
  const mail = options.mail ?? consoleMailSender();
  const mailLinks = options.mailLinks ?? { webUrl: DEFAULT_WEB_URL, from: LOCAL_MAIL_FROM };
  const clock = options.clock ?? (() => new Date().toISOString());
  const claimant = options.claimant ?? defaultClaimant();
  const settings = { ...DEFAULT_DISPATCHER_SETTINGS, ...options.settings };
  const log = options.log ?? ((line: string) => console.error(line));
  // The dispatcher acts for the instance (it plans every governance and disables dead bindings);
  // what it does is audited under the `discord` channel.
  const ctx: UseCaseContext = {
    store,
    clock,
    ids: options.ids ?? timeOrderedIds(),
    actor: { instanceAdmin: true, channel: 'discord' },
  };
  const noticesSent = new Map<string, number>();
  let lastPlanAt: number | undefined;

  const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();

  async function plan(now: string): Promise<number> {
    const nowMs = Date.parse(now);
    if (!settings.planning) return 0;
    if (lastPlanAt !== undefined && nowMs - lastPlanAt < settings.planIntervalMs) return 0;
    lastPlanAt = nowMs;
    let inserted = 0;
    let after: string | undefined;
    for (;;) {
      const page = await store.transaction((repos) =>
        repos.governances.listPage({ after, limit: 100 }),
      );
      for (const governance of page) {
        try {
          const result = await planDeliveries(ctx, {
            governanceId: governance.id,
            horizonDays: settings.horizonDays,
          });
          inserted += result.inserted;
        } catch (error) {
          // One governance's bad data must not stop the others' reminders.
          log(`Planification impossible pour ${governance.id} : ${describe(error)}`);
        }
      }
      if (page.length < 100) return inserted;
      after = page.at(-1)?.id;
    }
  }

  async function settle(
    delivery: Delivery,
    outcome: DeliveryOutcome,
    report: CycleReport,
  ): Promise<void> {
    try {
      await store.transaction((repos) =>
        repos.deliveries.settle(delivery.id, claimant, outcome, clock()),
      );
      report.outcomes[outcome.status]++;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Another dispatcher holds it now: its word wins, and it resends with the same nonce.
      report.lostLeases++;
    }
  }

  /**
   * Tells each coordinator with a linked account; returns how many were reached, or `already`
   * when they were told of the same thing within a day.
   */
  async function tellCoordinators(
    context: ReminderContext,
    key: string,
    message: OutgoingMessage,
  ): Promise<number | 'already'> {
    const governance = context.governance;
    if (!governance) return 0;
    const nowMs = Date.parse(clock());
    const memo = `${governance.id}:${key}`;
    const previous = noticesSent.get(memo);
    if (previous !== undefined && nowMs - previous < NOTICE_QUIET_MS) return 'already';
    noticesSent.set(memo, nowMs);
    const coordinators = await store.transaction((repos) =>
      repos.persons.getMany([...new Set(coordinatorIds(governance))]),
    );
    let told = 0;
    for (const coordinator of coordinators) {
      const account = coordinator.chatAccounts.find((a) => a.platform === 'discord');
      if (!account || coordinator.erasedAt !== undefined) continue;
      try {
        await sender.sendDirect(
          account.userId,
          message,
          nonceOf(context.delivery.id, `coordinateur:${coordinator.id}`),
        );
        told++;
      } catch (error) {
        log(`Coordinateur·rice ${coordinator.id} non prévenu·e : ${describe(error)}`);
      }
    }
    return told;
  }

  function retryOrFail(delivery: Delivery, error: unknown, now: string): DeliveryOutcome {
    const detail = describe(error);
    if (error instanceof SendError && error.reason === 'rate_limited') {
      const waitMs = Math.max(error.retryAfterMs ?? 1_000, 1);
      return {
        status: 'pending',
        retryAt: later(now, waitMs),
        error: texts.rateLimited(Math.ceil(waitMs / 1000)),
      };
    }
    if (error instanceof SendError && error.reason === 'invalid') {
      return { status: 'failed', error: texts.invalid(detail) };
    }
    if (delivery.attempts >= settings.maxAttempts) {
      return { status: 'failed', error: texts.failedAfter(delivery.attempts, detail) };
    }
    const backoff = Math.min(
      settings.backoffBaseMs * 2 ** Math.max(delivery.attempts - 1, 0),
      settings.backoffMaxMs,
    );
    return {
      status: 'pending',
      retryAt: later(now, backoff),
      error: texts.serverError(delivery.attempts, detail),
    };
  }

  async function channelLost(context: ReminderContext, channelId: string): Promise<string> {
    const governance = context.governance;
    if (!governance) return texts.unknownChannel;
    let justDisabled = false;
    try {
      const after = await disableChatBinding(ctx, { governanceId: governance.id, channelId });
      justDisabled =
        governance.chat?.disabledAt === undefined && after.chat?.disabledAt !== undefined;
    } catch (error) {
      // Another send of the same cycle disabled it at the same moment: its version won.
      if (!(error instanceof ConflictError)) throw error;
    }
    // Only the send that disabled the binding tells the coordinators; the others were too late.
    const told = justDisabled
      ? await tellCoordinators(context, `channel:${channelId}`, {
          text: texts.channelLostNotice(governance.name),
        })
      : 'already';
    return `${texts.unknownChannel} ${texts.coordinatorsTold(told)}`;
  }

  /** A refused direct message: the community channel instead, and the coordinators told. */
  async function dmRefused(context: ReminderContext, userId: string): Promise<DeliveryOutcome> {
    const { delivery, governance, person } = context;
    const name = displayNameOf(person);
    const chat = governance?.chat;
    const channelId = chat && chat.disabledAt === undefined ? chat.channelId : undefined;
    const personId = delivery.recipient.type === 'person' ? delivery.recipient.personId : '';
    const notice = { text: texts.dmRefusedNotice(name, governance?.name ?? '', !!channelId) };
    if (channelId === undefined) {
      const told = await tellCoordinators(context, `dm:${personId}`, notice);
      return {
        status: 'undeliverable',
        error: `${texts.dmRefusedNoChannel(name)} ${texts.coordinatorsTold(told)}`,
      };
    }
    try {
      const sent = await sender.sendToChannel(
        channelId,
        renderReminder(context, userId),
        nonceOf(delivery.id, 'salon'),
      );
      const told = await tellCoordinators(context, `dm:${personId}`, notice);
      return {
        status: 'sent',
        sentMessageId: sent.messageId,
        error: `${texts.dmRefusedToChannel(name)} ${texts.coordinatorsTold(told)}`,
      };
    } catch (error) {
      if (error instanceof SendError && error.reason === 'unknown_channel') {
        return { status: 'undeliverable', error: await channelLost(context, channelId) };
      }
      return retryOrFail(delivery, error, clock());
    }
  }

  /**
   * The channel is gone: the binding is disabled; a person who preferred mentions gets the
   * reminder by direct message instead — with the delivery id as nonce, as a resend after a crash
   * would (the binding being disabled by then, the person's route is the direct one).
   */
  async function channelVanished(
    context: ReminderContext,
    channelId: string,
    mentionUserId: string | undefined,
  ): Promise<DeliveryOutcome> {
    const reason = await channelLost(context, channelId);
    if (mentionUserId === undefined) return { status: 'undeliverable', error: reason };
    try {
      const sent = await sender.sendDirect(
        mentionUserId,
        renderReminder(context),
        nonceOf(context.delivery.id),
      );
      return {
        status: 'sent',
        sentMessageId: sent.messageId,
        error: `${reason} ${texts.directInstead}`,
      };
    } catch (error) {
      if (error instanceof SendError && error.reason === 'dm_refused') {
        return { status: 'undeliverable', error: `${reason} ${texts.directRefusedToo}` };
      }
      return retryOrFail(context.delivery, error, clock());
    }
  }

  async function send(
    route: Exclude<DeliveryRoute, { type: 'email' }>,
    message: OutgoingMessage,
    nonce: string,
  ) {
    return route.type === 'direct'
      ? sender.sendDirect(route.userId, message, nonce)
      : sender.sendToChannel(route.channelId, message, nonce);
  }

  /**
   * An e-mail delivery: the same claim, lease and settlement as a chat message; its `Message-ID`,
   * derived from the dedupe key, stands for the nonce. A 5xx reply is final (`undeliverable`, shown
   * in the coordination's digest); a 4xx or a lost connection is retried with backoff.
   */
  async function sendMail(context: ReminderContext, address: string): Promise<DeliveryOutcome> {
    const { delivery } = context;
    try {
      const rendered = renderMail(context, mailLinks);
      const sent = await mail.send({ ...rendered, to: { ...rendered.to, address } });
      return { status: 'sent', sentMessageId: sent.messageId.slice(0, 100) };
    } catch (error) {
      if (error instanceof MailError && error.permanent) {
        return { status: 'undeliverable', error: fr.mail.refused(describe(error)) };
      }
      const outcome = retryOrFail(delivery, error, clock());
      return outcome.status === 'pending'
        ? { ...outcome, error: fr.mail.temporary(delivery.attempts, describe(error)) }
        : outcome;
    }
  }

  async function deliver(delivery: Delivery, report: CycleReport): Promise<void> {
    const now = clock();
    // Too close to the end of the lease: another dispatcher may take it over while this one is
    // still sending. Leave it; the next claimant sends it with the same nonce.
    if (Date.parse(delivery.leaseUntil ?? now) - Date.parse(now) < settings.leaseMarginMs) return;
    let outcome: DeliveryOutcome;
    try {
      const context = await loadReminderContext(store, delivery, now);
      const facts = factsOf(context);
      const hold = holdOf(delivery, facts, now);
      const route = hold ? undefined : routeOf(delivery, facts);
      if (hold) outcome = { status: hold.status, error: hold.reason };
      else if (!route) outcome = { status: 'skipped', error: texts.nowhere };
      else if (route.type === 'email') outcome = await sendMail(context, route.address);
      else {
        const mention = route.type === 'channel' ? route.mentionUserId : undefined;
        try {
          const sent = await send(route, renderReminder(context, mention), nonceOf(delivery.id));
          outcome = { status: 'sent', sentMessageId: sent.messageId };
        } catch (error) {
          if (
            error instanceof SendError &&
            error.reason === 'dm_refused' &&
            route.type === 'direct'
          )
            outcome = await dmRefused(context, route.userId);
          else if (
            error instanceof SendError &&
            error.reason === 'unknown_channel' &&
            route.type === 'channel'
          )
            outcome = await channelVanished(context, route.channelId, route.mentionUserId);
          else outcome = retryOrFail(delivery, error, clock());
        }
      }
    } catch (error) {
      // Loading or rendering failed (the database hiccuped): retried like a server error.
      outcome = retryOrFail(delivery, error, clock());
    }
    await settle(delivery, outcome, report);
  }

  async function runBatch(batch: readonly Delivery[], report: CycleReport): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const delivery = batch[next++] as Delivery;
        await deliver(delivery, report);
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, batch.length) }, worker));
  }

  async function runOnce(): Promise<CycleReport> {
    const report: CycleReport = {
      planned: 0,
      claimed: 0,
      outcomes: emptyOutcomes(),
      lostLeases: 0,
    };
    report.planned = await plan(clock());
    while (report.claimed < settings.maxPerCycle) {
      const now = clock();
      const batch = await store.transaction((repos) =>
        repos.deliveries.claimDue({
          now,
          leaseUntil: later(now, settings.leaseMs),
          limit: Math.min(settings.batchSize, settings.maxPerCycle - report.claimed),
          claimant,
        }),
      );
      report.claimed += batch.length;
      await runBatch(batch, report);
      if (batch.length < settings.batchSize) break;
    }
    return report;
  }

  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> | undefined;

  function loop(): void {
    inFlight = runOnce()
      .catch((error) => log(`Cycle d’envoi interrompu : ${describe(error)}`))
      .finally(() => {
        inFlight = undefined;
        if (running) timer = setTimeout(loop, settings.intervalMs);
      });
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
