import { organizationCategoryLabels } from '../actors/organization.ts';
import { territoryLevelLabels } from '../actors/territory.ts';
import { bodyKindLabels, frequencyLabels } from '../governance/body.ts';
import { formalityLabels, perimeterLabels } from '../governance/governance.ts';
import { meetingStatusLabels } from '../governance/meeting.ts';
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
import { contractLabels, roadmapStatusLabels } from '../roadmap/roadmap.ts';
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
}

/** An audit event in French: who, when, through which channel, what, and the fields changed. */
export interface HistoryLine {
  /** « Claire Martin », « membre supprimé » after an erasure, « Maille » for no one. */
  author: string;
  /** « 6 décembre 2026 à 10 h 15 », in the governance's time zone. */
  when: string;
  /** « Web », « API », « Discord », « Ligne de commande », « Import ». */
  channel: string;
  /** « a modifié l’action « Former les aidants » ». */
  summary: string;
  /** The name of the record, as it is now (« Former les aidants »), when it is known. */
  subject?: string | undefined;
  changes: HistoryChange[];
}

/** What a line needs besides the event: the names the history read for it. */
export interface HistoryContext {
  /** The author's name (see `historyAuthorName`). */
  author: string;
  /** The name or title of the record the event is about, when it is known. */
  subject?: string | undefined;
  timeZone: string;
}

/** Who the history names as an event's author: no actor is Maille itself (an import, a job). */
export const SYSTEM_AUTHOR = 'Maille';

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
};

// `add_organization` reads « a ajouté une structure à la gouvernance »: its noun takes « à ».
const TO: Record<string, string> = { add_organization: 'à' };

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
};

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
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const labels = ENUMS[`${entity}.${field}`] ?? ENUMS[field];
  if (typeof value === 'string') {
    const label = labels?.[value];
    if (label) return label;
    if (DATE.test(value)) return formatDate(value);
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value)))
      return formatDate(localDate(value, timeZone));
    return value.length > LONGEST_VALUE ? `${value.slice(0, LONGEST_VALUE - 1)}…` : value;
  }
  if (typeof value === 'number') {
    return field.endsWith('Cents') ? formatEuros(value) : value.toLocaleString('fr-FR');
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'aucun';
    if (labels && value.every((item) => typeof item === 'string' && labels[item])) {
      return value.map((item) => labels[item as string]).join(', ');
    }
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
  return {
    author: context.author,
    when: formatInstant(event.at, context.timeZone),
    channel: updateChannelLabels[event.channel],
    summary: `${verb} ${target}${named}`,
    ...(context.subject ? { subject: context.subject } : {}),
    changes: event.changes.map((change) => ({
      field: change.field,
      label: historyFieldLabels[change.field] ?? change.field,
      before: formatValue(event.entity, change.field, change.before, context.timeZone),
      after: formatValue(event.entity, change.field, change.after, context.timeZone),
    })),
  };
}
