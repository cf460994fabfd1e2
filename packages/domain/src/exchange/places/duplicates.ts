import { isSiret } from '../../shared/codes.ts';
import { searchKey } from '../../shared/search.ts';

/** What the duplicate search reads of a place. */
export interface DuplicateCandidate {
  id: string;
  name: string;
  pivot?: string | undefined;
  address?: { street: string; postalCode: string } | undefined;
}

/**
 * Groups (2 or more) of places that look like one place published twice: the same real SIRET
 * (never the placeholder) in the same street, or the same name, street and postal code — case,
 * accents, abbreviations (`AV`, `BD`, `ST`) and the kind of way (`rue`, `chemin`) aside. Each place
 * is in one group at most; groups and their places keep the input's order.
 *
 * A SIRET alone is not enough: published files give the SIRET of a head office to each of its
 * branches (the four offices of a chambre d’agriculture, in four towns), which are as many places.
 *
 * @example
 * findDuplicatePlaces(places).map((group) => group.map((p) => p.id)); // [['org_a', 'org_b']]
 */
export function findDuplicatePlaces<T extends DuplicateCandidate>(places: readonly T[]): T[][] {
  const parent = places.map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] as number;
    parent[index] = at;
    return at;
  };
  const union = (a: number, b: number) => {
    const [first, second] = [root(a), root(b)].sort((x, y) => x - y) as [number, number];
    parent[second] = first;
  };
  const firstWith = new Map<string, number>();
  places.forEach((place, index) => {
    if (!place.address) return;
    const street = streetKey(place.address.street);
    const keys = [
      `nom:${searchKey(place.name)}|${street.number}|${street.way}|${place.address.postalCode}`,
    ];
    if (place.pivot !== undefined && isSiret(place.pivot) && street.way !== '') {
      keys.push(`siret:${place.pivot}|${street.way}`);
    }
    for (const key of keys) {
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, index);
      else union(first, index);
    }
  });
  const groups = new Map<number, T[]>();
  places.forEach((place, index) => {
    const group = groups.get(root(index)) ?? [];
    group.push(place);
    groups.set(root(index), group);
  });
  return [...groups.values()].filter((group) => group.length > 1);
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  blvd: 'boulevard',
  ch: 'chemin',
  che: 'chemin',
  imp: 'impasse',
  pl: 'place',
  r: 'rue',
  rte: 'route',
  st: 'saint',
  ste: 'sainte',
  sq: 'square',
  fg: 'faubourg',
};

// The kind of way and small words, which two spellings of an address often disagree on.
const IGNORED = new Set([
  'rue',
  'avenue',
  'boulevard',
  'chemin',
  'impasse',
  'place',
  'route',
  'allee',
  'square',
  'quai',
  'cours',
  'faubourg',
  'passage',
  'bis',
  'ter',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
]);

/**
 * An address line as a house number and the name of its way: `235 AV DU GENERAL DE GAULLE` →
 * `{ number: '235', way: 'general gaulle' }`. A postal code and what follows it (a town written in
 * the line) are left out.
 */
function streetKey(street: string): { number: string; way: string } {
  const words = searchKey(street.replace(/\b\d{5}\b.*$/, ''))
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word);
  const number = words.find((word) => /^\d+$/.test(word)) ?? '';
  const way = words.filter((word) => !/^\d+$/.test(word) && !IGNORED.has(word)).join(' ');
  return { number, way };
}
