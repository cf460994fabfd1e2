import { z } from 'zod';
import { erasePerson, type Person } from '../../people/person.ts';
import { ConflictError, ForbiddenError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { searchKey } from '../../shared/search.ts';
import { validate } from '../../shared/validate.ts';
import { authorizePersonChange } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const PersonalDataInput = z.object({ personId: idOf('person') });

/**
 * What identifies a person in free text: their name (also as a search key: no accents, hyphens
 * as spaces), email, phone (also as people type it) and chat ids. Longest first, so an email is
 * replaced whole before a name it contains. Erasure ignores case.
 */
function identifiersOf(person: Person): string[] {
  const texts = [
    person.displayName,
    searchKey(person.displayName),
    person.email,
    ...(person.phone ? phoneForms(person.phone) : []),
    ...person.chatAccounts.map((a) => a.userId),
  ].filter((text): text is string => text !== undefined && text.length >= 3);
  return [...new Set(texts)].sort((a, b) => b.length - a.length);
}

/**
 * A phone as stored (`+33546123456`) and as people write it: `0546123456`, `05 46 12 34 56`,
 * `05.46.12.34.56`, `05-46-12-34-56`, `+33 5 46 12 34 56`.
 */
function phoneForms(phone: string): string[] {
  const forms = [phone];
  const national = phone.startsWith('+33') ? `0${phone.slice(3)}` : undefined;
  if (national && national.length === 10) {
    const pairs = national.match(/../g) ?? [];
    forms.push(national, pairs.join(' '), pairs.join('.'), pairs.join('-'));
    forms.push(`+33 ${national.slice(1, 2)} ${pairs.slice(1).join(' ')}`);
  }
  return forms;
}

/**
 * Everything stored about a person, machine-readable (right of access, DOMAIN.md §6): their
 * record, and every record of every table that names them by id, name, email, phone or chat id.
 * For the person themselves, a coordinator of a governance where they take part, or the
 * instance's administrator; the audit trail keeps who asked and when.
 */
export async function exportPersonalData(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{
  format: 'maille.donnees-personnelles';
  exportedAt: string;
  person: Person;
  records: Record<string, unknown[]>;
}> {
  const { personId } = validate(PersonalDataInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizePersonChange(ctx, repos, personId);
    const person = await mustGet(repos.persons, personId, 'Personne');
    const records = await repos.personalData.collect([person.id, ...identifiersOf(person)]);
    // Who asked for a person's data, and when, is kept: the export is itself a processing.
    await logRequest(ctx, repos, personId, 'export');
    return { format: 'maille.donnees-personnelles', exportedAt: ctx.clock(), person, records };
  });
}

/**
 * Erases a person (right to erasure, DOMAIN.md §6): their name, email and phone are blanked, their
 * chat links dropped, and every other text that quoted them is rewritten to « membre supprimé ».
 * Their updates stay, attributed to « membre supprimé »; the history keeps only their id.
 */
export async function erasePersonalData(
  ctx: UseCaseContext,
  input: unknown,
): Promise<ErasureReport> {
  const { personId } = validate(PersonalDataInput, input);
  return ctx.store.transaction(async (repos) => {
    // The person themselves may ask (the law gives them the right), as may their coordinators.
    await authorizePersonChange(ctx, repos, personId);
    const person = await mustGet(repos.persons, personId, 'Personne');
    if (person.erasedAt) throw new ConflictError('Cette personne est déjà effacée.');
    const governances = await repos.governances.listTakenPartIn(personId);
    // An administrator or a coordinator erasing themselves would leave the instance or their
    // governances without anyone to answer for them: someone else does it, after a handover.
    const coordinates = governances.some((g) =>
      g.roles.some((r) => r.personId === personId && r.role === 'coordinateur'),
    );
    if (ctx.actor.personId === personId && (ctx.actor.instanceAdmin || coordinates)) {
      throw new ForbiddenError(
        'Un·e administrateur·rice ou un·e coordinateur·rice ne peut pas effacer ses propres données : confiez d’abord la coordination, puis demandez l’effacement à un·e administrateur·rice.',
      );
    }
    const now = ctx.clock();
    await repos.persons.update(erasePerson(person, now));
    // Their own calendar link would keep showing their agenda: revoked with them.
    const feed = await repos.calendarFeeds.findLiveOfPerson(personId);
    if (feed) await repos.calendarFeeds.update({ ...feed.feed, revokedAt: now });
    const rewrittenByTable = await repos.personalData.scrub(
      identifiersOf(person),
      'membre supprimé',
    );
    await logRequest(ctx, repos, personId, 'erase');
    return {
      personId,
      erasedAt: now,
      identityErased: ['displayName', 'email', 'phone'].filter(
        (field) => person[field as keyof Person] !== undefined,
      ),
      chatAccountsUnlinked: person.chatAccounts.length,
      calendarFeedsRevoked: feed ? 1 : 0,
      recordsRewritten: Object.values(rewrittenByTable).reduce((sum, n) => sum + n, 0),
      rewrittenByTable,
      governances: governances.map((g) => g.id),
    };
  });
}

/** What an erasure did, counted: what the API answers and the command line prints. */
export interface ErasureReport {
  personId: string;
  erasedAt: string;
  /** The identifying fields the person had and no longer has (`displayName`, `email`, `phone`). */
  identityErased: string[];
  chatAccountsUnlinked: number;
  calendarFeedsRevoked: number;
  /** Records of other tables where a text quoting them now reads « membre supprimé ». */
  recordsRewritten: number;
  /** The same, by table (`updates: 3`), the person's own record included. */
  rewrittenByTable: Record<string, number>;
  /** The governances they took part in, whose history now keeps the erasure. */
  governances: string[];
}

/**
 * Keeps an export or an erasure in the audit trail — who asked, when, through which channel —
 * in the history of every governance the person takes part in, where their coordination reads
 * it; outside any governance when they take part in none.
 */
async function logRequest(
  ctx: UseCaseContext,
  repos: Repositories,
  personId: string,
  action: 'export' | 'erase',
): Promise<void> {
  const governances = await repos.governances.listTakenPartIn(personId);
  const where = governances.length === 0 ? [undefined] : governances.map((g) => g.id);
  for (const governanceId of where) {
    await recordAudit(ctx, repos, {
      entity: 'person',
      entityId: personId,
      governanceId,
      action,
      after: {},
    });
  }
}
