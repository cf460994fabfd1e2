import { organizationCategoryLabels } from '../actors/organization.ts';
import { territoryLevelLabels } from '../actors/territory.ts';
import { bodyKindLabels, frequencyLabels, memberPositionLabels } from '../governance/body.ts';
import {
  formalityLabels,
  governanceOrganizationRoleLabels,
  governanceRoleLabels,
  perimeterLabels,
} from '../governance/governance.ts';
import { attendanceLabels, meetingStatusLabels } from '../governance/meeting.ts';
import {
  directionLabels,
  indicatorMethodLabels,
  timeAggregationLabels,
  unitLabels,
} from '../indicators/indicator.ts';
import { measurementStatusLabels } from '../indicators/measurement.ts';
import { periodicityLabels } from '../indicators/period.ts';
import { personFunctionLabels } from '../people/person.ts';
import {
  actionKindLabels,
  actionStatusLabels,
  needLabels,
  priorityLabels,
} from '../roadmap/action.ts';
import { funderKindLabels, fundingStatusLabels } from '../roadmap/funding-line.ts';
import { milestoneStatusLabels } from '../roadmap/milestone.ts';
import { formatEuros } from '../roadmap/money.ts';
import {
  contractLabels,
  methodStepKindLabels,
  methodStepStatusLabels,
  roadmapStatusLabels,
} from '../roadmap/roadmap.ts';
import { updateChannelLabels, updateKindLabels } from '../roadmap/update.ts';
import { plural } from '../shared/plural.ts';
import { formatDate, localDate, toLocal } from '../shared/time.ts';
import type { AuditEvent } from './audit-event.ts';

/** One changed field of an event, as a reader sees it: its French name, before → after. */
export interface HistoryChange {
  field: string;
  label: string;
  /** Absent when the field had no value (a field set for the first time). */
  before?: string | undefined;
  /** Absent when the field has no value any more (a field cleared). */
  after?: string | undefined;
  /** For a list (payments, decisions, members…): the items it gained, each in a few words. */
  added?: string[] | undefined;
  /** For a list: the items it lost. */
  removed?: string[] | undefined;
  /** For a list of items with an id (decisions, axes…): the items changed, as they are now. */
  changed?: string[] | undefined;
}

/** An audit event in French: who, when, through which channel, what, and the fields changed. */
export interface HistoryLine {
  /**
   * « Claire Martin », « membre supprimé » after an erasure, « administration de l’instance »
   * for an administrator's key, « Maille » for no one (the command line, a job).
   */
  author: string;
  /** « 6 décembre 2026 à 10 h 15 », in the governance's time zone. */
  when: string;
  /** « Web », « API », « Discord », « Ligne de commande », « Import ». */
  channel: string;
  /** « a modifié l’action « Former les aidants » ». */
  summary: string;
  /** The name of the record, as it is now (« Former les aidants »), when it is known. */
  subject?: string | undefined;
  /** « Décidé en Comité de pilotage du 12 mars 2027 : … », when a meeting decision made it. */
  decision?: string | undefined;
  changes: HistoryChange[];
}

/** What a line needs besides the event: the names the history read for it. */
export interface HistoryContext {
  /** The author's name (see `historyAuthorName`). */
  author: string;
  /** The name or title of the record the event is about, when it is known. */
  subject?: string | undefined;
  /** What the history says of the decision that made the change (see `describeDecision`). */
  decision?: string | undefined;
  /**
   * The current names of the records the changes point to by id (`ownerId`, a member's
   * `personId`, `leadOrganizationIds`…): « Responsable : Claire Martin » rather than an id.
   */
  names?: ReadonlyMap<string, string> | undefined;
  timeZone: string;
}

type Names = ReadonlyMap<string, string>;
const NO_NAMES: Names = new Map();

/** Who the history names as an event's author: no actor is Maille itself (an import, a job). */
export const SYSTEM_AUTHOR = 'Maille';

/** Who the history names when an administrator's key acted on behalf of no person. */
export const ADMINISTRATOR_AUTHOR = 'administration de l’instance';

interface Noun {
  /** « l’action » */
  the: string;
  /** « de l’action » */
  of: string;
}

const noun = (the: string, of: string): Noun => ({ the, of });

/** The French name of each kind of record the audit trail names (`AuditEvent.entity`). */
export const historyEntityNouns: Record<string, Noun> = {
  governance: noun('la gouvernance', 'de la gouvernance'),
  roadmap: noun('la feuille de route', 'de la feuille de route'),
  action: noun('l’action', 'de l’action'),
  milestone: noun('le jalon', 'du jalon'),
  funding_line: noun('le financement', 'du financement'),
  update: noun('le point d’étape', 'du point d’étape'),
  body: noun('l’instance', 'de l’instance'),
  meeting: noun('la séance', 'de la séance'),
  indicator: noun('l’indicateur', 'de l’indicateur'),
  measurement: noun('la mesure', 'de la mesure'),
  organization: noun('la structure', 'de la structure'),
  person: noun('la personne', 'de la personne'),
  territory: noun('le territoire', 'du territoire'),
  places_import: noun('l’import de lieux', 'de l’import de lieux'),
};

/** The kinds of record the audit trail names, as `AuditEvent.entity` writes them. */
export const HISTORY_ENTITIES = Object.keys(historyEntityNouns) as [string, ...string[]];

/** The French name of a kind of record, for a filter's title (« Historique de l’action »). */
export function historyEntityNoun(entity: string): Noun {
  return historyEntityNouns[entity] ?? noun('l’élément', 'de l’élément');
}

/** What each `AuditEvent.action` did, with the noun it takes (`the` or `of`). */
const VERBS: Record<string, [verb: string, form: keyof Noun]> = {
  create: ['a créé', 'the'],
  update: ['a modifié', 'the'],
  'action.edit': ['a modifié', 'the'],
  change_status: ['a changé le statut', 'of'],
  transition: ['a changé le statut', 'of'],
  adopt: ['a adopté', 'the'],
  promote: ['a fait passer en fiche-action', 'the'],
  record: ['a saisi', 'the'],
  validate: ['a validé', 'the'],
  erase: ['a effacé les données personnelles', 'of'],
  export: ['a exporté les données personnelles', 'of'],
  bind_chat: ['a relié au salon de discussion', 'the'],
  disable_chat: ['a détaché du salon de discussion', 'the'],
  add_organization: ['a ajouté une structure', 'the'],
  remove_organization: ['a retiré une structure', 'of'],
  link_chat_account: ['a relié un compte de discussion', 'the'],
  unlink_chat_account: ['a délié un compte de discussion', 'of'],
  'organization.imported': ['a importé', 'the'],
  'organization.merged': ['a fusionné', 'the'],
  'organization.merged_into': ['a fusionné dans une autre', 'the'],
  'action.organization_merged': ['a mis à jour après une fusion de structures', 'the'],
  'governance.organization_merged': ['a mis à jour après une fusion de structures', 'the'],
  'places.imported': ['a importé des lieux', 'the'],
  'directory.loaded': ['a chargé le référentiel', 'of'],
  payment: ['a enregistré un versement', 'of'],
  payment_correction: ['a corrigé un versement', 'of'],
  payment_deletion: ['a supprimé un versement', 'of'],
  assign_role: ['a attribué un rôle', 'the'],
  remove_role: ['a retiré un rôle', 'the'],
  change_organization_role: ['a changé le rôle d’une structure', 'the'],
  pause_reminders: ['a mis en pause les rappels', 'of'],
  resume_reminders: ['a repris les rappels', 'of'],
  unsubscribe_reminder: ['a désactivé un rappel par courriel', 'of'],
  decide: ['a enregistré une décision', 'the'],
  remove: ['a retiré', 'the'],
};

// `add_organization` reads « a ajouté une structure à la gouvernance »: its noun takes « à »; a
// decision is recorded « lors de la séance »; a role is given « dans la gouvernance ».
const TO: Record<string, string> = {
  add_organization: 'à',
  decide: 'lors de',
  assign_role: 'dans',
  remove_role: 'dans',
  change_organization_role: 'dans',
};

/** French names of the fields the history shows; a field not listed shows as it is named. */
export const historyFieldLabels: Record<string, string> = {
  title: 'Titre',
  name: 'Nom',
  label: 'Libellé',
  code: 'Code',
  description: 'Description',
  objectives: 'Objectifs',
  status: 'Statut',
  statusHistory: 'Historique des statuts',
  kind: 'Type',
  kindHistory: 'Historique des types',
  priority: 'Priorité',
  ownerId: 'Responsable',
  startDate: 'Début',
  endDate: 'Fin',
  dueDate: 'Échéance',
  completedOn: 'Atteint le',
  evidence: 'Preuve',
  reschedules: 'Reports',
  weight: 'Poids',
  budgetCents: 'Budget',
  amountCents: 'Montant',
  needs: 'Besoins',
  indicatorIds: 'Indicateurs',
  leadOrganizationIds: 'Porteurs',
  partnerOrganizationIds: 'Partenaires',
  axisId: 'Axe',
  axes: 'Axes',
  roadmapId: 'Feuille de route',
  actionId: 'Action',
  bodyId: 'Instance',
  promotedAt: 'Passée en fiche-action le',
  fromYear: 'De l’année',
  toYear: 'À l’année',
  contract: 'Contrat',
  contractLabel: 'Intitulé du contrat',
  diagnosis: 'Diagnostic',
  method: 'Méthode',
  public: 'Publique',
  adoption: 'Adoption',
  territory: 'Territoire',
  perimeter: 'Périmètre',
  formality: 'Formalisation',
  timeZone: 'Fuseau horaire',
  reminderRules: 'Règles de rappel',
  roles: 'Rôles',
  organizations: 'Structures',
  organizationId: 'Structure',
  chat: 'Salon de discussion',
  frequency: 'Fréquence',
  members: 'Membres',
  startsAt: 'Date',
  durationMinutes: 'Durée (minutes)',
  place: 'Lieu',
  link: 'Lien',
  agenda: 'Ordre du jour',
  minutes: 'Compte rendu',
  decisions: 'Décisions',
  attendance: 'Présences',
  unit: 'Unité',
  timeAggregation: 'Agrégation dans le temps',
  territoryRollup: 'Agrégation par territoire',
  periodicity: 'Périodicité',
  direction: 'Sens souhaité',
  targets: 'Cibles',
  referential: 'Référentiel',
  indicatorId: 'Indicateur',
  period: 'Période',
  value: 'Valeur',
  source: 'Source',
  comment: 'Commentaire',
  revision: 'Révision',
  funderKind: 'Financeur',
  funderOrganizationId: 'Structure financeuse',
  programme: 'Programme',
  decidedOn: 'Décidé le',
  applicationDeadline: 'Date limite de dépôt',
  grantedCents: 'Montant accordé',
  payments: 'Versements',
  agreementEndsOn: 'Fin de la convention',
  reportDueOn: 'Bilan à rendre le',
  reportSubmittedOn: 'Bilan remis le',
  decidedBy: 'Décidé en séance',
  note: 'Note',
  category: 'Catégorie',
  pivot: 'Identifiant (SIRET, SIREN ou RNA)',
  address: 'Adresse',
  website: 'Site web',
  services: 'Services',
  publics: 'Publics',
  openingHours: 'Horaires',
  mergedInto: 'Fusionnée dans',
  displayName: 'Nom',
  email: 'Courriel',
  phone: 'Téléphone',
  functions: 'Fonctions',
  reminders: 'Rappels',
  chatAccounts: 'Comptes de discussion',
  erasedAt: 'Effacée le',
  level: 'Niveau',
  population: 'Population',
  text: 'Texte',
  progress: 'Avancement',
  subject: 'Objet',
  id: 'Identifiant',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
  version: 'Version',
  governanceId: 'Gouvernance',
  demo: 'Démonstration',
  actionStatus: 'Statut de l’action',
  milestoneStatus: 'Statut du jalon',
  authorId: 'Auteur',
  channel: 'Canal',
  recordedAt: 'Saisie le',
  summary: 'Présentation',
  supportModes: 'Modalités d’accompagnement',
  fees: 'Frais à charge',
  nationalProgrammes: 'Dispositifs nationaux',
  sourceUpdatedAt: 'Mise à jour de la source',
  nationalIds: 'Identifiants nationaux',
  typologies: 'Typologies',
  itinerance: 'Itinérance',
  accessModes: 'Modalités d’accès',
  specificSupports: 'Prises en charge spécifiques',
  trainingLabels: 'Labels de formation',
  otherTrainingLabels: 'Autres labels de formation',
  accessibilityUrl: 'Fiche d’accessibilité',
  appointmentUrl: 'Prise de rendez-vous',
  parentStructure: 'Structure parente',
  otherEmails: 'Autres courriels',
  otherWebsites: 'Autres sites web',
  parents: 'Territoires englobants',
  postalCodes: 'Codes postaux',
  official: 'Référentiel officiel',
  retiredIn: 'Supprimé du référentiel en',
};

// The labels of a field's values: by the field and the kind of record when it matters.
const ENUMS: Record<string, Record<string, string>> = {
  'action.status': actionStatusLabels,
  'milestone.status': milestoneStatusLabels,
  'roadmap.status': roadmapStatusLabels,
  'funding_line.status': fundingStatusLabels,
  'meeting.status': meetingStatusLabels,
  'measurement.status': measurementStatusLabels,
  'action.kind': actionKindLabels,
  'body.kind': bodyKindLabels,
  'update.kind': updateKindLabels,
  'organization.category': organizationCategoryLabels,
  priority: priorityLabels,
  needs: needLabels,
  frequency: frequencyLabels,
  perimeter: perimeterLabels,
  formality: formalityLabels,
  contract: contractLabels,
  unit: unitLabels,
  method: indicatorMethodLabels,
  timeAggregation: timeAggregationLabels,
  periodicity: periodicityLabels,
  direction: directionLabels,
  funderKind: funderKindLabels,
  level: territoryLevelLabels,
  functions: personFunctionLabels,
  channel: updateChannelLabels,
  actionStatus: actionStatusLabels,
  milestoneStatus: milestoneStatusLabels,
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? shorten(value) : undefined;

const label = (labels: Record<string, string>, value: unknown): string | undefined =>
  typeof value === 'string' ? (labels[value] ?? value) : undefined;

const day = (value: unknown): string | undefined =>
  typeof value === 'string' && DATE.test(value.slice(0, 10))
    ? formatDate(value.slice(0, 10))
    : undefined;

const joined = (...parts: (string | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');

type Item = Record<string, unknown>;

/**
 * How an item of a list field reads, in a few words (« 12 000,00 € le 3 mars 2026 »): by the kind
 * of record and the field, or by the field alone. A list of objects not named here reads by its
 * title, text, label or name.
 */
const ITEMS: Record<string, (item: Item, names: Names) => string | undefined> = {
  payments: (p) =>
    joined(
      typeof p.amountCents === 'number' ? formatEuros(p.amountCents) : undefined,
      day(p.on) && `le ${day(p.on)}`,
      text(p.note) && `(${text(p.note)})`,
    ),
  'funding_line.statusHistory': (s) =>
    joined(label(fundingStatusLabels, s.status), day(s.at) && `le ${day(s.at)}`),
  'action.statusHistory': (s) =>
    joined(
      `${label(actionStatusLabels, s.from) ?? '—'} → ${label(actionStatusLabels, s.to) ?? '—'}`,
      day(s.at) && `le ${day(s.at)}`,
      text(s.reason) && `: ${text(s.reason)}`,
    ),
  reschedules: (r) =>
    joined(
      day(r.from) && `du ${day(r.from)}`,
      day(r.to) && `au ${day(r.to)}`,
      text(r.reason) && `: ${text(r.reason)}`,
    ),
  decisions: (d) => text(d.text),
  agenda: (a) => text(a.title),
  attendance: (a, names) => joined(nameOf(names, a.personId), label(attendanceLabels, a.status)),
  members: (m, names) =>
    joined(
      nameOf(names, m.personId),
      label(memberPositionLabels, m.position),
      day(m.since) && `depuis le ${day(m.since)}`,
    ),
  kindHistory: (k) =>
    joined(label(bodyKindLabels, k.kind), day(k.until) && `jusqu’au ${day(k.until)}`),
  roles: (r, names) =>
    joined(
      nameOf(names, r.personId),
      label(governanceRoleLabels, r.role),
      day(r.since) && `depuis le ${day(r.since)}`,
    ),
  organizations: (o, names) =>
    joined(
      nameOf(names, o.organizationId),
      label(governanceOrganizationRoleLabels, o.role),
      day(o.since) && `depuis le ${day(o.since)}`,
    ),
  method: (m) =>
    joined(
      text(m.label) ?? label(methodStepKindLabels, m.kind),
      m.status !== undefined && `(${label(methodStepStatusLabels, m.status)})`,
    ),
  axes: (a) => joined(text(a.code), text(a.title)),
  targets: (t) =>
    joined(text(t.period), typeof t.value === 'number' && `: ${t.value.toLocaleString('fr-FR')}`),
};

/** « Claire Martin : » — a record's current name, followed by what is said of it. */
function nameOf(names: Names, id: unknown): string | undefined {
  const name = typeof id === 'string' ? names.get(id) : undefined;
  return name && `${name} :`;
}

function shorten(value: string): string {
  return value.length > LONGEST_VALUE ? `${value.slice(0, LONGEST_VALUE - 1)}…` : value;
}

/** One item of a list, readable; `undefined` when nothing in it reads (the caller counts it). */
function formatItem(
  entity: string,
  field: string,
  item: unknown,
  names: Names,
): string | undefined {
  const labels = ENUMS[`${entity}.${field}`] ?? ENUMS[field];
  if (typeof item === 'string')
    return labels?.[item] ?? formatValue(entity, field, item, 'UTC', names);
  if (typeof item === 'number') return item.toLocaleString('fr-FR');
  if (!item || typeof item !== 'object') return undefined;
  const reader = ITEMS[`${entity}.${field}`] ?? ITEMS[field];
  const read =
    reader?.(item as Item, names) ??
    ['title', 'text', 'label', 'name'].map((key) => text((item as Item)[key])).find(Boolean);
  return read || undefined;
}

const keyOf = (item: unknown): string =>
  item && typeof item === 'object' && typeof (item as Item).id === 'string'
    ? `id:${(item as Item).id}`
    : JSON.stringify(item);

/**
 * What a list gained, lost and changed between two versions: items with an id are followed by
 * it, the others compared whole. Each item reads in a few words, or « 1 élément » when nothing
 * in it does.
 */
function listChanges(
  entity: string,
  field: string,
  before: unknown,
  after: unknown,
  names: Names,
): Pick<HistoryChange, 'added' | 'removed' | 'changed'> {
  const old = Array.isArray(before) ? before : [];
  const next = Array.isArray(after) ? after : [];
  const oldByKey = new Map(old.map((item) => [keyOf(item), item]));
  const nextKeys = new Set(next.map(keyOf));
  const read = (items: unknown[]) => {
    const named = items.map((item) => formatItem(entity, field, item, names));
    const unnamed = named.filter((n) => n === undefined).length;
    return [
      ...named.filter((n): n is string => n !== undefined),
      ...(unnamed > 0 ? [plural(unnamed, 'élément', 'éléments')] : []),
    ];
  };
  const added = next.filter((item) => !oldByKey.has(keyOf(item)));
  const removed = old.filter((item) => !nextKeys.has(keyOf(item)));
  const changed = next.filter((item) => {
    const was = oldByKey.get(keyOf(item));
    return was !== undefined && JSON.stringify(was) !== JSON.stringify(item);
  });
  return {
    ...(added.length > 0 ? { added: read(added) } : {}),
    ...(removed.length > 0 ? { removed: read(removed) } : {}),
    ...(changed.length > 0 ? { changed: read(changed) } : {}),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const LONGEST_VALUE = 120;

/**
 * An instant as a French reader says it, in a time zone.
 *
 * @example
 * formatInstant('2026-12-06T09:15:00.000Z', 'Europe/Paris'); // '6 décembre 2026 à 10 h 15'
 */
export function formatInstant(instant: string, timeZone: string): string {
  const local = toLocal(instant, timeZone);
  return `${formatDate(local.date)} à ${local.hour}\u00a0h\u00a0${String(local.minute).padStart(2, '0')}`;
}

/** One value of a field, readable: labels for codes, French dates and amounts, a count for a list. */
function formatValue(
  entity: string,
  field: string,
  value: unknown,
  timeZone: string,
  names: Names = NO_NAMES,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const labels = ENUMS[`${entity}.${field}`] ?? ENUMS[field];
  if (typeof value === 'string') {
    const label = labels?.[value] ?? names.get(value);
    if (label) return label;
    if (DATE.test(value)) return formatDate(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatDate(localDate(value, timeZone));
    return shorten(value);
  }
  if (typeof value === 'number') {
    return field.endsWith('Cents') ? formatEuros(value) : value.toLocaleString('fr-FR');
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'aucun';
    const read = (item: unknown) =>
      typeof item === 'string' ? (labels?.[item] ?? names.get(item)) : undefined;
    if (value.every((item) => read(item) !== undefined)) return value.map(read).join(', ');
    return plural(value.length, 'élément', 'éléments');
  }
  return 'renseigné';
}

/**
 * An audit event in French, for a reader: « Claire Martin a modifié l’action « Former les
 * aidants » », on which day and through which channel, and each changed field with its French
 * name and readable values. Pure: the names come from the caller, who reads only those the page
 * shows.
 *
 * @example
 * describeAuditEvent(event, { author: 'Claire Martin', subject: 'Former les aidants', timeZone: 'Europe/Paris' });
 * // { author: 'Claire Martin', summary: 'a modifié l’action « Former les aidants »', channel: 'Web', … }
 */
export function describeAuditEvent(event: AuditEvent, context: HistoryContext): HistoryLine {
  const entityNoun = historyEntityNoun(event.entity);
  const [verb, form] = VERBS[event.action] ?? ['a modifié', 'the'];
  const target = TO[event.action] ? `${TO[event.action]} ${entityNoun.the}` : entityNoun[form];
  const named = context.subject ? ` « ${context.subject} »` : '';
  const names = context.names ?? NO_NAMES;
  return {
    author: context.author,
    when: formatInstant(event.at, context.timeZone),
    channel: updateChannelLabels[event.channel],
    summary: `${verb} ${target}${named}`,
    ...(context.subject ? { subject: context.subject } : {}),
    ...(context.decision ? { decision: context.decision } : {}),
    changes: event.changes.map((change) => ({
      field: change.field,
      label: historyFieldLabels[change.field] ?? change.field,
      before: formatValue(event.entity, change.field, change.before, context.timeZone, names),
      after: formatValue(event.entity, change.field, change.after, context.timeZone, names),
      ...(Array.isArray(change.before) || Array.isArray(change.after)
        ? listChanges(event.entity, change.field, change.before, change.after, names)
        : {}),
    })),
  };
}

/**
 * What the history says of the meeting decision behind a change, as the records it changed say it.
 *
 * @example
 * describeDecision({ on: '2027-03-12', bodyName: 'Comité de pilotage', text: 'Reporter le bus' });
 * // 'Décidé en Comité de pilotage du 12 mars 2027 : Reporter le bus'
 */
export function describeDecision(decision: { on: string; bodyName: string; text: string }): string {
  return `Décidé en ${decision.bodyName} du ${formatDate(decision.on)} : ${shorten(decision.text)}`;
}
