import { searchKey } from '@maille/domain';
import {
  getAction,
  getMilestone,
  listMyWork,
  type MyWorkInGovernance,
  sameTransaction,
} from '@maille/domain/use-cases';
import { fr } from '../messages/fr.ts';
import type { ChatUser } from './chat.ts';
import { ChatError } from './errors.ts';
import { clip, MAX_CHOICE_LENGTH, MAX_CHOICES } from './format.ts';
import { type ConverseContext, identitiesOf, kernelAs, type Session } from './session.ts';

/** `/jalons` looks this far ahead; the commands naming a milestone find any open one. */
export const LIST_HORIZON_DAYS = 30;
const FIND_HORIZON_DAYS = 366;

/** What a person carries, governance by governance, up to `horizonDays` ahead. */
export async function myWork(me: Session, horizonDays: number): Promise<MyWorkInGovernance[]> {
  return listMyWork(me.kernel, { horizonDays });
}

/** The one thing of mine an option names (see `resolve`), among `kinds`. */
export async function pick(
  me: Session,
  value: string,
  kinds: readonly CandidateKind[],
  among: string,
): Promise<Candidate> {
  return resolve(candidatesOf(await myWork(me, FIND_HORIZON_DAYS), kinds), value, among);
}

/**
 * Autocomplete: what of the user's work of `kinds` matches `query`, nothing for an unlinked user.
 * `keep` narrows the governances (those the user coordinates, for `/configurer`).
 */
export async function suggestMine(
  ctx: ConverseContext,
  user: ChatUser,
  query: string,
  kinds: readonly CandidateKind[],
  keep: (work: MyWorkInGovernance, personId: string) => boolean = () => true,
): Promise<{ name: string; value: string }[]> {
  // One transaction for who asks and what they carry: suggestions come by the keystroke.
  const work = await ctx.store.transaction(async (repos) => {
    const inside = { ...ctx, store: sameTransaction(repos) };
    const personId = await identitiesOf(inside).find(user);
    if (!personId) return [];
    const mine = await listMyWork(kernelAs(inside, user, personId), {
      horizonDays: FIND_HORIZON_DAYS,
      withIndicators: kinds.includes('indicator'),
    });
    return mine.filter((w) => keep(w, personId));
  });
  return suggest(candidatesOf(work, kinds), query.slice(0, MAX_CHOICE_LENGTH));
}

/**
 * The milestone or action of mine a button or form outside a reminder names: the rule of `/point`
 * and `/fait`, which offer nothing else. Anything else is a button the bot never made.
 */
export async function mySubject(
  me: Session,
  subjectId: string,
): Promise<{ type: 'milestone' | 'action'; id: string; title: string }> {
  const candidates = candidatesOf(await myWork(me, FIND_HORIZON_DAYS), ['milestone', 'action']);
  const found = candidates.find((c) => c.id === subjectId);
  if (!found || (found.kind !== 'milestone' && found.kind !== 'action'))
    throw new ChatError(fr.unknownButton);
  return { type: found.kind, id: found.id, title: found.title };
}

/** The milestone or action a button or form acts on. */
export async function subjectOf(
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

/** Something of mine a command may name: a milestone, an action, an indicator, a governance. */
export interface Candidate {
  kind: 'milestone' | 'action' | 'indicator' | 'governance';
  id: string;
  /** How it reads in a suggestion list. */
  name: string;
  /** Its own title, as matched against what is typed. */
  title: string;
  work: MyWorkInGovernance;
}

export type CandidateKind = Candidate['kind'];

/** What of `work` a command may name, in the order suggestions show them (late first). */
export function candidatesOf(
  work: readonly MyWorkInGovernance[],
  kinds: readonly CandidateKind[],
): Candidate[] {
  const all: Candidate[] = [];
  for (const entry of work) {
    if (kinds.includes('milestone')) {
      for (const { milestone } of entry.milestones) {
        const due = dayLabel(milestone.dueDate);
        all.push({
          kind: 'milestone',
          id: milestone.id,
          name: fr.subjects.milestone(milestone.title, due),
          title: milestone.title,
          work: entry,
        });
      }
    }
    if (kinds.includes('action')) {
      for (const action of entry.actions) {
        all.push({
          kind: 'action',
          id: action.id,
          name: fr.subjects.action(action.code, action.title),
          title: action.title,
          work: entry,
        });
      }
    }
    if (kinds.includes('indicator')) {
      for (const indicator of entry.indicators) {
        all.push({
          kind: 'indicator',
          id: indicator.id,
          name: indicator.label,
          title: indicator.label,
          work: entry,
        });
      }
    }
    if (kinds.includes('governance')) {
      all.push({
        kind: 'governance',
        id: entry.governance.id,
        name: entry.governance.name,
        title: entry.governance.name,
        work: entry,
      });
    }
  }
  return all;
}

/** Autocomplete: the candidates whose name contains what is typed, ignoring case and accents. */
function suggest(
  candidates: readonly Candidate[],
  query: string,
): { name: string; value: string }[] {
  const key = searchKey(query);
  return candidates
    .filter((c) => searchKey(c.name).includes(key))
    .slice(0, MAX_CHOICES)
    .map((c) => ({ name: clip(c.name, MAX_CHOICE_LENGTH), value: c.id }));
}

/**
 * The candidate an option names: by id (what autocomplete gives), or by a piece of its title
 * (what someone types without choosing), which must then designate one candidate only.
 */
export function resolve(candidates: readonly Candidate[], value: string, among: string): Candidate {
  const text = value.trim();
  const byId = candidates.find((c) => c.id === text);
  if (byId) return byId;
  const key = searchKey(text);
  const found = key === '' ? [] : candidates.filter((c) => searchKey(c.name).includes(key));
  const exact = found.filter((c) => searchKey(c.title) === key);
  const [only] = exact.length === 1 ? exact : found;
  if (only && (found.length === 1 || exact.length === 1)) return only;
  if (found.length === 0) throw new ChatError(fr.notFoundAmongMine(among, text));
  throw new ChatError(
    fr.ambiguous(
      text,
      found.slice(0, 5).map((c) => c.title),
    ),
  );
}

/** A timestamp is of no use inside a suggestion (Discord shows it raw): the date as written. */
function dayLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
