import { z } from 'zod';
import { erasePerson, type Person } from '../../people/person.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { searchKey } from '../../shared/search.ts';
import { validate } from '../../shared/validate.ts';
import { authorizePersonChange } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, recordAudit } from '../helpers.ts';

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
    await recordAudit(ctx, repos, {
      entity: 'person',
      entityId: personId,
      action: 'export',
      after: {},
    });
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
): Promise<{ recordsRewritten: number }> {
  const { personId } = validate(PersonalDataInput, input);
  return ctx.store.transaction(async (repos) => {
    // The person themselves may ask (the law gives them the right), as may their coordinators.
    await authorizePersonChange(ctx, repos, personId);
    const person = await mustGet(repos.persons, personId, 'Personne');
    if (person.erasedAt) throw new ConflictError('Cette personne est déjà effacée.');
    const now = ctx.clock();
    await repos.persons.update(erasePerson(person, now));
    // Their own calendar link would keep showing their agenda: revoked with them.
    const feed = await repos.calendarFeeds.findLiveOfPerson(personId);
    if (feed) await repos.calendarFeeds.update({ ...feed.feed, revokedAt: now });
    const recordsRewritten = await repos.personalData.scrub(
      identifiersOf(person),
      'membre supprimé',
    );
    await recordAudit(ctx, repos, {
      entity: 'person',
      entityId: personId,
      action: 'erase',
      after: {},
    });
    return { recordsRewritten };
  });
}
