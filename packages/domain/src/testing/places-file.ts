import type { DirectoryCommune } from '../exchange/places/communes.ts';
import { luhnValid } from '../shared/codes.ts';

/** The communes of Charente the generated places are in, as the official directory gives them. */
export const GENERATED_PLACES_COMMUNES: readonly (DirectoryCommune & {
  latitude: number;
  longitude: number;
})[] = [
  {
    code: '16015',
    name: 'Angoulême',
    postalCodes: ['16000'],
    latitude: 45.6484,
    longitude: 0.1562,
  },
  { code: '16102', name: 'Cognac', postalCodes: ['16100'], latitude: 45.6958, longitude: -0.3287 },
  {
    code: '16089',
    name: 'Châteaubernard',
    postalCodes: ['16100'],
    latitude: 45.6767,
    longitude: -0.3242,
  },
  { code: '16374', name: 'Soyaux', postalCodes: ['16800'], latitude: 45.6413, longitude: 0.2003 },
  { code: '16167', name: 'Jarnac', postalCodes: ['16200'], latitude: 45.6812, longitude: -0.1745 },
  {
    code: '16028',
    name: 'Barbezieux-Saint-Hilaire',
    postalCodes: ['16300'],
    latitude: 45.4726,
    longitude: -0.1537,
  },
  {
    code: '16106',
    name: 'Confolens',
    postalCodes: ['16500'],
    latitude: 46.0136,
    longitude: 0.6717,
  },
  { code: '16292', name: 'Ruffec', postalCodes: ['16700'], latitude: 46.0285, longitude: 0.1986 },
  {
    code: '16113',
    name: 'La Couronne',
    postalCodes: ['16400'],
    latitude: 45.6088,
    longitude: 0.0997,
  },
  { code: '16271', name: 'Puymoyen', postalCodes: ['16400'], latitude: 45.6167, longitude: 0.1833 },
  {
    code: '16358',
    name: 'Saint-Yrieix-sur-Charente',
    postalCodes: ['16710'],
    latitude: 45.6853,
    longitude: 0.1272,
  },
  {
    code: '16166',
    name: "L'Isle-d'Espagnac",
    postalCodes: ['16340'],
    latitude: 45.6636,
    longitude: 0.1994,
  },
];

const SERVICES = [
  'Maîtrise des outils numériques du quotidien',
  'Compréhension du monde numérique',
  'Aide aux démarches administratives',
  'Insertion professionnelle via le numérique',
  'Accès internet et matériel informatique',
  'Loisirs et créations numériques',
];
const TYPOLOGIES = ['RFS', 'MUNI', 'ASSO', 'CC', 'TIERS_LIEUX', 'BIB', 'CCAS', 'CS'];
const KINDS = [
  'Médiathèque',
  'Espace France Services',
  'Mairie',
  'Centre social',
  'Tiers-lieu',
  'Association',
];
const STREETS = [
  'rue du Port',
  'avenue de la Gare',
  'place du Marché',
  'boulevard Léon Blum',
  'rue des Écoles',
  'allée des Justes de France',
];
const SOURCES = ['conseiller-numerique', 'aidants-connect', 'france-services', 'dora'];
const LABELS = ['CNFS', 'France Services', 'Aidants Connect'];
const PUBLICS = ['Adultes', 'Familles/enfants', 'Jeunes (16-26 ans)', 'Seniors (+ 65 ans)'];

/**
 * The text of a JSON file of `count` places shaped like the files the national map published
 * (fields of the earlier schema: `courriel`, `labels_nationaux` with `;`, `publics_accueillis`),
 * for import benchmarks and load tests. Deterministic: the same `seed` gives the same file. Its
 * warts are those of the real files, in about these shares: 2 % of places published a second time
 * under another id, a third with the placeholder pivot, most without INSEE code, communes in
 * capitals, phone numbers in three spellings, 1 % of points swapped and 0,5 % in the Atlantic
 * (rejected). The communes are `GENERATED_PLACES_COMMUNES`.
 *
 * @example
 * const bytes = new TextEncoder().encode(generatePlacesFile(10_000, 1));
 */
export function generatePlacesFile(count: number, seed: number): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const places: Record<string, string | number>[] = [];
  while (places.length < count) {
    const position = places.length + 1;
    const previous = places[Math.floor(random() * places.length)];
    if (previous !== undefined && random() < 0.02) {
      places.push({ ...previous, id: `mediation-numerique-doublon-${hex(random)}-${position}` });
      continue;
    }
    const commune = pick(GENERATED_PLACES_COMMUNES);
    const roll = random();
    let latitude = round(commune.latitude + (random() - 0.5) * 0.02);
    let longitude = round(commune.longitude + (random() - 0.5) * 0.02);
    if (roll < 0.01) [latitude, longitude] = [longitude, latitude];
    else if (roll < 0.015) [latitude, longitude] = [45.1, -20.4];
    const phone = `5${String(Math.floor(random() * 1e8)).padStart(8, '0')}`;
    const place: Record<string, string | number> = {
      id: `mediation-numerique-${pick(SOURCES)}-${hex(random)}-${position}`,
      nom: `${pick(KINDS)} de ${commune.name} ${position}`,
      services: [...new Set([pick(SERVICES), pick(SERVICES)])].join('|'),
      pivot: random() < 0.35 ? '00000000000000' : siret(random),
      typologie: pick(TYPOLOGIES),
      commune: random() < 0.5 ? commune.name.toUpperCase() : commune.name,
      code_postal: commune.postalCodes[0] as string,
      adresse: `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`,
      latitude,
      longitude,
      frais_a_charge: 'Gratuit',
      modalites_accompagnement: 'Accompagnement individuel',
      labels_nationaux: [...new Set([pick(LABELS), pick(LABELS)])].join(';'),
      source: pick(SOURCES),
      date_maj: `202${Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    };
    if (random() < 0.1) place.code_insee = commune.code;
    if (random() < 0.35) {
      place.telephone = pick([
        `+33${phone}`,
        `0${phone}`.replace(/(\d{2})(?=\d)/g, '$1 '),
        `0${phone}`.replace(/(\d{2})(?=\d)/g, '$1.'),
      ]);
    }
    if (random() < 0.3) place.courriel = `contact${position}@mediation-${commune.code}.fr`;
    if (random() < 0.12) place.publics_accueillis = [pick(PUBLICS), pick(PUBLICS)].join('|');
    if (random() < 0.35) place.horaires = 'Mo-Fr 09:00-12:00,14:00-17:00';
    places.push(place);
  }
  return JSON.stringify(places, null, 2);
}

/** A small seeded generator of numbers in [0, 1): the same seed, the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function hex(random: () => number): string {
  return Math.floor(random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A SIRET with a valid checksum (not La Poste's range). */
function siret(random: () => number): string {
  const body = `2${String(Math.floor(random() * 1e12)).padStart(12, '0')}`;
  for (let digit = 0; digit < 10; digit++) {
    if (luhnValid(`${body}${digit}`)) return `${body}${digit}`;
  }
  return `${body}0`;
}
