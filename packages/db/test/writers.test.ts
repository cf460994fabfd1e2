import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildDemoDataset } from '@maille/demo';
import type { Organization } from '@maille/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// Writers of one process share the database's queue; a writer of another process is waited for.

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const base = buildDemoDataset().organizations[0] as Organization;

function organization(id: string): Organization {
  return { ...base, id, name: `Structure ${id}` };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(DIALECTS)('writers of one process on %s', (dialect) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await openTestDatabase(dialect);
  });
  afterEach(() => test.drop());

  const stored = async (ids: string[]) =>
    (await createStore(test.database).transaction((repos) => repos.organizations.getMany(ids)))
      .map((o) => o.id)
      .sort();

  it('keep what each use case wrote when one of them fails, and undo the failed one alone', async () => {
    const store = createStore(test.database);
    const refused = new Error('refusé par le cas d’usage');
    const outcomes = await Promise.allSettled([
      store.transaction((repos) => repos.organizations.insert(organization('org_premier1'))),
      store.transaction(async (repos) => {
        await repos.organizations.insert(organization('org_echoue01'));
        throw refused;
      }),
      store.transaction((repos) => repos.organizations.insert(organization('org_suivant1'))),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toEqual({ status: 'rejected', reason: refused });
    expect(await stored(['org_premier1', 'org_echoue01', 'org_suivant1'])).toEqual([
      'org_premier1',
      'org_suivant1',
    ]);
  });

  it('answer each use case with its own result, and go on after a failure', async () => {
    const store = createStore(test.database);
    await expect(
      store.transaction(async () => {
        throw new Error('première écriture ratée');
      }),
    ).rejects.toThrow('première écriture ratée');
    const answers = await Promise.all(
      ['org_reponse1', 'org_reponse2', 'org_reponse3'].map((id) =>
        store.transaction(async (repos) => {
          await repos.organizations.insert(organization(id));
          return id;
        }),
      ),
    );
    expect(answers).toEqual(['org_reponse1', 'org_reponse2', 'org_reponse3']);
    expect(await stored(answers)).toEqual(answers);
  });
});

describe('writers on SQLite', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await openTestDatabase('sqlite');
  });
  afterEach(() => test.drop());

  it('take turns in one process: the second starts once the first has finished', async () => {
    // Two stores over one database, as the API's plain and idempotent stores are.
    const first = createStore(test.database);
    const second = createStore(test.database);
    const firstMayEnd = deferred();
    const events: string[] = [];
    const one = first.transaction(async (repos) => {
      events.push('premier commence');
      await repos.organizations.insert(organization('org_tour0001'));
      await firstMayEnd.promise;
      events.push('premier finit');
    });
    const two = second.transaction(async (repos) => {
      events.push('second commence');
      // The first one's write is there: it ran before, in the same transaction or an earlier one.
      expect(await repos.organizations.get('org_tour0001')).toBeDefined();
      await repos.organizations.insert(organization('org_tour0002'));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    firstMayEnd.resolve();
    await Promise.all([one, two]);
    expect(events).toEqual(['premier commence', 'premier finit', 'second commence']);
    const found = await first.transaction((repos) =>
      repos.organizations.getMany(['org_tour0001', 'org_tour0002']),
    );
    expect(found).toHaveLength(2);
  });

  it('tells every use case of a transaction SQLite gave up as a whole, and runs the others after', async () => {
    const store = createStore(test.database);
    const sqlite = test.database.sqlite;
    if (!sqlite) throw new Error('a SQLite database has its connection');
    const diskFull = new Error('disque plein');
    // While a first write runs, the next three queue up and share the following transaction.
    const firstStarted = deferred();
    const firstMayEnd = deferred();
    const first = store.transaction(async () => {
      firstStarted.resolve();
      await firstMayEnd.promise;
    });
    await firstStarted.promise;
    const queued = Promise.allSettled([
      store.transaction((repos) => repos.organizations.insert(organization('org_perdu001'))),
      store.transaction(async (repos) => {
        await repos.organizations.insert(organization('org_perdu002'));
        // What SQLite does by itself on a full disk or an I/O error.
        sqlite.exec('rollback');
        throw diskFull;
      }),
      store.transaction((repos) => repos.organizations.insert(organization('org_ensuite1'))),
    ]);
    firstMayEnd.resolve();
    await first;
    expect(await queued).toEqual([
      { status: 'rejected', reason: diskFull },
      { status: 'rejected', reason: diskFull },
      { status: 'fulfilled', value: undefined },
    ]);
    const kept = await store.transaction((repos) =>
      repos.organizations.getMany(['org_perdu001', 'org_perdu002', 'org_ensuite1']),
    );
    expect(kept.map((o) => o.id)).toEqual(['org_ensuite1']);
  });

  it('waits for another process that holds the write lock, then commits', async () => {
    // Another process takes the lock, says so, and keeps it a moment before committing its row.
    const script = `
      const Database = require('better-sqlite3');
      const db = new Database(process.argv[1]);
      db.pragma('busy_timeout = 10000');
      db.exec('begin immediate');
      db.prepare("insert into erasure_lock (holder) values ('autre-processus')").run();
      console.log('verrou pris');
      setTimeout(() => { db.exec('commit'); db.close(); }, 500);
    `;
    const other = spawn(process.execPath, ['-e', script, test.url], { cwd: PACKAGE });
    const exited = new Promise<number | null>((resolve) => other.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      other.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('verrou pris')) resolve();
      });
      other.on('error', reject);
      other.on('close', (code) => reject(new Error(`l’autre processus a fini (${code})`)));
    });
    await createStore(test.database).transaction((repos) =>
      repos.organizations.insert(organization('org_apres001')),
    );
    expect(await exited).toBe(0);
    const { db } = test.database;
    const holders = await db.selectFrom('erasure_lock').select('holder').execute();
    expect(holders).toEqual([{ holder: 'autre-processus' }]);
    expect(
      await db.selectFrom('organizations').select('id').where('id', '=', 'org_apres001').execute(),
    ).toHaveLength(1);
  });
});
