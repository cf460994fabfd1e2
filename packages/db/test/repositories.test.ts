import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import {
  type AuditEvent,
  ConflictError,
  type Organization,
  type Person,
  type RoadmapVersion,
  StaleVersionError,
  type Update,
} from '@maille/domain';
import { createInMemoryStore, type Seed } from '@maille/domain/testing';
import type { Repositories, Store, VersionedRepository } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Database, migrateToLatest, openDatabase } from '../src/index.ts';
import type { Schema } from '../src/schema.ts';
import { DIALECTS, openTestDatabase, POSTGRES_URL, type TestDatabase } from './dialects.ts';

// ---- the data every test reads: the demo, plus a few rows the demo lacks ----------------------

const demo = buildDemoDataset();
const LR = DEMO_IDS.laRochelle;
const TODAY = '2026-11-24';

const organizationBase = demo.organizations[0] as Organization;
const personBase = demo.persons.find((p) => p.chatAccounts.length === 0) as Person;

/** An organization named `name`, for the search. */
function organization(id: string, name: string): Organization {
  return { ...organizationBase, id, name };
}

/** A person without chat account named `displayName`. */
function person(id: string, displayName: string): Person {
  return { ...personBase, id, displayName, chatAccounts: [] };
}

const SEARCHED_ORGANIZATIONS = [
  organization('org_srch0001', 'Médiathèque de Saint-Éloi'),
  organization('org_srch0002', 'MEDIATHEQUE MUNICIPALE'),
  organization('org_srch0003', 'Œuvre des écoles laïques'),
  organization('org_srch0004', 'Atelier 100 % numérique'),
  organization('org_srch0005', 'Maison de l’oeuvre'),
  organization('org_srch0006', 'Espace_numérique du port'),
];

/** A frozen version of the La Rochelle roadmap; numbers are given out of the ids' order. */
function roadmapVersion(id: string, number: number): RoadmapVersion {
  const roadmap = demo.roadmaps.find((r) => r.id === LR.roadmap);
  if (!roadmap) throw new Error('the demo should have the La Rochelle roadmap');
  return {
    id,
    roadmapId: roadmap.id,
    governanceId: roadmap.governanceId,
    number,
    reason: number === 1 ? 'adoption' : 'revision',
    takenAt: `2026-0${number}-01T10:00:00.000Z`,
    takenById: LR.coordinator,
    snapshot: {
      roadmap,
      actions: demo.actions.filter((a) => a.roadmapId === roadmap.id),
      milestones: [],
      fundingLines: [],
    },
  };
}

function auditEvent(id: string, at: string): AuditEvent {
  return {
    id,
    at,
    actorId: LR.coordinator,
    channel: 'api',
    governanceId: LR.governance,
    entity: 'roadmap',
    entityId: LR.roadmap,
    action: 'update',
    changes: [{ field: 'title', before: 'Avant', after: 'Après' }],
  };
}

/** A note on the La Rochelle governance written at `createdAt`. */
function update(id: string, createdAt: string): Update {
  return {
    id,
    governanceId: LR.governance,
    subject: { type: 'governance', id: LR.governance },
    kind: 'information',
    text: 'Point d’étape',
    authorId: LR.coordinator,
    channel: 'api',
    createdAt,
  };
}

const SEED: Seed = {
  ...demo,
  organizations: [...demo.organizations, ...SEARCHED_ORGANIZATIONS],
  roadmapVersions: [roadmapVersion('rmv_000001', 2), roadmapVersion('rmv_000002', 1)],
  // Later than upd_lr0007 for the first, earlier for the second: the order is the dates'.
  updates: [
    ...demo.updates,
    update('upd_srch0001', '2026-11-23T10:00:00.000Z'),
    update('upd_srch0002', '2026-01-05T10:00:00.000Z'),
  ],
  auditEvents: [
    auditEvent('aud_000001', '2026-11-02T10:00:00.000Z'),
    auditEvent('aud_000002', '2026-11-02T10:00:00.000Z'),
    auditEvent('aud_000003', '2026-11-01T10:00:00.000Z'),
  ],
  deliveries: [],
  deliveryEvents: [],
  apiKeys: [],
  calendarFeeds: [],
  chatLinkCodes: [],
  chatAnswers: [],
  chatInteractions: [],
  signInLinks: [],
  sessions: [],
  visits: [],
  placesImports: [],
};

/** Stores a dataset through the ports, parents first. */
async function seed(store: Store, data: Seed): Promise<void> {
  await store.transaction(async (repos) => {
    const all = async <T>(list: T[], insert: (row: T) => Promise<void>) => {
      for (const row of list) await insert(row);
    };
    await all(data.territories, repos.territories.insert);
    await all(data.organizations, repos.organizations.insert);
    await all(data.persons, repos.persons.insert);
    await all(data.governances, repos.governances.insert);
    await all(data.bodies, repos.bodies.insert);
    await all(data.meetings, repos.meetings.insert);
    await all(data.roadmaps, repos.roadmaps.insert);
    await all(data.roadmapVersions, repos.roadmapVersions.insert);
    await all(data.actions, repos.actions.insert);
    await all(data.milestones, repos.milestones.insert);
    await all(data.fundingLines, repos.fundingLines.insert);
    await all(data.updates, repos.updates.insert);
    await all(data.indicators, repos.indicators.insert);
    await all(data.measurements, repos.measurements.insert);
    await all(data.auditEvents, repos.auditEvents.insert);
  });
}

// ---- helpers ----------------------------------------------------------------------------------

interface Entity {
  id: string;
  version: number;
  updatedAt: string;
}

const VERSIONED = [
  'territories',
  'organizations',
  'persons',
  'governances',
  'bodies',
  'meetings',
  'roadmaps',
  'actions',
  'milestones',
  'fundingLines',
  'indicators',
] as const;
type VersionedName = (typeof VERSIONED)[number];

function versioned(repos: Repositories, name: VersionedName): VersionedRepository<Entity> {
  return repos[name] as unknown as VersionedRepository<Entity>;
}

function rowsOf(name: VersionedName): Entity[] {
  return SEED[name] as unknown as Entity[];
}

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);

async function countRows(database: Database, table: keyof Schema): Promise<number> {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  // PostgreSQL counts in bigint and pg hands them over as strings.
  return Number(row.n);
}

const TABLES: (keyof Schema)[] = [
  'territories',
  'organizations',
  'persons',
  'person_chat_accounts',
  'governances',
  'bodies',
  'meetings',
  'roadmaps',
  'roadmap_versions',
  'actions',
  'milestones',
  'funding_lines',
  'updates',
  'indicators',
  'measurements',
  'deliveries',
  'delivery_events',
  'audit_events',
];

async function countAll(database: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await countRows(database, table);
  return counts;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- the suite, on each dialect ---------------------------------------------------------------

describe.each(DIALECTS)('repositories on %s', (dialect) => {
  describe('reading', () => {
    let test: TestDatabase;
    let store: Store;
    const reference = createInMemoryStore(SEED);

    /** What the database answers, and what the in-memory reference answers to the same read. */
    async function both<T>(read: (repos: Repositories) => Promise<T>): Promise<[T, T]> {
      return [await store.transaction(read), await reference.transaction(read)];
    }

    beforeAll(async () => {
      test = await openTestDatabase(dialect);
      store = createStore(test.database);
      await seed(store, SEED);
    });
    afterAll(() => test.drop());

    it.each(VERSIONED)('%s: gives back each entity exactly as stored', async (name) => {
      const [first, second] = rowsOf(name);
      if (!first || !second) throw new Error(`the seed should have two ${name}`);
      const unknown = `${first.id.split('_')[0]}_inconnu01`;
      const read = await store.transaction(async (repos) => ({
        first: await versioned(repos, name).get(first.id),
        missing: await versioned(repos, name).get(unknown),
        many: await versioned(repos, name).getMany([second.id, unknown, first.id]),
      }));
      expect(read.first).toEqual(first);
      expect(read.missing).toBeUndefined();
      expect(byId(read.many)).toEqual(byId([first, second]));
    });

    it('finds many entities at once, beyond the parameters one statement takes', async () => {
      const wanted = demo.milestones.map((m) => m.id);
      const padding = Array.from({ length: 1500 }, (_, i) => `mil_absent${i}`);
      const found = await store.transaction((repos) =>
        repos.milestones.getMany([...padding, ...wanted]),
      );
      expect(byId(found)).toEqual(byId(demo.milestones));
    });

    it('lists territories, organizations and governances by id, and finds a territory by code', async () => {
      const [stored, expected] = await both(async (repos) => ({
        territories: await repos.territories.list(),
        organizations: await repos.organizations.list(),
        governances: await repos.governances.list(),
        rochelle: await repos.territories.findByCode('commune', '17300'),
        unknown: await repos.territories.findByCode('commune', '99999'),
        wrongLevel: await repos.territories.findByCode('epci', '17300'),
      }));
      expect(stored.territories).toEqual(byId(expected.territories));
      expect(stored.organizations).toEqual(byId(expected.organizations));
      expect(stored.governances).toEqual(byId(expected.governances));
      expect(stored.rochelle?.name).toBe('La Rochelle');
      expect(stored.unknown).toBeUndefined();
      expect(stored.wrongLevel).toBeUndefined();
    });

    it('pages the governances by id after a cursor, as the in-memory store does', async () => {
      const [stored, expected] = await both(async (repos) => {
        const first = await repos.governances.listPage({ limit: 1 });
        const rest = await repos.governances.listPage({ after: first[0]?.id, limit: 10 });
        return { first, rest, all: await repos.governances.list() };
      });
      expect(stored.first).toEqual(expected.first);
      expect(stored.rest).toEqual(expected.rest);
      expect([...stored.first, ...stored.rest]).toEqual(byId(expected.all));
      expect(stored.first).toHaveLength(1);
    });

    it('lists what belongs to each governance, ordered by id', async () => {
      for (const governance of demo.governances) {
        const read = (repos: Repositories) =>
          Promise.all([
            repos.bodies.listByGovernance(governance.id),
            repos.meetings.listByGovernance(governance.id),
            repos.roadmaps.listByGovernance(governance.id),
            repos.actions.listByGovernance(governance.id),
            repos.milestones.listByGovernance(governance.id),
            repos.fundingLines.listByGovernance(governance.id),
            repos.updates.listByGovernance(governance.id),
            repos.indicators.listByGovernance(governance.id),
            repos.measurements.listByGovernance(governance.id),
          ]);
        const [stored, expected] = await both(read);
        expect(stored.map(ids)).toEqual(expected.map((list) => ids(byId(list as Entity[]))));
        expect(stored.flat().length).toBeGreaterThan(10);
        expect(stored.flat()).toEqual(expected.flatMap((list) => byId(list as Entity[])));
      }
      const none = await store.transaction((repos) =>
        repos.milestones.listByGovernance('gov_inconnue1'),
      );
      expect(none).toEqual([]);
    });

    it('lists the actions and milestones of a roadmap, the milestones and funding of an action', async () => {
      for (const roadmap of demo.roadmaps) {
        const [stored, expected] = await both(async (repos) => [
          await repos.actions.listByRoadmap(roadmap.id),
          await repos.milestones.listByRoadmap(roadmap.id),
        ]);
        expect(stored).toEqual(expected.map((list) => byId(list as Entity[])));
      }
      for (const action of demo.actions) {
        const [stored, expected] = await both(async (repos) => [
          await repos.milestones.listByAction(action.id),
          await repos.fundingLines.listByAction(action.id),
        ]);
        expect(stored).toEqual(expected.map((list) => byId(list as Entity[])));
      }
    });

    it('lists the late milestones of a governance, oldest first, neither reached nor cancelled', async () => {
      const [stored, expected] = await both((repos) =>
        repos.milestones.listOpenDueBefore(LR.governance, TODAY),
      );
      expect(ids(stored)).toEqual(['mil_lr0202', 'mil_lr0901']);
      expect(stored).toEqual(expected);
      // Due on the day itself is not late yet.
      const dayBefore = await store.transaction((repos) =>
        repos.milestones.listOpenDueBefore(LR.governance, '2026-11-20'),
      );
      expect(ids(dayBefore)).toEqual(['mil_lr0202']);
      const [all, allExpected] = await both((repos) =>
        repos.milestones.listOpenDueBefore(LR.governance, '2030-01-01'),
      );
      expect(all.map((m) => m.dueDate)).toEqual([...all.map((m) => m.dueDate)].sort());
      expect(all.every((m) => m.status === 'a_venir' || m.status === 'reporte')).toBe(true);
      expect(all).toEqual(allExpected);
    });

    it('finds the latest progress of each action, of a governance or a roadmap, as the full history says', async () => {
      for (const scope of [
        ...demo.governances.map((g) => ({ governanceId: g.id })),
        ...demo.roadmaps.map((r) => ({ roadmapId: r.id })),
      ]) {
        const [stored, expected] = await both((repos) => repos.updates.listLatestProgress(scope));
        expect(byId(stored)).toEqual(byId(expected));
        expect(stored.every((u) => u.progress !== undefined)).toBe(true);
      }
      const laRochelle = await store.transaction((repos) =>
        repos.updates.listLatestProgress({ governanceId: LR.governance }),
      );
      expect(laRochelle.length).toBeGreaterThan(0);
    });

    it('lists the latest updates of a governance, and those recorded between two instants', async () => {
      for (const governance of demo.governances) {
        for (const limit of [1, 3, 100]) {
          const [stored, expected] = await both((repos) =>
            repos.updates.listLatest(governance.id, limit),
          );
          expect(stored).toEqual(expected);
        }
        const [between, expected] = await both((repos) =>
          repos.updates.listRecordedBetween(governance.id, '2025-01-01T00:00:00.000Z', TODAY),
        );
        expect(between).toEqual(expected);
      }
      const three = await store.transaction((repos) => repos.updates.listLatest(LR.governance, 3));
      expect(three).toHaveLength(3);
      const createdAt = three.map((u) => u.createdAt);
      expect(createdAt).toEqual([...createdAt].sort().reverse());
    });

    it('lists the notes of a subject by date, the versions of a roadmap by number', async () => {
      const [stored, expected] = await both(async (repos) => ({
        notes: await repos.updates.listBySubject({ type: 'governance', id: LR.governance }),
        versions: await repos.roadmapVersions.listByRoadmap(LR.roadmap),
        firstVersion: await repos.roadmapVersions.get('rmv_000002'),
        note: await repos.updates.get('upd_lr0001'),
        missingNote: await repos.updates.get('upd_inconnu1'),
      }));
      expect(ids(stored.notes)).toEqual(['upd_srch0002', 'upd_lr0007', 'upd_srch0001']);
      expect(ids(stored.versions)).toEqual(['rmv_000002', 'rmv_000001']);
      expect(stored).toEqual(expected);
    });

    it('lists every revision of an indicator', async () => {
      for (const indicator of demo.indicators) {
        const [stored, expected] = await both((repos) =>
          repos.measurements.listByIndicator(indicator.id),
        );
        expect(stored).toEqual(byId(expected));
      }
      const revisions = await store.transaction((repos) =>
        repos.measurements.listByIndicator('ind_lractions'),
      );
      const t2 = revisions.filter((m) => m.period === '2026-T2');
      expect(t2.map((m) => m.revision)).toEqual([1, 2]);
    });

    it('lists only the current revision of each value, of an indicator or of chosen periods', async () => {
      for (const indicator of demo.indicators) {
        const [stored, expected] = await both((repos) =>
          repos.measurements.listCurrentByIndicator(indicator.id),
        );
        expect(byId(stored)).toEqual(byId(expected));
      }
      const [inPeriods, expected] = await both((repos) =>
        repos.measurements.listCurrentInPeriods(LR.governance, ['2026-T2', '2026', '2026-05']),
      );
      expect(byId(inPeriods)).toEqual(byId(expected));
      const t2 = inPeriods.filter(
        (m) => m.indicatorId === 'ind_lractions' && m.period === '2026-T2',
      );
      expect(t2.map((m) => m.revision)).toEqual([2]);
    });

    it('lists the audit trail of an entity and of a governance by date, then id', async () => {
      const trail = await store.transaction(async (repos) => ({
        entity: await repos.auditEvents.listByEntity('roadmap', LR.roadmap),
        governance: await repos.auditEvents.listByGovernance(LR.governance),
        other: await repos.auditEvents.listByGovernance(DEMO_IDS.dronneEtBelle.governance),
        one: await repos.auditEvents.get('aud_000001'),
      }));
      expect(ids(trail.entity)).toEqual(['aud_000003', 'aud_000001', 'aud_000002']);
      expect(trail.governance).toEqual(trail.entity);
      expect(trail.other).toEqual([]);
      expect(trail.one).toEqual(SEED.auditEvents[0]);
    });

    it.each([['médiathèque'], ['MEDIATHEQUE'], ['Mediatheque'], ['mÉdIaThÈqUe']])(
      'searches organizations for « %s » whatever the case and accents',
      async (query) => {
        const [stored, expected] = await both((repos) => repos.organizations.search(query, 10));
        expect(stored.map((o) => o.name)).toEqual([
          'Médiathèque de Saint-Éloi',
          'Médiathèque Michel-Crépeau',
          'MEDIATHEQUE MUNICIPALE',
        ]);
        expect(stored).toEqual(expected);
      },
    );

    it.each([['œuvre'], ['Œuvre'], ['OEUVRE'], ['oeuvre']])(
      'reads the ligature of « %s » as two letters',
      async (query) => {
        const [stored, expected] = await both((repos) => repos.organizations.search(query, 10));
        expect(stored.map((o) => o.name)).toEqual([
          'Maison de l’oeuvre',
          'Œuvre des écoles laïques',
        ]);
        expect(stored).toEqual(expected);
      },
    );

    it('takes % and _ in a query as text, never as wildcards', async () => {
      const [stored, expected] = await both(async (repos) => ({
        underscore: await repos.organizations.search('m_diatheque', 10),
        percent: await repos.organizations.search('m%theque', 10),
        literal: await repos.organizations.search('100 %', 10),
        punctuation: await repos.organizations.search('espace numérique', 10),
        hyphen: await repos.organizations.search('saint eloi', 10),
      }));
      expect(stored.underscore).toEqual([]);
      expect(stored.percent).toEqual([]);
      expect(stored.literal.map((o) => o.name)).toEqual(['Atelier 100 % numérique']);
      expect(stored.punctuation.map((o) => o.name)).toEqual(['Espace_numérique du port']);
      expect(stored.hyphen.map((o) => o.name)).toEqual(['Médiathèque de Saint-Éloi']);
      expect(stored).toEqual(expected);
    });

    it('keeps the first matches in order when the search is limited', async () => {
      const [stored, expected] = await both((repos) => repos.organizations.search('commune', 2));
      expect(stored.map((o) => o.name)).toEqual([
        'Communauté de communes Dronne et Belle',
        'Commune d’Aytré',
      ]);
      expect(stored).toEqual(expected);
    });

    it('searches persons by name whatever the case and accents', async () => {
      const [stored, expected] = await both(async (repos) => ({
        elodie: await repos.persons.search('ELODIE', 10),
        lefevre: await repos.persons.search('lefevre', 10),
        emilie: await repos.persons.search('émilie dufour', 10),
        nobody: await repos.persons.search('zzz', 10),
      }));
      expect(stored.elodie.map((p) => p.displayName)).toEqual(['Élodie Gautier']);
      expect(stored.lefevre.map((p) => p.displayName)).toEqual(['Marc Lefèvre']);
      expect(stored.emilie.map((p) => p.displayName)).toEqual(['Émilie Dufour']);
      expect(stored.nobody).toEqual([]);
      expect(stored).toEqual(expected);
    });

    it('finds a person by their chat account', async () => {
      const moreau = demo.persons.find((p) => p.id === LR.coordinator);
      const account = moreau?.chatAccounts[0];
      if (!account) throw new Error('Claire Moreau should have a Discord account in the demo');
      const [stored, expected] = await both(async (repos) => ({
        found: await repos.persons.findByChatAccount('discord', account.userId),
        unknown: await repos.persons.findByChatAccount('discord', '100000000000000000'),
      }));
      expect(stored.found).toEqual(moreau);
      expect(stored.unknown).toBeUndefined();
      expect(stored).toEqual(expected);
    });
  });

  describe('writing', () => {
    let test: TestDatabase;
    let store: Store;
    const tx = <T>(work: (repos: Repositories) => Promise<T>) => store.transaction(work);

    beforeAll(async () => {
      test = await openTestDatabase(dialect);
      store = createStore(test.database);
      await seed(store, SEED);
    });
    afterAll(() => test.drop());

    it.each(VERSIONED)(
      '%s: refuses a taken id, and any write not based on the stored version',
      async (name) => {
        const original = rowsOf(name)[1];
        if (!original) throw new Error(`the seed should have two ${name}`);
        const stored = () => tx((repos) => versioned(repos, name).get(original.id));

        const copy = { ...original, updatedAt: '2027-01-01T00:00:00.000Z' };
        await expect(tx((repos) => versioned(repos, name).insert(copy))).rejects.toThrow(
          /existe déjà/,
        );
        expect(await stored()).toEqual(original);

        const next = {
          ...original,
          updatedAt: '2027-01-02T00:00:00.000Z',
          version: original.version + 1,
        };
        await tx((repos) => versioned(repos, name).update(next));
        expect(await stored()).toEqual(next);

        // The same change made from the version before: someone else changed it meanwhile.
        const stale = { ...next, updatedAt: '2027-01-03T00:00:00.000Z' };
        await expect(tx((repos) => versioned(repos, name).update(stale))).rejects.toBeInstanceOf(
          StaleVersionError,
        );
        const skipping = { ...next, version: next.version + 2 };
        await expect(tx((repos) => versioned(repos, name).update(skipping))).rejects.toBeInstanceOf(
          StaleVersionError,
        );
        const unknown = { ...next, id: `${original.id.split('_')[0]}_inconnu01`, version: 2 };
        await expect(tx((repos) => versioned(repos, name).update(unknown))).rejects.toBeInstanceOf(
          StaleVersionError,
        );
        expect(await stored()).toEqual(next);
      },
    );

    it('keeps one territory per level and code', async () => {
      const [aytre, lagord] = SEED.territories.filter((t) => t.level === 'commune');
      if (!aytre || !lagord) throw new Error('the seed should have communes');
      const twin = { ...aytre, id: 'ter_jumeau01' };
      await expect(tx((repos) => repos.territories.insert(twin))).rejects.toBeInstanceOf(
        ConflictError,
      );
      const moved = { ...lagord, code: aytre.code, version: lagord.version + 1 };
      await expect(tx((repos) => repos.territories.update(moved))).rejects.toThrow(
        /entre en conflit/,
      );
      const after = await tx(async (repos) => ({
        twin: await repos.territories.get(twin.id),
        lagord: await repos.territories.get(lagord.id),
        byCode: await repos.territories.findByCode('commune', aytre.code),
      }));
      expect(after).toEqual({ twin: undefined, lagord, byCode: aytre });
    });

    it('keeps one indicator per code in a governance', async () => {
      const [first] = SEED.indicators;
      if (!first) throw new Error('the seed should have indicators');
      const twin = { ...first, id: 'ind_jumeau01' };
      await expect(tx((repos) => repos.indicators.insert(twin))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await tx((repos) => repos.indicators.get(twin.id))).toBeUndefined();
    });

    it('links a chat account to one person at most', async () => {
      const moreau = SEED.persons.find((p) => p.id === LR.coordinator);
      const account = moreau?.chatAccounts[0];
      if (!moreau || !account) throw new Error('Claire Moreau should have a Discord account');
      const newcomer = { ...person('per_nouveau1', 'Nina Nouvelle'), chatAccounts: [account] };
      await expect(tx((repos) => repos.persons.insert(newcomer))).rejects.toThrow(
        'Ce compte de discussion est déjà lié à une autre personne.',
      );
      expect(await tx((repos) => repos.persons.get(newcomer.id))).toBeUndefined();

      const fontaine = SEED.persons.find((p) => p.id === 'per_lrfontaine') as Person;
      const taking = { ...fontaine, chatAccounts: [account], version: fontaine.version + 1 };
      await expect(tx((repos) => repos.persons.update(taking))).rejects.toThrow(/déjà lié/);
      expect(await tx((repos) => repos.persons.get(fontaine.id))).toEqual(fontaine);
      expect(
        (await tx((repos) => repos.persons.findByChatAccount('discord', account.userId)))?.id,
      ).toBe(moreau.id);

      // Once Claire unlinks it, the account is free for someone else.
      const unlinked = { ...moreau, chatAccounts: [], version: moreau.version + 1 };
      await tx((repos) => repos.persons.update(unlinked));
      expect(
        await tx((repos) => repos.persons.findByChatAccount('discord', account.userId)),
      ).toBeUndefined();
      await tx((repos) => repos.persons.update(taking));
      expect(
        (await tx((repos) => repos.persons.findByChatAccount('discord', account.userId)))?.id,
      ).toBe(fontaine.id);
    });

    it('offers no way to change a note, a measurement, a version or an audit event', async () => {
      await tx(async (repos) => {
        for (const repo of [
          repos.updates,
          repos.measurements,
          repos.roadmapVersions,
          repos.auditEvents,
        ]) {
          expect(Object.keys(repo)).not.toContain('update');
          expect(Object.keys(repo)).toContain('insert');
        }
      });
    });

    it.each([
      ['updates', 'upd_lr0001'],
      ['measurements', 'mes_lrq1actions'],
      ['roadmap_versions', 'rmv_000001'],
      ['audit_events', 'aud_000001'],
    ] as const)('has the database refuse to change or delete a row of %s', async (table, id) => {
      const { db } = test.database;
      const before = await sql<{
        data: string;
      }>`select data from ${sql.table(table)} where id = ${id}`.execute(db);
      expect(before.rows).toHaveLength(1);
      await expect(
        sql`update ${sql.table(table)} set data = '{}' where id = ${id}`.execute(db),
      ).rejects.toThrow(/ne se modifient ni ne se suppriment/);
      await expect(
        sql`delete from ${sql.table(table)} where id = ${id}`.execute(db),
      ).rejects.toThrow(/ne se modifient ni ne se suppriment/);
      const after = await sql<{
        data: string;
      }>`select data from ${sql.table(table)} where id = ${id}`.execute(db);
      expect(after.rows).toEqual(before.rows);
    });

    it('keeps every revision of a measurement and refuses two writers the same one', async () => {
      const first = SEED.measurements.find((m) => m.id === 'mes_lrq1actions');
      if (!first) throw new Error('the demo should have this measurement');
      const second = { ...first, id: 'mes_revision2', revision: 2, value: 320 };
      await tx((repos) => repos.measurements.insert(second));
      const rival = { ...second, id: 'mes_rivale02', value: 330 };
      await expect(tx((repos) => repos.measurements.insert(rival))).rejects.toThrow(
        /modifiée entre-temps/,
      );
      const kept = await tx((repos) => repos.measurements.listByIndicator(first.indicatorId));
      expect(kept.filter((m) => m.period === first.period)).toEqual([first, second]);
    });

    it('refuses a second version of a roadmap with the same number', async () => {
      const twin = { ...roadmapVersion('rmv_jumeau01', 1) };
      await expect(tx((repos) => repos.roadmapVersions.insert(twin))).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await tx((repos) => repos.roadmapVersions.listByRoadmap(LR.roadmap))).toHaveLength(2);
    });

    it('leaves the transaction usable after a refused write, on both dialects', async () => {
      const moreau = SEED.persons.find((p) => p.id === LR.coordinator) as Person;
      const refusals = await tx(async (repos) => {
        const refused: unknown[] = [];
        await repos.territories
          .insert(SEED.territories[0] as never)
          .catch((error: unknown) => refused.push(error));
        await repos.persons
          .insert({ ...person('per_nouveau2', 'Noé Neuf'), chatAccounts: moreau.chatAccounts })
          .catch((error: unknown) => refused.push(error));
        await repos.organizations.insert(organization('org_apresrefus', 'Après le refus'));
        return refused;
      });
      expect(refusals).toEqual([expect.any(ConflictError), expect.any(ConflictError)]);
      const after = await tx(async (repos) => ({
        organization: await repos.organizations.get('org_apresrefus'),
        person: await repos.persons.get('per_nouveau2'),
      }));
      expect(after.organization?.name).toBe('Après le refus');
      // The refused person left nothing behind, not even half of their writes.
      expect(after.person).toBeUndefined();
    });

    it('leaves nothing of a transaction that throws', async () => {
      const before = await countAll(test.database);
      const milestone = SEED.milestones[0];
      if (!milestone) throw new Error('the seed should have milestones');
      await expect(
        tx(async (repos) => {
          await repos.organizations.insert(organization('org_fantome01', 'Fantôme'));
          await repos.milestones.update({
            ...milestone,
            title: 'Jamais écrit',
            version: milestone.version + 1,
          });
          await repos.updates.insert(update('upd_fantome01', '2026-11-24T10:00:00.000Z'));
          await repos.auditEvents.insert(auditEvent('aud_fantome01', '2026-11-24T10:00:00.000Z'));
          await repos.deliveries.insertIfAbsent([]);
          throw new Error('échec au dernier moment');
        }),
      ).rejects.toThrow('échec au dernier moment');
      expect(await countAll(test.database)).toEqual(before);
      expect(await tx((repos) => repos.milestones.get(milestone.id))).toEqual(milestone);
    });

    it('leaves nothing when one of several parallel writes fails, nor a write that comes late', async () => {
      const before = await countAll(test.database);
      let late: Promise<unknown> = Promise.resolve();
      await expect(
        tx(async (repos) => {
          late = sleep(50).then(() =>
            repos.organizations.insert(organization('org_tardive1', 'Écrite trop tard')),
          );
          await Promise.all([
            repos.organizations.insert(organization('org_parallele1', 'Parallèle')),
            repos.organizations.insert(SEED.organizations[0] as Organization),
            repos.organizations.insert(organization('org_parallele2', 'Parallèle aussi')),
          ]);
        }),
      ).rejects.toBeInstanceOf(ConflictError);
      await expect(late).rejects.toThrow(/Transaction terminée/);
      expect(await countAll(test.database)).toEqual(before);
    });

    it('lets exactly one of several simultaneous writes of the same version win', async () => {
      const milestone = SEED.milestones[2];
      if (!milestone) throw new Error('the seed should have milestones');
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4, 5].map((writer) =>
          tx((repos) =>
            repos.milestones.update({
              ...milestone,
              title: `Écrit par ${writer}`,
              version: milestone.version + 1,
            }),
          ),
        ),
      );
      const won = attempts.flatMap((a, i) => (a.status === 'fulfilled' ? [i + 1] : []));
      const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toEqual(Array.from({ length: 4 }, () => expect.any(ConflictError)));
      const stored = await tx((repos) => repos.milestones.get(milestone.id));
      expect(stored).toMatchObject({
        title: `Écrit par ${won[0]}`,
        version: milestone.version + 1,
      });
    });

    it('gives each version one writer when transactions read, wait, then write', async () => {
      const action = SEED.actions[3];
      if (!action) throw new Error('the seed should have actions');
      const attempts = await Promise.allSettled(
        [1, 2, 3, 4].map((writer) =>
          tx(async (repos) => {
            const current = await repos.actions.get(action.id);
            if (!current) throw new Error('the action should exist');
            await sleep(30);
            const next = { ...current, title: `Écrit par ${writer}`, version: current.version + 1 };
            await repos.actions.update(next);
            return next.version;
          }),
        ),
      );
      const versions = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      const lost = attempts.flatMap((a) => (a.status === 'rejected' ? [a.reason] : []));
      expect(new Set(versions).size).toBe(versions.length);
      expect(lost.every((error) => error instanceof ConflictError)).toBe(true);
      const stored = await tx((repos) => repos.actions.get(action.id));
      expect(stored?.version).toBe(action.version + versions.length);
      // SQLite runs the transactions one after the other; PostgreSQL runs them together, and all
      // but one read a version that is stale by the time they write.
      if (dialect === 'postgres') expect(lost.length).toBeGreaterThan(0);
      else expect(lost).toEqual([]);
    });

    it('gives up one of two transactions that wait on each other, whole, as a conflict', async () => {
      const [a, b] = [SEED.milestones[5], SEED.milestones[6]];
      if (!a || !b) throw new Error('the seed should have milestones');
      const firstHasA = deferred();
      const secondHasB = deferred();
      const mark = (m: typeof a, writer: string) => ({
        ...m,
        title: `Écrit par ${writer}`,
        version: m.version + 1,
      });
      // The first writes A then B, the second B then A: on PostgreSQL each ends up waiting for
      // the other's row. SQLite runs one transaction at a time, so the second, which read its
      // versions before the first committed, finds them stale.
      const first = tx(async (repos) => {
        await repos.milestones.update(mark(a, 'premier'));
        firstHasA.resolve();
        await Promise.race([secondHasB.promise, sleep(300)]);
        await repos.milestones.update(mark(b, 'premier'));
      });
      const second = tx(async (repos) => {
        await firstHasA.promise;
        await repos.milestones.update(mark(b, 'second'));
        secondHasB.resolve();
        await repos.milestones.update(mark(a, 'second'));
      });
      const results = await Promise.allSettled([first, second]);
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(lost).toEqual([expect.any(ConflictError)]);
      const stored = await tx(async (repos) => [
        await repos.milestones.get(a.id),
        await repos.milestones.get(b.id),
      ]);
      const winner = results[0]?.status === 'fulfilled' ? 'premier' : 'second';
      expect(stored.map((m) => m?.title)).toEqual([`Écrit par ${winner}`, `Écrit par ${winner}`]);
    });
  });
});

describe('search on a PostgreSQL database that sorts in French', () => {
  // A PostgreSQL administrator may create the database with a linguistic collation; Maille must
  // still answer as SQLite does, and keep the same rows when a search is limited.
  const name = `maille_fr_${process.pid}_${Date.now()}`;
  const url = new URL(POSTGRES_URL);
  const admin = openDatabase({ url: POSTGRES_URL, poolSize: 1 });
  let french: Database;
  let sqlite: TestDatabase;

  const people = [
    person('per_tri00001', 'Pauline Roy'),
    person('per_tri00002', 'Ørjan Pedersen'),
    person('per_tri00003', 'Zoé Perrot'),
    person('per_tri00004', 'Oscar Petit'),
  ];

  beforeAll(async () => {
    await sql`create database ${sql.id(name)} template template0 encoding 'UTF8'
      locale_provider icu icu_locale 'fr' locale 'C.UTF-8'`.execute(admin.db);
    url.pathname = `/${name}`;
    french = openDatabase({ url: url.toString(), poolSize: 2 });
    const { error } = await migrateToLatest(french);
    if (error) throw error;
    sqlite = await openTestDatabase('sqlite');
    for (const database of [french, sqlite.database]) {
      await createStore(database).transaction(async (repos) => {
        for (const p of people) await repos.persons.insert(p);
      });
    }
  });
  afterAll(async () => {
    await french?.close();
    await sqlite?.drop();
    await sql`drop database if exists ${sql.id(name)}`.execute(admin.db);
    await admin.close();
  });

  it('gives the same persons in the same order as SQLite', async () => {
    const search = (database: Database, limit: number) =>
      createStore(database).transaction(async (repos) =>
        (await repos.persons.search('e', limit)).map((p) => p.displayName),
      );
    const expected = ['Oscar Petit', 'Pauline Roy', 'Zoé Perrot', 'Ørjan Pedersen'];
    expect(await search(sqlite.database, 10)).toEqual(expected);
    expect(await search(french, 10)).toEqual(expected);
    expect(await search(french, 1)).toEqual(['Oscar Petit']);
  });
});
