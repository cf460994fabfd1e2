import type { OutgoingMessage } from '../src/conversation/chat.ts';
import {
  type ChatSender,
  MAX_NONCE_LENGTH,
  SendError,
  type SendErrorReason,
} from '../src/dispatcher/sender.ts';

/** One call the dispatcher made. */
export interface RecordedSend {
  to: 'direct' | 'channel';
  /** The user id or the channel id. */
  target: string;
  message: OutgoingMessage;
  nonce: string;
  messageId: string;
}

/** A failure to simulate: its reason, for which target (any by default), how many times. */
export interface FailureRule {
  reason: SendErrorReason;
  to?: 'direct' | 'channel';
  target?: string;
  /** How many calls fail (forever by default). */
  times?: number;
  retryAfterMs?: number;
}

/**
 * A `ChatSender` for tests: records every call, and fails as told. Like Discord, it refuses a
 * nonce longer than 25 characters; like Discord with `enforce_nonce`, a nonce sent again returns the first message instead of posting a second one;
 * `calls` keeps every call anyway, so a test can count them per nonce.
 */
export class RecordingSender implements ChatSender {
  /** Every successful call, duplicates included. */
  readonly calls: RecordedSend[] = [];
  /** Calls that failed, with the reason given. */
  readonly failures: (Omit<RecordedSend, 'messageId'> & { reason: SendErrorReason })[] = [];
  private readonly rules: FailureRule[] = [];
  private readonly byNonce = new Map<string, string>();
  private nextId = 100_000_000_000_000_000n;

  /**
   * @param forwardTo a real sender (Discord's, to the fake Discord) that each call goes on to
   *   once recorded: what a test reads here then also happened through discord.js.
   */
  constructor(private readonly forwardTo?: ChatSender) {}

  /** From now on, calls matching `rule` fail with its reason. */
  fail(rule: FailureRule): this {
    this.rules.push({ ...rule });
    return this;
  }

  /** Forgets the failure rules. */
  heal(): void {
    this.rules.length = 0;
  }

  /** How many calls carried each nonce. */
  countsByNonce(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of this.calls) counts.set(call.nonce, (counts.get(call.nonce) ?? 0) + 1);
    return counts;
  }

  /** Messages actually posted (one per nonce, as the platform keeps them). */
  posted(): RecordedSend[] {
    const seen = new Set<string>();
    return this.calls.filter((call) => !seen.has(call.nonce) && seen.add(call.nonce));
  }

  sendDirect(userId: string, message: OutgoingMessage, nonce: string) {
    return this.record('direct', userId, message, nonce);
  }

  sendToChannel(channelId: string, message: OutgoingMessage, nonce: string) {
    return this.record('channel', channelId, message, nonce);
  }

  private async record(
    to: RecordedSend['to'],
    target: string,
    message: OutgoingMessage,
    nonce: string,
  ): Promise<{ messageId: string }> {
    // A real platform answers later: let other sends interleave, as they would.
    await Promise.resolve();
    // Discord refuses a longer nonce (error 50035): a sender bug, whatever the rules say.
    if (nonce.length > MAX_NONCE_LENGTH)
      throw new SendError('invalid', `nonce trop long : ${nonce}`);
    const rule = this.rules.find(
      (r) =>
        (r.to === undefined || r.to === to) &&
        (r.target === undefined || r.target === target) &&
        (r.times === undefined || r.times > 0),
    );
    if (rule) {
      if (rule.times !== undefined) rule.times--;
      this.failures.push({ to, target, message, nonce, reason: rule.reason });
      throw new SendError(rule.reason, `échec simulé : ${rule.reason}`, rule.retryAfterMs);
    }
    let messageId = this.byNonce.get(nonce);
    if (this.forwardTo) {
      const sent =
        to === 'direct'
          ? await this.forwardTo.sendDirect(target, message, nonce)
          : await this.forwardTo.sendToChannel(target, message, nonce);
      messageId = sent.messageId;
    } else if (messageId === undefined) {
      messageId = String(this.nextId++);
    }
    this.byNonce.set(nonce, messageId);
    this.calls.push({ to, target, message, nonce, messageId });
    return { messageId };
  }
}
