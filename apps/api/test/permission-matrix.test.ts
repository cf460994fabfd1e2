import { DEMO_IDS } from '@maille/demo';
import {
  calendarFeedPath,
  createApiKey,
  createCalendarFeed,
  importPlaces,
  renewPersonalCalendarFeed,
} from '@maille/domain/use-cases';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiForTest, openTestApi, type TestApi } from './harness.ts';
import { bearer } from './requests.ts';

/*
 * The permission matrix: every operation of the OpenAPI document × every role → the status the
 * API must answer. Each role works on its own freshly seeded database, so a write made by one
 * role cannot change what another one sees. An operation the document has and the table lacks
 * fails the suite: a new route cannot escape the matrix.
 */

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;

/**
 * Demo persons of La Rochelle's governance with a role other than coordinator. Marchand is a
 * member whose organization (the CDA) carries LR_ACTION and LR_MILESTONE; Lefèvre is an observer
 * of the governance who also holds a member's seat in its community, so he may post updates but
 * not change what he does not carry. La Rochelle's roadmap is public: the public and the other
 * governance read it, and are told they may not write (403) rather than that it does not exist;
 * the governance itself is not public (404 to them).
 */
const LR_MEMBER = 'per_lrmarchand';
const LR_OBSERVER = 'per_lrlefevre';
/** La Rochelle's running action and a milestone still to reach. */
const LR_ACTION = 'act_lr0001';
const LR_MILESTONE = 'mil_lr0101';
/** Directory records of La Rochelle: its département, the CDA, an elected member, a meeting. */
const LR_TERRITORY = 'ter_dept17';
const LR_ORGANIZATION = 'org_lrcdalr';
const LR_ELECTED = 'per_lrgiraud';
const LR_MEETING = 'mtg_lrcopil01';
/** The CAF, a partner of La Rochelle's actions, made a co-porteur of the governance then taken out. */
const LR_PARTNER = 'org_lrcaf17';

/** The national schema's own valid example: one place (in Reims, unknown to the demo's directory). */
const PLACES_CSV =
  'id,pivot,nom,commune,code_postal,adresse,date_maj,services\n' +
  'lieu-1,00000000000000,Espace numérique d’essai,La Rochelle,17000,1 rue du Port,2026-10-01,Aide aux démarches administratives\n';

const ROLES = ['anonyme', 'coordinateur', 'membre', 'observateur', 'autre', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface Probe {
  path: string;
  init?: RequestInit;
  /** Fetches the ETag of this resource first and sends it as If-Match. */
  etagOf?: string;
  /** Creates what the operation needs on the role's database and returns the path to call. */
  prepare?: (api: TestApi) => Promise<string>;
}

/** A milestone of A1.2, carried by Marchand's organization, still to reach. */
const LR_OPEN_MILESTONE = 'mil_lr0203';
/** The quarterly indicator of La Rochelle, and its latest value, still provisional. */
const LR_INDICATOR = 'ind_lractions';
const LR_DRAFT_MEASUREMENT = 'mes_lrq4actions';

/** The roadmap side's operations, in an order where each write finds what it needs. */
const ROADMAP_RESOURCE_PROBES: Record<string, Probe> = {
  'GET /governances/{governanceId}/roadmaps': { path: `/governances/${LR.governance}/roadmaps` },
  'POST /governances/{governanceId}/roadmaps': {
    path: `/governances/${LR.governance}/roadmaps`,
    init: json('POST', { title: 'Feuille de route 2028-2031', fromYear: 2028, toYear: 2031 }),
  },
  'GET /roadmaps/{roadmapId}': { path: `/roadmaps/${LR.roadmap}` },
  'PATCH /roadmaps/{roadmapId}': {
    path: `/roadmaps/${LR.roadmap}`,
    init: json('PATCH', { title: 'Feuille de route (renommée)' }),
    etagOf: `/roadmaps/${LR.roadmap}`,
  },
  'POST /roadmaps/{roadmapId}/transitions': {
    path: `/roadmaps/${LR.roadmap}/transitions`,
    init: json('POST', { status: 'en_revision' }),
    etagOf: `/roadmaps/${LR.roadmap}`,
  },
  'POST /roadmaps/{roadmapId}/adoption': {
    path: `/roadmaps/${LR.roadmap}/adoption`,
    init: json('POST', { adoption: { date: '2026-11-20', assembly: 'Conseil communautaire' } }),
    etagOf: `/roadmaps/${LR.roadmap}`,
  },
  'GET /roadmaps/{roadmapId}/versions': { path: `/roadmaps/${LR.roadmap}/versions` },
  'GET /roadmaps/{roadmapId}/versions/{number}': { path: `/roadmaps/${LR.roadmap}/versions/1` },
  'POST /roadmaps/{roadmapId}/actions': {
    path: `/roadmaps/${LR.roadmap}/actions`,
    init: json('POST', { code: 'A9.9', title: 'Fiche de la matrice' }),
  },
  'POST /actions/{actionId}/promotion': {
    path: '/actions/act_lr0004/promotion',
    init: json('POST', {}),
    etagOf: '/actions/act_lr0004',
  },
  'GET /roadmaps/{roadmapId}/milestones': { path: `/roadmaps/${LR.roadmap}/milestones` },
  'GET /actions/{actionId}/milestones': { path: `/actions/${LR_ACTION}/milestones` },
  'GET /milestones/{milestoneId}': { path: `/milestones/${LR_MILESTONE}` },
  'POST /roadmaps/{roadmapId}/milestones': {
    path: `/roadmaps/${LR.roadmap}/milestones`,
    init: json('POST', {
      actionId: LR_ACTION,
      title: 'Jalon de la matrice',
      dueDate: '2027-02-01',
    }),
  },
  'PATCH /milestones/{milestoneId}': {
    path: `/milestones/${LR_OPEN_MILESTONE}`,
    init: json('PATCH', { title: 'Permanence de Périgny (renommée)' }),
    etagOf: `/milestones/${LR_OPEN_MILESTONE}`,
  },
  'POST /milestones/{milestoneId}/reschedule': {
    path: `/milestones/${LR_OPEN_MILESTONE}/reschedule`,
    init: json('POST', { to: '2027-01-15', reason: 'Salle indisponible.' }),
    etagOf: `/milestones/${LR_OPEN_MILESTONE}`,
  },
  'POST /milestones/{milestoneId}/cancel': {
    path: `/milestones/${LR_OPEN_MILESTONE}/cancel`,
    init: json('POST', {}),
    etagOf: `/milestones/${LR_OPEN_MILESTONE}`,
  },
  'GET /actions/{actionId}/funding-lines': { path: `/actions/${LR_ACTION}/funding-lines` },
  'POST /actions/{actionId}/funding-lines': {
    path: `/actions/${LR_ACTION}/funding-lines`,
    init: json('POST', { funderKind: 'region', amountCents: 500_000 }),
  },
  'GET /funding-lines/{fundingLineId}': { path: `/funding-lines/${LR.stateFunding}` },
  'PATCH /funding-lines/{fundingLineId}': {
    path: `/funding-lines/${LR.stateFunding}`,
    init: json('PATCH', { note: 'Solde versé.' }),
    etagOf: `/funding-lines/${LR.stateFunding}`,
  },
  // The CAF's line, granted and not paid yet in the demo.
  'POST /funding-lines/{fundingLineId}/payments': {
    path: '/funding-lines/fun_lr0003/payments',
    init: json('POST', { on: '2026-11-20', amountCents: 10_000, note: 'Acompte' }),
    etagOf: '/funding-lines/fun_lr0003',
  },
  'PUT /funding-lines/{fundingLineId}/payments/{index}': {
    path: `/funding-lines/${LR.stateFunding}/payments/0`,
    init: json('PUT', { on: '2021-06-15', amountCents: 20_000_000, note: 'Première année' }),
    etagOf: `/funding-lines/${LR.stateFunding}`,
  },
  'DELETE /funding-lines/{fundingLineId}/payments/{index}': {
    path: `/funding-lines/${LR.stateFunding}/payments/1`,
    init: { method: 'DELETE' },
    etagOf: `/funding-lines/${LR.stateFunding}`,
  },
  'GET /governances/{governanceId}/funding-calendar': {
    path: `/governances/${LR.governance}/funding-calendar`,
  },
  'GET /governances/{governanceId}/funding-lines.csv': {
    path: `/governances/${LR.governance}/funding-lines.csv`,
  },
  'GET /updates/{updateId}': { path: '/updates/upd_lr0001' },
  'GET /actions/{actionId}/updates': { path: `/actions/${LR_ACTION}/updates` },
  'GET /milestones/{milestoneId}/updates': { path: '/milestones/mil_lr0201/updates' },
  'GET /roadmaps/{roadmapId}/updates': { path: `/roadmaps/${LR.roadmap}/updates` },
  'GET /governances/{governanceId}/indicators': {
    path: `/governances/${LR.governance}/indicators`,
  },
  'POST /governances/{governanceId}/indicators': {
    path: `/governances/${LR.governance}/indicators`,
    init: json('POST', {
      code: 'essai_matrice',
      label: 'Indicateur de la matrice',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    }),
  },
  'POST /governances/{governanceId}/indicators/defaults': {
    path: `/governances/${LR.governance}/indicators/defaults`,
    init: json('POST', {}),
  },
  'GET /indicators/{indicatorId}': { path: `/indicators/${LR_INDICATOR}` },
  'PATCH /indicators/{indicatorId}': {
    path: `/indicators/${LR_INDICATOR}`,
    init: json('PATCH', { label: 'Actions d’accompagnement (renommé)' }),
    etagOf: `/indicators/${LR_INDICATOR}`,
  },
  'GET /indicators/{indicatorId}/measurements': {
    path: `/indicators/${LR_INDICATOR}/measurements`,
  },
  'POST /indicators/{indicatorId}/measurements': {
    path: `/indicators/${LR_INDICATOR}/measurements`,
    init: json('POST', {
      territory: { level: 'epci', code: '241700434' },
      period: '2022-T1',
      value: 250,
    }),
  },
  'GET /measurements/{measurementId}': { path: `/measurements/${LR_DRAFT_MEASUREMENT}` },
  'POST /measurements/{measurementId}/validation': {
    path: `/measurements/${LR_DRAFT_MEASUREMENT}/validation`,
    init: json('POST', {}),
  },
};

/** How each operation is called: real demo ids, minimal valid bodies. */
const PROBES: Record<string, Probe> = {
  'GET /healthz': { path: '/healthz' },
  'GET /readyz': { path: '/readyz' },
  'GET /roadmaps/{roadmapId}/health': { path: `/roadmaps/${LR.roadmap}/health` },
  'POST /updates': {
    path: '/updates',
    init: json('POST', {
      subject: { type: 'roadmap', id: LR.roadmap },
      kind: 'information',
      text: 'Comité fixé.',
    }),
  },
  'POST /milestones/{milestoneId}/complete': {
    path: `/milestones/${LR_MILESTONE}/complete`,
    init: json('POST', {}),
  },
  'GET /governances': { path: '/governances' },
  'GET /governances/{governanceId}': { path: `/governances/${LR.governance}` },
  'PATCH /governances/{governanceId}': {
    path: `/governances/${LR.governance}`,
    init: json('PATCH', { name: 'CTIN de La Rochelle (renommé)' }),
    etagOf: `/governances/${LR.governance}`,
  },
  'GET /roadmaps/{roadmapId}/actions': { path: `/roadmaps/${LR.roadmap}/actions` },
  'GET /actions/{actionId}': { path: `/actions/${LR_ACTION}` },
  'PATCH /actions/{actionId}': {
    path: `/actions/${LR_ACTION}`,
    init: json('PATCH', { title: 'Conseillers numériques (renommé)' }),
    etagOf: `/actions/${LR_ACTION}`,
  },
  'POST /actions/{actionId}/transitions': {
    path: `/actions/${LR_ACTION}/transitions`,
    init: json('POST', { to: 'suspendue', reason: 'Financement en attente.' }),
    etagOf: `/actions/${LR_ACTION}`,
  },
  'GET /governances/{governanceId}/dashboard': { path: `/governances/${LR.governance}/dashboard` },
  'GET /indicators/{indicatorId}/series': { path: '/indicators/ind_lractions/series' },
  // The token is the credential, not the role: a live link opens for everybody.
  'GET /calendars/{feed}': {
    path: '/calendars/{feed}',
    prepare: async (api) => calendarFeedPath((await newFeed(api)).token),
  },
  'POST /governances/{governanceId}/calendar-feeds': {
    path: `/governances/${LR.governance}/calendar-feeds`,
    init: json('POST', { label: 'Agenda partagé' }),
  },
  'GET /governances/{governanceId}/calendar-feeds': {
    path: `/governances/${LR.governance}/calendar-feeds`,
  },
  'DELETE /calendar-feeds/{feedId}': {
    path: '/calendar-feeds/{feedId}',
    init: { method: 'DELETE' },
    prepare: async (api) => `/calendar-feeds/${(await newFeed(api)).feed.id}`,
  },
  'GET /roadmaps/{roadmapId}/actions.csv': { path: `/roadmaps/${LR.roadmap}/actions.csv` },
  'GET /roadmaps/{roadmapId}/milestones.csv': { path: `/roadmaps/${LR.roadmap}/milestones.csv` },
  'GET /governances/{governanceId}/measurements.csv': {
    path: `/governances/${LR.governance}/measurements.csv`,
  },
  'GET /governances/{governanceId}/organizations.csv': {
    path: `/governances/${LR.governance}/organizations.csv`,
  },
  'GET /governances/{governanceId}/export': { path: `/governances/${LR.governance}/export` },
  'GET /territories': { path: '/territories?level=commune&q=rochelle' },
  'GET /territories/{territoryId}': { path: `/territories/${LR_TERRITORY}` },
  'POST /territories': {
    path: '/territories',
    init: json('POST', { level: 'commune', code: '17299', name: 'Commune d’essai' }),
  },
  'PATCH /territories/{territoryId}': {
    path: `/territories/${LR_TERRITORY}`,
    init: json('PATCH', { name: 'Charente-Maritime (17)' }),
    etagOf: `/territories/${LR_TERRITORY}`,
  },
  'GET /organizations': { path: '/organizations?q=centre%20social' },
  'GET /organizations/{organizationId}': { path: `/organizations/${LR_ORGANIZATION}` },
  'POST /organizations': {
    path: '/organizations',
    init: json('POST', { name: 'Association d’essai', category: 'association' }),
  },
  'PATCH /organizations/{organizationId}': {
    path: `/organizations/${LR_ORGANIZATION}`,
    init: json('PATCH', { summary: 'Porte la coordination territoriale.' }),
    etagOf: `/organizations/${LR_ORGANIZATION}`,
  },
  // Before POST /governances, which makes every role the coordinator of a governance.
  'POST /places/imports': {
    path: '/places/imports?fichier=exemple.csv',
    init: { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: PLACES_CSV },
  },
  'GET /places/imports': { path: '/places/imports' },
  'GET /places/imports/{importId}': {
    path: '',
    prepare: async (api) =>
      `/places/imports/${(await importPlaces(api.kernel({ instanceAdmin: true }), { content: new TextEncoder().encode(PLACES_CSV) })).id}`,
  },
  'GET /governances/{governanceId}/places': { path: `/governances/${LR.governance}/places` },
  'GET /governances/{governanceId}/places/export': {
    path: `/governances/${LR.governance}/places/export?format=csv`,
  },
  'GET /governances/{governanceId}/diagnosis': { path: `/governances/${LR.governance}/diagnosis` },
  'GET /governances/{governanceId}/diagnosis.csv': {
    path: `/governances/${LR.governance}/diagnosis.csv`,
  },
  'POST /places/merges': {
    path: '/places/merges',
    init: json('POST', { keptId: 'org_lrmerge1', otherId: 'org_lrmerge2' }),
    prepare: async (api) => {
      // Two records of one place, to merge.
      await api.kernel({ instanceAdmin: true }).store.transaction(async (repos) => {
        const model = await repos.organizations.get(LR_PARTNER);
        if (!model) throw new Error('the demo has the CAF');
        for (const id of ['org_lrmerge1', 'org_lrmerge2'])
          await repos.organizations.insert({ ...model, id, nationalIds: [] });
      });
      return '/places/merges';
    },
  },
  'GET /persons/{personId}/calendar-feed': {
    path: `/persons/${LR_MEMBER}/calendar-feed`,
    prepare: async (api) => {
      await renewPersonalCalendarFeed(api.kernel({ instanceAdmin: true }), { personId: LR_MEMBER });
      return `/persons/${LR_MEMBER}/calendar-feed`;
    },
  },
  'POST /persons/{personId}/calendar-feed': {
    path: `/persons/${LR_MEMBER}/calendar-feed`,
    init: { method: 'POST' },
  },
  'GET /persons/{personId}/personal-data': { path: `/persons/${LR_ELECTED}/personal-data` },
  'POST /persons/{personId}/erasure': {
    path: `/persons/${LR_ELECTED}/erasure`,
    init: json('POST', { confirmation: LR_ELECTED }),
  },
  'GET /persons/{personId}': { path: `/persons/${LR_ELECTED}` },
  'POST /persons': { path: '/persons', init: json('POST', { displayName: 'Camille Essai' }) },
  'POST /persons/{personId}/link-codes': {
    path: `/persons/${LR_ELECTED}/link-codes`,
    init: json('POST', {}),
  },
  'PATCH /persons/{personId}': {
    path: `/persons/${LR_ELECTED}`,
    init: json('PATCH', { displayName: 'Bernard Giraud (élu)' }),
    etagOf: `/persons/${LR_ELECTED}`,
  },
  'POST /governances': {
    path: '/governances',
    init: json('POST', {
      name: 'Gouvernance d’essai',
      territory: { level: 'departement', code: '17' },
      perimeter: 'departement',
    }),
  },
  'PUT /governances/{governanceId}/roles/{personId}': {
    path: `/governances/${LR.governance}/roles/per_lrbenard`,
    init: json('PUT', { role: 'observateur' }),
    etagOf: `/governances/${LR.governance}`,
  },
  'DELETE /governances/{governanceId}/roles/{personId}': {
    path: `/governances/${LR.governance}/roles/per_lrdiallo`,
    init: { method: 'DELETE' },
    etagOf: `/governances/${LR.governance}`,
  },
  'PUT /governances/{governanceId}/organizations/{organizationId}': {
    path: `/governances/${LR.governance}/organizations/${LR_PARTNER}`,
    init: json('PUT', { role: 'co_porteur' }),
    etagOf: `/governances/${LR.governance}`,
  },
  'DELETE /governances/{governanceId}/organizations/{organizationId}': {
    path: `/governances/${LR.governance}/organizations/${LR_PARTNER}`,
    init: { method: 'DELETE' },
    etagOf: `/governances/${LR.governance}`,
  },
  'GET /governances/{governanceId}/bodies': { path: `/governances/${LR.governance}/bodies` },
  'GET /governances/{governanceId}/history': {
    path: `/governances/${LR.governance}/history?entity=action&limit=5`,
  },
  'POST /governances/{governanceId}/bodies': {
    path: `/governances/${LR.governance}/bodies`,
    init: json('POST', { name: 'Groupe projet d’essai', kind: 'groupe_projet' }),
  },
  'GET /bodies/{bodyId}': { path: `/bodies/${LR.steeringCommittee}` },
  'PATCH /bodies/{bodyId}': {
    path: `/bodies/${LR.steeringCommittee}`,
    init: json('PATCH', { frequency: 'trimestrielle' }),
    etagOf: `/bodies/${LR.steeringCommittee}`,
  },
  'GET /governances/{governanceId}/meetings': {
    path: `/governances/${LR.governance}/meetings?bodyId=${LR.steeringCommittee}`,
  },
  'POST /bodies/{bodyId}/meetings': {
    path: `/bodies/${LR.steeringCommittee}/meetings`,
    init: json('POST', { startsAt: '2026-12-15T14:00:00.000Z' }),
  },
  'GET /meetings/{meetingId}': { path: `/meetings/${LR_MEETING}` },
  'PATCH /meetings/{meetingId}': {
    path: `/meetings/${LR_MEETING}`,
    init: json('PATCH', { minutes: 'Compte rendu validé en séance.' }),
    etagOf: `/meetings/${LR_MEETING}`,
  },
  'POST /meetings/{meetingId}/decisions': {
    path: `/meetings/${LR_MEETING}/decisions`,
    init: json('POST', {
      text: 'Rendre prioritaire la fiche de reconditionnement.',
      effect: { kind: 'modifier_action', actionId: 'act_lr0004', changes: { priority: 'haute' } },
    }),
  },
  ...ROADMAP_RESOURCE_PROBES,
};

// biome-ignore format: the matrix reads best as a table.
const ROADMAP_RESOURCE_MATRIX: Record<string, Record<Role, number>> = {
  //                                                      anonyme coordinateur membre observateur autre admin
  'GET /governances/{governanceId}/roadmaps':             row(200, 200, 200, 200, 200, 200),
  'POST /governances/{governanceId}/roadmaps':            row(401, 201, 403, 403, 404, 201),
  'GET /roadmaps/{roadmapId}':                            row(200, 200, 200, 200, 200, 200),
  'PATCH /roadmaps/{roadmapId}':                          row(401, 200, 403, 403, 403, 200),
  'POST /roadmaps/{roadmapId}/transitions':               row(401, 200, 403, 403, 403, 200),
  // Only where the two probes above put the roadmap in revision may it be adopted again.
  'POST /roadmaps/{roadmapId}/adoption':                  row(401, 201, 403, 403, 403, 201),
  'GET /roadmaps/{roadmapId}/versions':                   row(200, 200, 200, 200, 200, 200),
  // The demo has no frozen version: version 1 exists only where the adoption probe made one.
  'GET /roadmaps/{roadmapId}/versions/{number}':          row(404, 200, 404, 404, 404, 200),
  'POST /roadmaps/{roadmapId}/actions':                   row(401, 201, 403, 403, 403, 201),
  // A permitted promotion still needs a lead and a dated milestone, which A2.1 lacks: 422.
  'POST /actions/{actionId}/promotion':                   row(401, 422, 403, 403, 403, 422),
  'GET /roadmaps/{roadmapId}/milestones':                 row(200, 200, 200, 200, 200, 200),
  'GET /actions/{actionId}/milestones':                   row(200, 200, 200, 200, 200, 200),
  'GET /milestones/{milestoneId}':                        row(200, 200, 200, 200, 200, 200),
  'POST /roadmaps/{roadmapId}/milestones':                row(401, 201, 201, 403, 403, 201),
  'PATCH /milestones/{milestoneId}':                      row(401, 200, 200, 403, 403, 200),
  'POST /milestones/{milestoneId}/reschedule':            row(401, 200, 200, 403, 403, 200),
  'POST /milestones/{milestoneId}/cancel':                row(401, 200, 200, 403, 403, 200),
  'GET /actions/{actionId}/funding-lines':                row(200, 200, 200, 200, 200, 200),
  'POST /actions/{actionId}/funding-lines':               row(401, 201, 201, 403, 403, 201),
  'GET /funding-lines/{fundingLineId}':                   row(200, 200, 200, 200, 200, 200),
  'PATCH /funding-lines/{fundingLineId}':                 row(401, 200, 200, 403, 403, 200),
  'POST /funding-lines/{fundingLineId}/payments':         row(401, 200, 200, 403, 403, 200),
  'PUT /funding-lines/{fundingLineId}/payments/{index}':  row(401, 200, 200, 403, 403, 200),
  'DELETE /funding-lines/{fundingLineId}/payments/{index}': row(401, 200, 200, 403, 403, 200),
  // The funding calendar and its CSV belong to the governance: 404 to those outside it.
  'GET /governances/{governanceId}/funding-calendar':     row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/funding-lines.csv':    row(404, 200, 200, 200, 404, 200),
  'GET /updates/{updateId}':                              row(200, 200, 200, 200, 200, 200),
  'GET /actions/{actionId}/updates':                      row(200, 200, 200, 200, 200, 200),
  'GET /milestones/{milestoneId}/updates':                row(200, 200, 200, 200, 200, 200),
  'GET /roadmaps/{roadmapId}/updates':                    row(200, 200, 200, 200, 200, 200),
  // Indicators belong to the governance, not to the public roadmap: 404 to those outside it.
  'GET /governances/{governanceId}/indicators':           row(404, 200, 200, 200, 404, 200),
  'POST /governances/{governanceId}/indicators':          row(401, 201, 403, 403, 404, 201),
  'POST /governances/{governanceId}/indicators/defaults': row(401, 200, 403, 403, 404, 200),
  'GET /indicators/{indicatorId}':                        row(404, 200, 200, 200, 404, 200),
  'PATCH /indicators/{indicatorId}':                      row(401, 200, 403, 403, 404, 200),
  'GET /indicators/{indicatorId}/measurements':           row(404, 200, 200, 200, 404, 200),
  // Any member records a value (Lefèvre's seat makes him one); only coordinators validate.
  'POST /indicators/{indicatorId}/measurements':          row(401, 201, 201, 201, 404, 201),
  'GET /measurements/{measurementId}':                    row(404, 200, 200, 200, 404, 200),
  'POST /measurements/{measurementId}/validation':        row(401, 201, 403, 403, 404, 201),
};

// A write without a key is refused (401) before anything else is looked at.
// biome-ignore format: the matrix reads best as a table.
const MATRIX: Record<string, Record<Role, number>> = {
  //                                          anonyme coordinateur membre observateur autre admin
  'GET /healthz':                             row(200, 200, 200, 200, 200, 200),
  'GET /readyz':                              row(200, 200, 200, 200, 200, 200),
  'GET /roadmaps/{roadmapId}/health':         row(200, 200, 200, 200, 200, 200),
  'POST /updates':                            row(401, 201, 201, 201, 403, 201),
  'POST /milestones/{milestoneId}/complete':  row(401, 200, 200, 403, 403, 200),
  'GET /governances':                         row(200, 200, 200, 200, 200, 200),
  'GET /governances/{governanceId}':          row(404, 200, 200, 200, 404, 200),
  'PATCH /governances/{governanceId}':        row(401, 200, 403, 403, 404, 200),
  'GET /roadmaps/{roadmapId}/actions':        row(200, 200, 200, 200, 200, 200),
  'GET /actions/{actionId}':                  row(200, 200, 200, 200, 200, 200),
  'PATCH /actions/{actionId}':                row(401, 200, 200, 403, 403, 200),
  'POST /actions/{actionId}/transitions':     row(401, 200, 200, 403, 403, 200),
  'GET /governances/{governanceId}/dashboard': row(404, 200, 200, 200, 404, 200),
  'GET /indicators/{indicatorId}/series':     row(404, 200, 200, 200, 404, 200),
  'GET /calendars/{feed}':                    row(200, 200, 200, 200, 200, 200),
  'POST /governances/{governanceId}/calendar-feeds': row(401, 201, 403, 403, 404, 201),
  'GET /governances/{governanceId}/calendar-feeds':  row(404, 200, 403, 403, 404, 200),
  'DELETE /calendar-feeds/{feedId}':          row(401, 204, 403, 403, 404, 204),
  'GET /roadmaps/{roadmapId}/actions.csv':    row(200, 200, 200, 200, 200, 200),
  'GET /roadmaps/{roadmapId}/milestones.csv': row(200, 200, 200, 200, 200, 200),
  'GET /governances/{governanceId}/measurements.csv':  row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/organizations.csv': row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/export':   row(404, 200, 403, 403, 404, 200),
  // Territories are public reference data; only the administrator corrects one.
  'GET /territories':                         row(200, 200, 200, 200, 200, 200),
  'GET /territories/{territoryId}':           row(200, 200, 200, 200, 200, 200),
  'POST /territories':                        row(401, 201, 403, 403, 201, 201),
  'PATCH /territories/{territoryId}':         row(401, 403, 403, 403, 403, 200),
  // The directory of organizations: read when signed in, kept by the coordinators of its territory.
  'GET /organizations':                       row(403, 200, 200, 200, 200, 200),
  'GET /organizations/{organizationId}':      row(403, 200, 200, 200, 200, 200),
  'POST /organizations':                      row(401, 201, 403, 403, 201, 201),
  'PATCH /organizations/{organizationId}':    row(401, 200, 403, 403, 403, 200),
  // Persons: the fellow members read a card, the coordination the whole record, others nothing.
  'GET /persons/{personId}':                  row(404, 200, 200, 200, 404, 200),
  'POST /persons':                            row(401, 201, 403, 403, 201, 201),
  'PATCH /persons/{personId}':                row(401, 200, 403, 403, 404, 200),
  // A link code makes its holder speak as the person in the chat: who may change the record.
  'POST /persons/{personId}/link-codes':      row(401, 201, 403, 403, 404, 201),
  // Places: a file imported and duplicates merged by a coordinator of any governance, as the
  // directory they feed is shared; a governance's places and diagnosis read like the governance.
  'POST /places/imports':                     row(401, 201, 403, 403, 201, 201),
  'GET /places/imports':                      row(403, 200, 403, 403, 200, 200),
  'GET /places/imports/{importId}':           row(403, 200, 403, 403, 200, 200),
  'GET /governances/{governanceId}/places':   row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/places/export':  row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/diagnosis':      row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/diagnosis.csv':  row(404, 200, 200, 200, 404, 200),
  'POST /places/merges':                      row(401, 200, 403, 403, 200, 200),
  // Opening a governance makes its opener a coordinator: after it, every role coordinates one.
  'POST /governances':                        row(401, 201, 201, 201, 201, 201),
  'PUT /governances/{governanceId}/roles/{personId}':    row(401, 200, 403, 403, 404, 200),
  'DELETE /governances/{governanceId}/roles/{personId}': row(401, 200, 403, 403, 404, 200),
  'PUT /governances/{governanceId}/organizations/{organizationId}':    row(401, 200, 403, 403, 404, 200),
  'DELETE /governances/{governanceId}/organizations/{organizationId}': row(401, 204, 403, 403, 404, 204),
  'GET /governances/{governanceId}/bodies':   row(404, 200, 200, 200, 404, 200),
  'GET /governances/{governanceId}/history':  row(404, 200, 200, 200, 404, 200),
  'POST /governances/{governanceId}/bodies':  row(401, 201, 403, 403, 404, 201),
  'GET /bodies/{bodyId}':                     row(404, 200, 200, 200, 404, 200),
  'PATCH /bodies/{bodyId}':                   row(401, 200, 403, 403, 404, 200),
  'GET /governances/{governanceId}/meetings': row(404, 200, 200, 200, 404, 200),
  'POST /bodies/{bodyId}/meetings':           row(401, 201, 403, 403, 404, 201),
  'GET /meetings/{meetingId}':                row(404, 200, 200, 200, 404, 200),
  'PATCH /meetings/{meetingId}':              row(401, 200, 403, 403, 404, 200),
  'POST /meetings/{meetingId}/decisions':     row(401, 201, 403, 403, 404, 201),
  ...ROADMAP_RESOURCE_MATRIX,
  // A person's own agenda link: theirs and the administrator's; no one else learns it exists.
  'GET /persons/{personId}/calendar-feed':    row(404, 404, 200, 404, 404, 200),
  'POST /persons/{personId}/calendar-feed':   row(401, 404, 201, 404, 404, 201),
  // Rights of access and erasure: the person, their coordination, the administrator. Last, as an
  // erasure blanks the elected member the probes above read.
  // Anyone else is told no such data exists for them (404), as for a person they may not read.
  'GET /persons/{personId}/personal-data':    row(404, 200, 404, 404, 404, 200),
  'POST /persons/{personId}/erasure':         row(401, 200, 404, 404, 404, 200),
};

/** A live calendar feed of La Rochelle, as its coordinator would have made it. */
function newFeed(api: TestApi) {
  return createCalendarFeed(api.kernel({ personId: LR.coordinator }), {
    governanceId: LR.governance,
    label: 'Sonde',
  });
}

function row(...statuses: number[]): Record<Role, number> {
  return Object.fromEntries(ROLES.map((role, i) => [role, statuses[i]])) as Record<Role, number>;
}

function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** Opens a fresh API and returns the Authorization header of `role` on it. */
async function headersFor(api: TestApi, role: Role): Promise<Record<string, string>> {
  switch (role) {
    case 'anonyme':
      return {};
    case 'coordinateur':
      return bearer(await api.keyFor(LR.coordinator));
    case 'membre':
      return bearer(await api.keyFor(LR_MEMBER));
    case 'observateur':
      return bearer(await api.keyFor(LR_OBSERVER));
    case 'autre':
      return bearer(await api.keyFor(DB.coordinator));
    case 'admin':
      // An instance admin belonging to no role of La Rochelle's governance.
      return bearer(
        (
          await createApiKey(api.kernel({ instanceAdmin: true }), {
            personId: DB.coordinator,
            label: 'Administration',
            instanceAdmin: true,
          })
        ).token,
      );
  }
}

let operations: string[] = [];

beforeAll(async () => {
  const api = await openTestApi();
  const document = (await (await api.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  await api.drop();
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
});

describe('permission matrix', () => {
  it('lists every operation of the OpenAPI document, and only those', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(Object.keys(MATRIX).sort()).toEqual([...operations].sort());
    expect(Object.keys(PROBES).sort()).toEqual([...operations].sort());
  });

  it.each(ROLES)('answers as the table says to the role « %s »', async (role) => {
    const api = await openApiForTest();
    const auth = await headersFor(api, role);
    const actual: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const operation of Object.keys(MATRIX)) {
      const probe = PROBES[operation] as Probe;
      const headers: Record<string, string> = {
        ...((probe.init?.headers as Record<string, string> | undefined) ?? {}),
        ...auth,
      };
      if (probe.etagOf) {
        // The tag is read as the coordinator, so that every role sends a current one.
        const read = await api.app.request(probe.etagOf, {
          headers: bearer(await api.keyFor(LR.coordinator)),
        });
        headers['If-Match'] = read.headers.get('ETag') ?? '';
      }
      const path = probe.prepare ? await probe.prepare(api) : probe.path;
      const response = await api.app.request(path, { ...probe.init, headers });
      actual[operation] = response.status;
      expected[operation] = (MATRIX[operation] as Record<Role, number>)[role];
      if (response.status >= 400) {
        expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
      }
    }
    expect(actual).toEqual(expected);
  });
});
