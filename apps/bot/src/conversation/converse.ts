import {
  claimChatAnswer,
  type Database,
  redeemChatLinkCode,
  releaseChatAnswer,
  restoreChatLinkCode,
} from '@maille/db';
import {
  type ActionStatus,
  actionStatusLabels,
  addDays,
  ConflictError,
  coordinatorIds,
  DomainError,
  displayNameOf,
  formatPeriodLabel,
  type IdGenerator,
  localDate,
  periodContaining,
  searchKey,
  ValidationError,
} from '@maille/domain';
import {
  bindChat,
  type Clock,
  completeMilestone,
  getAction,
  getGovernance,
  getMilestone,
  getPerson,
  getRoadmapHealth,
  getUpdate,
  linkChatAccount,
  listMyWork,
  listRoadmaps,
  type MyWorkInGovernance,
  pauseReminders,
  recordMeasurement,
  recordUpdate,
  rescheduleMilestone,
  type Store,
  type UseCaseContext,
  unlinkChatAccount,
} from '@maille/domain/use-cases';
import { type ButtonAction, decodeButtonId, encodeButtonId } from './buttons.ts';
import type { ChatEvent, ChatUser, Form, OptionValue, Reply } from './chat.ts';
import { COMMANDS, commandNamed } from './commands.ts';
import { ChatError } from './errors.ts';
import { clip, dayStamp, fit, parseDay, privately, replacing } from './format.ts';
import { fr } from './messages/fr.ts';
import { type CandidateKind, candidatesOf, resolve, suggest } from './subjects.ts';

/** Who a chat user is, for the bot: a person of the kernel, or nobody yet. */
export interface ChatIdentities {
  /** The person this chat user speaks as, if linked. */
  find(user: ChatUser): Promise<string | undefined>;
  link(user: ChatUser, personId: string): Promise<void>;
  unlink(user: ChatUser, personId: string): Promise<void>;
}

/** What the conversation core needs: the kernel's storage, the database, the clock and ids. */
export interface ConverseContext {
  store: Store;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
  /** Who is who; the chat accounts of the kernel's persons when absent. */
  identities?: ChatIdentities;
  /** Told of an unexpected error (a bug): the user only gets a polite message. */
  onError?: (error: unknown, event: ChatEvent) => void;
}

/** Modal fields hold at most 4 000 characters on Discord. */
const MAX_FORM_TEXT = 4000;
/** `/jalons` looks this far ahead; `/fait`, `/reporter` and `/point` find any open milestone. */
const LIST_HORIZON_DAYS = 30;
const FIND_HORIZON_DAYS = 366;

/**
 * Answers one chat event: a command, an autocomplete request, a button pressed, a form
 * submitted. Knows nothing of Discord. Every refusal or error becomes a French message only the
 * user sees; an unexpected error is reported to `onError` and never shown as a stack trace.
 *
 * @example
 * const reply = await converse(ctx, { type: 'command', user, place: {}, name: 'jalons', options: {} });
 */
export async function converse(ctx: ConverseContext, event: ChatEvent): Promise<Reply> {
  try {
    switch (event.type) {
      case 'command':
        return await runCommand(ctx, event.user, event);
      case 'autocomplete':
        return { type: 'choices', choices: await autocomplete(ctx, event) };
      case 'button':
        return await pressButton(ctx, event.user, event.customId);
      case 'form':
        return await submitForm(ctx, event.user, event.customId, event.fields);
    }
  } catch (error) {
    if (event.type === 'autocomplete') return { type: 'choices', choices: [] };
    return privately(explain(ctx, error, event));
  }
}

/** The chat accounts of the kernel's persons: Discord users, linked by `/lier`. */
export function kernelIdentities(ctx: Omit<ConverseContext, 'identities'>): ChatIdentities {
  return {
    async find(user) {
      if (user.platform !== 'discord') return undefined;
      const person = await ctx.store.transaction((repos) =>
        repos.persons.findByChatAccount('discord', user.userId),
      );
      return person && !person.erasedAt ? person.id : undefined;
    },
    async link(user, personId) {
      await linkChatAccount(kernelAs(ctx, user, personId), {
        personId,
        platform: 'discord',
        userId: user.userId,
      });
    },
    async unlink(user, personId) {
      await unlinkChatAccount(kernelAs(ctx, user, personId), { personId, platform: 'discord' });
    },
  };
}

function identitiesOf(ctx: ConverseContext): ChatIdentities {
  return ctx.identities ?? kernelIdentities(ctx);
}

/** The kernel's context acting as a person, through the chat. */
function kernelAs(
  ctx: Omit<ConverseContext, 'identities'>,
  user: ChatUser,
  personId: string,
): UseCaseContext {
  return {
    store: ctx.store,
    clock: ctx.clock,
    ids: ctx.ids,
    // The console is a way to try the bot from a terminal: what it writes is signed as such.
    actor: { personId, channel: user.platform === 'discord' ? 'discord' : 'cli' },
  };
}

/** A linked user, with their kernel context; an unlinked one is told how to link. */
async function session(ctx: ConverseContext, user: ChatUser) {
  const personId = await identitiesOf(ctx).find(user);
  if (!personId) throw new ChatError(fr.unlinked);
  return { personId, kernel: kernelAs(ctx, user, personId) };
}

type Session = Awaited<ReturnType<typeof session>>;

// ─── Commands ────────────────────────────────────────────────────────────────────────────────

async function runCommand(
  ctx: ConverseContext,
  user: ChatUser,
  event: Extract<ChatEvent, { type: 'command' }>,
): Promise<Reply> {
  const spec = commandNamed(event.name);
  if (!spec) return privately(fr.unknownCommand(event.name));
  const option = (name: string): string => {
    const value = event.options[name];
    if (value === undefined || String(value).trim() === '')
      throw new ChatError(fr.missingOption(name));
    return bounded(value, spec.options.find((o) => o.name === name)?.maxLength);
  };
  switch (spec.name) {
    case 'aide':
      return privately(helpText());
    case 'lier':
      return link(ctx, user, option('code'));
  }
  const me = await session(ctx, user);
  switch (spec.name) {
    case 'delier':
      await identitiesOf(ctx).unlink(user, me.personId);
      return privately(fr.link.unlinked);
    case 'jalons':
      return privately(await milestoneList(me));
    case 'point': {
      const subject = await pick(me, option('sujet'), ['milestone', 'action'], fr.subjects.mine);
      return checkInForm({ verb: 'point', subjectId: subject.id }, subject.title);
    }
    case 'fait': {
      const milestone = await pick(me, option('jalon'), ['milestone'], fr.subjects.milestones);
      await completeMilestone(me.kernel, { milestoneId: milestone.id });
      return privately(fr.done(milestone.title));
    }
    case 'reporter': {
      const milestone = await pick(me, option('jalon'), ['milestone'], fr.subjects.milestones);
      const to = day(option('date'));
      await rescheduleMilestone(me.kernel, {
        milestoneId: milestone.id,
        to,
        reason: option('raison'),
      });
      return privately(fr.rescheduled(milestone.title, dayStamp(to, timeZoneOf(milestone.work))));
    }
    case 'indicateur':
      return recordValue(me, option('indicateur'), event.options.valeur);
    case 'feuille':
      return privately(await healthText(me));
    case 'absence':
      return absence(me, option('date'));
    case 'configurer':
      return configure(me, event, event.options.gouvernance);
  }
  return privately(fr.unknownCommand(event.name));
}

function helpText(): string {
  return [
    fr.help.title,
    ...COMMANDS.map((c) => fr.help.line(c.name, c.description)),
    '',
    fr.help.buttons,
  ].join('\n');
}

async function link(ctx: ConverseContext, user: ChatUser, code: string): Promise<Reply> {
  const identities = identitiesOf(ctx);
  const current = await identities.find(user);
  if (current)
    return privately(fr.link.already(await nameOf(kernelAs(ctx, user, current), current)));
  const redeemed = await redeemChatLinkCode(ctx.database, code, ctx.clock());
  if (!redeemed) return privately(fr.link.badCode);
  try {
    await identities.link(user, redeemed.personId);
  } catch (error) {
    // The code did nothing: give it back, so the person may use it from another account.
    await restoreChatLinkCode(ctx.database, code);
    if (error instanceof ConflictError) return privately(fr.link.taken);
    throw error;
  }
  const kernel = kernelAs(ctx, user, redeemed.personId);
  return privately(fr.link.done(await nameOf(kernel, redeemed.personId)));
}

async function nameOf(kernel: UseCaseContext, personId: string): Promise<string> {
  return displayNameOf(await getPerson(kernel, { personId }));
}

async function myWork(me: Session, horizonDays: number): Promise<MyWorkInGovernance[]> {
  return listMyWork(me.kernel, { horizonDays });
}

async function pick(me: Session, value: string, kinds: CandidateKind[], among: string) {
  return resolve(candidatesOf(await myWork(me, FIND_HORIZON_DAYS), kinds), value, among);
}

function timeZoneOf(work: MyWorkInGovernance): string {
  return work.governance.timeZone;
}

async function milestoneList(me: Session): Promise<string> {
  const work = await myWork(me, LIST_HORIZON_DAYS);
  if (work.length === 0) return fr.milestones.noGovernance;
  const sections = work
    .filter((entry) => entry.milestones.length > 0)
    .map((entry) =>
      [
        fr.milestones.governance(entry.governance.name),
        ...entry.milestones.map(({ milestone, state, actionTitle }) =>
          fr.milestones.line({
            title: milestone.title,
            actionTitle,
            due: dayStamp(milestone.dueDate, timeZoneOf(entry)),
            daysLate:
              state === 'en_retard'
                ? Math.round((Date.parse(entry.today) - Date.parse(milestone.dueDate)) / 86_400_000)
                : 0,
          }),
        ),
      ].join('\n'),
    );
  if (sections.length === 0) return fr.milestones.none;
  return [`**${fr.milestones.title}**`, ...sections, '', fr.milestones.hint].join('\n');
}

async function recordValue(
  me: Session,
  indicatorText: string,
  rawValue: OptionValue | undefined,
): Promise<Reply> {
  const indicator = await pick(me, indicatorText, ['indicator'], fr.subjects.indicators);
  const value = number(rawValue);
  const found = indicator.work.indicators.find((i) => i.id === indicator.id);
  if (!found) throw new ChatError(fr.notFoundAmongMine(fr.subjects.indicators, indicatorText));
  const period = periodContaining(indicator.work.today, found.periodicity);
  await recordMeasurement(me.kernel, {
    indicatorId: found.id,
    territory: indicator.work.governance.territory,
    period,
    value,
  });
  return privately(
    fr.indicator.recorded(found.label, value.toLocaleString('fr-FR'), formatPeriodLabel(period)),
  );
}

async function healthText(me: Session): Promise<string> {
  const lines: string[] = [];
  for (const entry of await myWork(me, 0)) {
    const roadmaps = await listRoadmaps(me.kernel, {
      governanceId: entry.governance.id,
      limit: 10,
    });
    for (const roadmap of roadmaps.items) {
      const { health } = await getRoadmapHealth(me.kernel, { roadmapId: roadmap.id });
      lines.push(
        fr.health.roadmap({
          title: roadmap.title,
          progress: Math.round(health.progress.overall.progress),
          actions: health.actions.total,
          done: health.actions.byStatus.realisee,
          late: health.lateMilestones.length,
          upcoming: health.upcomingMilestones.length,
          withoutOwner: health.actionsWithoutOwner.length,
        }),
      );
    }
  }
  if (lines.length === 0) return fr.health.none;
  return [`**${fr.health.title}**`, ...lines].join('\n');
}

async function absence(me: Session, text: string): Promise<Reply> {
  if (searchKey(text) === 'fin') {
    await pauseReminders(me.kernel, { personId: me.personId, until: null });
    return privately(fr.absence.resumed);
  }
  const until = day(text);
  await pauseReminders(me.kernel, { personId: me.personId, until });
  const [first] = await myWork(me, 0);
  return privately(
    fr.absence.paused(dayStamp(until, first?.governance.timeZone ?? 'Europe/Paris')),
  );
}

async function configure(
  me: Session,
  event: Extract<ChatEvent, { type: 'command' }>,
  chosen: OptionValue | undefined,
): Promise<Reply> {
  const { guildId, channelId } = event.place;
  if (!guildId || !channelId) return privately(fr.configure.notInChannel);
  const coordinated = (await myWork(me, 0)).filter((entry) =>
    coordinatorIds(entry.governance).includes(me.personId),
  );
  if (coordinated.length === 0) return privately(fr.configure.notCoordinator);
  let target = coordinated[0];
  if (chosen !== undefined && String(chosen).trim() !== '') {
    target = resolve(
      candidatesOf(coordinated, ['governance']),
      bounded(chosen, 100),
      fr.subjects.governances,
    ).work;
  } else if (coordinated.length > 1) {
    return privately(fr.configure.choose(coordinated.map((c) => c.governance.name)));
  }
  if (!target) return privately(fr.configure.notCoordinator);
  await bindChat(me.kernel, { governanceId: target.governance.id, guildId, channelId });
  return privately(fr.configure.done(target.governance.name));
}

// ─── Autocomplete ────────────────────────────────────────────────────────────────────────────

const AUTOCOMPLETED: Record<string, CandidateKind[]> = {
  'point:sujet': ['milestone', 'action'],
  'fait:jalon': ['milestone'],
  'reporter:jalon': ['milestone'],
  'indicateur:indicateur': ['indicator'],
  'configurer:gouvernance': ['governance'],
};

async function autocomplete(
  ctx: ConverseContext,
  event: Extract<ChatEvent, { type: 'autocomplete' }>,
): Promise<{ name: string; value: string }[]> {
  const kinds = AUTOCOMPLETED[`${event.command}:${event.option}`];
  if (!kinds) return [];
  const personId = await identitiesOf(ctx).find(event.user);
  if (!personId) return [];
  let work = await listMyWork(kernelAs(ctx, event.user, personId), {
    horizonDays: FIND_HORIZON_DAYS,
  });
  if (event.command === 'configurer')
    work = work.filter((w) => coordinatorIds(w.governance).includes(personId));
  return suggest(candidatesOf(work, kinds), event.query.slice(0, 100));
}

// ─── Buttons and forms ───────────────────────────────────────────────────────────────────────

function checkInForm(action: ButtonAction, title?: string): Reply {
  const form: Form = {
    customId: encodeButtonId(action),
    title: clip(title ? `${fr.checkIn.formTitle} · ${title}` : fr.checkIn.formTitle, 45),
    fields: [
      {
        id: 'texte',
        label: fr.checkIn.text,
        style: 'paragraph',
        required: true,
        maxLength: MAX_FORM_TEXT,
      },
      { id: 'statut', label: fr.checkIn.status, style: 'short', required: false, maxLength: 20 },
      {
        id: 'avancement',
        label: fr.checkIn.progress,
        style: 'short',
        required: false,
        maxLength: 3,
      },
    ],
  };
  return { type: 'form', form };
}

async function pressButton(ctx: ConverseContext, user: ChatUser, customId: string): Promise<Reply> {
  const decoded = decodeButtonId(customId);
  if (!decoded.ok)
    return privately(decoded.reason === 'version' ? fr.outdatedButton : fr.unknownButton);
  const action = decoded.button;
  const me = await session(ctx, user);
  switch (action.verb) {
    case 'point':
      return checkInForm(action, (await subjectOf(me, action.subjectId)).title);
    case 'partage':
      return share(me, action.subjectId);
    case 'fait':
      return answerOnce(ctx, me, action, async () => {
        const milestone = await completeMilestone(me.kernel, { milestoneId: action.subjectId });
        return replacing(fr.done(milestone.title));
      });
    case 'report':
      return answerOnce(ctx, me, action, async () => {
        const milestone = await getMilestone(me.kernel, { milestoneId: action.subjectId });
        const governance = await getGovernance(me.kernel, {
          governanceId: milestone.governanceId,
        });
        // A week from its due date, or from today if that has passed: never into the past.
        const today = localDate(ctx.clock(), governance.timeZone);
        const [, from = today] = [milestone.dueDate, today].sort();
        const to = addDays(from, 7);
        await rescheduleMilestone(me.kernel, {
          milestoneId: milestone.id,
          expectedVersion: milestone.version,
          to,
          reason: fr.weekLater,
        });
        return replacing(fr.rescheduled(milestone.title, dayStamp(to, governance.timeZone)));
      });
    case 'rien':
      return answerOnce(ctx, me, action, async () => {
        const subject = await subjectOf(me, action.subjectId);
        await recordUpdate(me.kernel, {
          subject: { type: subject.type, id: subject.id },
          kind: 'information',
          text: fr.checkIn.nothingNew,
        });
        return replacing(fr.checkIn.nothingNewNoted(subject.title));
      });
  }
}

/**
 * Runs the answer to a reminder once per delivery: a second press (a double click, or the same
 * reminder answered from two devices) gets « Déjà noté » and changes nothing. An answer whose
 * effect failed is forgotten, so the button may be pressed again.
 */
async function answerOnce(
  ctx: ConverseContext,
  me: Session,
  action: ButtonAction,
  work: () => Promise<Reply>,
): Promise<Reply> {
  const deliveryId = action.deliveryId;
  if (deliveryId === undefined) return work();
  const first = await claimChatAnswer(ctx.database, {
    deliveryId,
    personId: me.personId,
    verb: action.verb,
    now: ctx.clock(),
  });
  if (!first) return privately(fr.alreadyNoted);
  try {
    return await work();
  } catch (error) {
    await releaseChatAnswer(ctx.database, deliveryId);
    throw error;
  }
}

async function subjectOf(
  me: Session,
  subjectId: string,
): Promise<{ type: 'milestone' | 'action'; id: string; title: string; isAction: boolean }> {
  if (subjectId.startsWith('act_')) {
    const action = await getAction(me.kernel, { actionId: subjectId });
    return { type: 'action', id: action.id, title: action.title, isAction: true };
  }
  const milestone = await getMilestone(me.kernel, { milestoneId: subjectId });
  return { type: 'milestone', id: milestone.id, title: milestone.title, isAction: false };
}

async function submitForm(
  ctx: ConverseContext,
  user: ChatUser,
  customId: string,
  fields: Record<string, string>,
): Promise<Reply> {
  const decoded = decodeButtonId(customId);
  if (!decoded.ok)
    return privately(decoded.reason === 'version' ? fr.outdatedButton : fr.unknownButton);
  const action = decoded.button;
  if (action.verb !== 'point') return privately(fr.unknownButton);
  const me = await session(ctx, user);
  const subject = await subjectOf(me, action.subjectId);
  const input = checkInInput(subject, fields);
  return answerOnce(ctx, me, action, async () => {
    const update = await recordUpdate(me.kernel, input);
    const share = encodeButtonId({ verb: 'partage', subjectId: update.id });
    return privately(fr.checkIn.recorded(subject.title), [
      [{ customId: share, label: fr.checkIn.share, style: 'secondary' }],
    ]);
  });
}

/** The update a check-in form describes, checked before anything is written. */
function checkInInput(
  subject: { type: 'milestone' | 'action'; id: string; isAction: boolean },
  fields: Record<string, string>,
) {
  const text = (fields.texte ?? '').trim();
  if (text === '') throw new ChatError(fr.checkIn.emptyText);
  if (text.length > MAX_FORM_TEXT) throw new ChatError(fr.checkIn.textTooLong(MAX_FORM_TEXT));
  const rawProgress = (fields.avancement ?? '').trim().replace(/\s*%$/, '');
  let progress: number | undefined;
  if (rawProgress !== '') {
    progress = Number(rawProgress);
    if (!/^\d{1,3}$/.test(rawProgress) || progress > 100)
      throw new ChatError(fr.checkIn.badProgress(rawProgress));
  }
  const status = (fields.statut ?? '').trim();
  return {
    subject: { type: subject.type, id: subject.id },
    text,
    ...(progress === undefined ? {} : { progress }),
    ...(status === '' ? {} : statusChange(subject.isAction, status)),
  };
}

const MILESTONE_STATUSES = { atteint: 'Atteint', annule: 'Annulé' } as const;

/** A status typed by hand (« en cours », « Réalisée », « atteint »), as the kernel names it. */
function statusChange(
  isAction: boolean,
  text: string,
): { actionStatus: ActionStatus } | { milestoneStatus: 'atteint' | 'annule' } {
  const labels: Record<string, string> = isAction ? actionStatusLabels : MILESTONE_STATUSES;
  const key = searchKey(text).replace(/\s+/g, '_');
  const found = Object.entries(labels).find(
    ([code, label]) => code === key || searchKey(label) === searchKey(text),
  );
  if (!found)
    throw new ChatError(
      fr.checkIn.badStatus(
        text,
        Object.values(labels).map((l) => l.toLowerCase()),
      ),
    );
  return isAction
    ? { actionStatus: found[0] as ActionStatus }
    : { milestoneStatus: found[0] as 'atteint' | 'annule' };
}

async function share(me: Session, updateId: string): Promise<Reply> {
  const update = await getUpdate(me.kernel, { updateId });
  if (update.authorId !== me.personId) throw new ChatError(fr.checkIn.notYours);
  const subject =
    update.subject.type === 'milestone' || update.subject.type === 'action'
      ? (await subjectOf(me, update.subject.id)).title
      : update.subject.id;
  // Shared where the community talks, whichever conversation the author wrote it in.
  const { chat } = await getGovernance(me.kernel, { governanceId: update.governanceId });
  if (!chat || chat.disabledAt) throw new ChatError(fr.checkIn.noCommunityChannel);
  return {
    type: 'post',
    channelId: chat.channelId,
    message: {
      text: fit(fr.checkIn.shared(await nameOf(me.kernel, me.personId), subject, update.text)),
    },
    confirmation: { text: fr.checkIn.sharedConfirmation },
  };
}

// ─── Inputs and errors ───────────────────────────────────────────────────────────────────────

/** An option as text, cut to its declared length (an adapter may not enforce it). */
function bounded(value: OptionValue, maxLength = 200): string {
  return String(value).trim().slice(0, maxLength);
}

function day(text: string): string {
  const parsed = parseDay(text);
  if (!parsed) throw new ChatError(fr.invalidDate(text));
  return parsed;
}

/** A number as given by Discord, or typed with a French decimal comma (« 12,5 »). */
function number(value: OptionValue | undefined): number {
  if (value === undefined) throw new ChatError(fr.missingOption('valeur'));
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const text = String(value).trim().replace(/\s/g, '').replace(',', '.');
  const parsed = Number(text);
  if (text === '' || !Number.isFinite(parsed)) throw new ChatError(fr.invalidNumber(String(value)));
  return parsed;
}

function explain(ctx: ConverseContext, error: unknown, event: ChatEvent): string {
  if (error instanceof ChatError) return error.message;
  if (error instanceof ValidationError)
    return fr.invalid(
      error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message],
    );
  if (error instanceof DomainError) return fr.refused(error.message);
  ctx.onError?.(error, event);
  return fr.unexpected;
}
