import { z } from 'zod';

/**
 * Every entity id carries a prefix naming its kind (`gov_…`, `act_…`), so an id pasted in the
 * wrong place is caught by validation and logs read on their own. One table, used everywhere.
 */
export const ID_PREFIXES = {
  territory: 'ter',
  organization: 'org',
  person: 'per',
  governance: 'gov',
  body: 'bod',
  meeting: 'mtg',
  decision: 'dec',
  roadmap: 'rdm',
  axis: 'axe',
  methodStep: 'stp',
  roadmapVersion: 'rmv',
  action: 'act',
  fundingLine: 'fun',
  milestone: 'mil',
  update: 'upd',
  indicator: 'ind',
  measurement: 'mes',
  delivery: 'dlv',
  auditEvent: 'aud',
  placesImport: 'imp',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ID_BODY = /^[0-9A-Za-z]{6,40}$/;

/** The zod schema of one kind of id: its prefix, an underscore, 6 to 40 letters or digits. */
export function idOf<K extends IdKind>(kind: K) {
  const prefix = ID_PREFIXES[kind];
  return z
    .string()
    .max(45)
    .refine(
      (value) => value.startsWith(`${prefix}_`) && ID_BODY.test(value.slice(prefix.length + 1)),
      `Identifiant invalide : « ${prefix}_ » suivi de 6 à 40 lettres ou chiffres attendu.`,
    );
}

/**
 * Makes new ids. The kernel has no randomness of its own: apps pass a generator (random in
 * production, sequential in tests, see `sequentialIds` in `@maille/domain/testing`).
 *
 * @example
 * const id = ids('governance'); // "gov_…"
 */
export type IdGenerator = (kind: IdKind) => string;
