import type { Address, OrganizationFields } from '../../actors/organization.ts';
import { searchKey } from '../../shared/search.ts';
import { PLACE_FIELDS } from './place-fields.ts';

/** A field both places fill differently: the value kept, the other one, nothing dropped unseen. */
export interface MergeConflict {
  field: string;
  /** The field's name in French. */
  label: string;
  kept: unknown;
  other: unknown;
}

/** For a field that differs, whose value the merge keeps (`kept` when not said). */
export type MergeChoices = Readonly<Record<string, 'kept' | 'other'>>;

type FieldKey = keyof OrganizationFields;
const FIELD_KEYS = Object.keys(PLACE_FIELDS) as FieldKey[];

/**
 * Merges `other` into `kept`, two records of one place: lists united (national ids, services,
 * e-mail addresses and websites…), empty fields filled from `other`. A field both fill differently
 * keeps `kept`'s value unless `choices[field] === 'other'`, and is listed in `conflicts`, so that
 * nothing is lost silently. Two spellings of one address are one address, completed from both
 * (an INSEE code, coordinates). A category « autre » counts as empty.
 *
 * @example
 * const { fields, conflicts } = mergePlaces(kept, other, { phone: 'other' });
 * fields.nationalIds; // both places' national ids
 * conflicts; // [{ field: 'phone', label: 'Téléphone', kept: '+33545…', other: '+33545…' }]
 */
export function mergePlaces(
  kept: OrganizationFields,
  other: OrganizationFields,
  choices: MergeChoices = {},
): { fields: OrganizationFields; conflicts: MergeConflict[] } {
  const merged: Record<string, unknown> = {};
  const conflicts: MergeConflict[] = [];
  const conflict = (field: string, keptValue: unknown, otherValue: unknown) =>
    conflicts.push({
      field,
      label: PLACE_FIELDS[field as FieldKey]?.label ?? field,
      kept: keptValue,
      other: otherValue,
    });

  for (const key of FIELD_KEYS) {
    if (key === 'email' || key === 'otherEmails' || key === 'website' || key === 'otherWebsites') {
      continue;
    }
    const mine = kept[key];
    const theirs = other[key];
    if (Array.isArray(mine) || Array.isArray(theirs)) {
      merged[key] = [
        ...new Set([...((mine as unknown[]) ?? []), ...((theirs as unknown[]) ?? [])]),
      ];
    } else if (key === 'address') {
      const address = mergeAddresses(kept.address, other.address, choices.address);
      if (address.conflict) conflict(key, kept.address, other.address);
      if (address.value !== undefined) merged[key] = address.value;
    } else if (isEmpty(key, mine)) {
      if (theirs !== undefined) merged[key] = theirs;
    } else if (isEmpty(key, theirs) || sameValue(mine, theirs)) {
      merged[key] = mine;
    } else {
      conflict(key, mine, theirs);
      merged[key] = choices[key] === 'other' ? theirs : mine;
    }
  }
  // Addresses and websites are lists whose first is the main one: the chosen place's comes first.
  const otherFirst = (field: string) => choices[field] === 'other';
  const [email, ...otherEmails] = united(
    otherFirst('email') ? other : kept,
    otherFirst('email') ? kept : other,
    'email',
    'otherEmails',
  );
  const [website, ...otherWebsites] = united(
    otherFirst('website') ? other : kept,
    otherFirst('website') ? kept : other,
    'website',
    'otherWebsites',
  );
  Object.assign(merged, {
    ...(email === undefined ? {} : { email }),
    otherEmails,
    ...(website === undefined ? {} : { website }),
    otherWebsites,
  });
  return { fields: merged as OrganizationFields, conflicts };
}

function isEmpty(key: FieldKey, value: unknown): boolean {
  return value === undefined || value === '' || (key === 'category' && value === 'autre');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function united(
  first: OrganizationFields,
  second: OrganizationFields,
  main: 'email' | 'website',
  more: 'otherEmails' | 'otherWebsites',
): string[] {
  const all = [first[main], ...first[more], second[main], ...second[more]];
  return [...new Set(all.filter((value): value is string => value !== undefined))];
}

/**
 * One address from two: the one present, or the chosen one completed from the other when both
 * name the same street, postal code and commune. A conflict when they differ otherwise.
 */
function mergeAddresses(
  kept: Address | undefined,
  other: Address | undefined,
  choice: 'kept' | 'other' | undefined,
): { value: Address | undefined; conflict: boolean } {
  if (kept === undefined || other === undefined) return { value: kept ?? other, conflict: false };
  const [chosen, rest] = choice === 'other' ? [other, kept] : [kept, other];
  const sameAddress =
    searchKey(kept.street) === searchKey(other.street) &&
    kept.postalCode === other.postalCode &&
    searchKey(kept.city) === searchKey(other.city);
  if (!sameAddress) return { value: chosen, conflict: true };
  const value = { ...rest, ...chosen } as Address;
  const parts = ['complement', 'inseeCode', 'latitude', 'longitude'] as const;
  const conflict = parts.some(
    (part) => kept[part] !== undefined && other[part] !== undefined && kept[part] !== other[part],
  );
  return { value, conflict };
}
