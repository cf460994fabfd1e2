import { DEMO_IDS } from '@maille/demo';
import type { GovernanceDocument } from '@maille/domain/exchange';
import { createInMemoryStore } from '@maille/domain/testing';
import { exportGovernance, importGovernance, type Store } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type DialectName } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';
import { addHistory, demoContexts, seedDataset } from './fixtures/demo.ts';

const governanceId = DEMO_IDS.laRochelle.governance;

/** The demo with its history, in a store, exported as text on the demo's clock. */
async function exportedText(store: Store): Promise<string> {
  return JSON.stringify(await exportGovernance(demoContexts(store).coordinator, { governanceId }));
}

/** Imports a document's text into `store`, then exports it back as text. */
async function roundTrip(store: Store, text: string): Promise<string> {
  await importGovernance(demoContexts(store).admin, JSON.parse(text));
  return exportedText(store);
}

const opened: TestDatabase[] = [];
async function freshStore(dialect: DialectName): Promise<Store> {
  const test = await openTestDatabase(dialect);
  opened.push(test);
  return createStore(test.database);
}

afterAll(async () => {
  await Promise.all(opened.map((test) => test.drop()));
});

// One La Rochelle per storage, built the same way: the demo, then use cases on top of it.
const exported: Partial<Record<DialectName | 'memory', string>> = {};
beforeAll(async () => {
  const memory = createInMemoryStore();
  const dataset = await seedDataset(memory);
  await addHistory(memory, dataset);
  exported.memory = await exportedText(memory);
  for (const dialect of DIALECTS) {
    const store = await freshStore(dialect);
    await addHistory(store, await seedDataset(store));
    exported[dialect] = await exportedText(store);
  }
}, 60_000);

function textOf(source: DialectName | 'memory'): string {
  const text = exported[source];
  if (!text) throw new Error(`no export from ${source}`);
  return text;
}

describe('a governance as a JSON document', () => {
  it('holds all of La Rochelle: versions, revised figures, updates and history', () => {
    const document = JSON.parse(textOf('sqlite')) as GovernanceDocument;
    expect(document.governance.id).toBe(governanceId);
    expect(document.roadmapVersions).toEqual([
      expect.objectContaining({ number: 1, reason: 'adoption', note: 'Révision à mi-parcours.' }),
    ]);
    expect(document.roadmapVersions[0]?.snapshot.actions.length).toBe(document.actions.length);
    expect(document.measurements.filter((m) => m.revision > 1).map((m) => m.revision)).toEqual(
      expect.arrayContaining([2, 3]),
    );
    expect(document.updates.length).toBeGreaterThan(1);
    expect(document.auditEvents.map((e) => e.action)).toEqual(
      expect.arrayContaining(['change_status', 'adopt', 'create', 'validate']),
    );
    expect(document.persons.length).toBeGreaterThan(5);
  });

  it('is the same text whichever storage it was exported from', () => {
    expect(textOf('sqlite')).toBe(textOf('memory'));
    expect(textOf('postgres')).toBe(textOf('memory'));
  });

  describe.each(DIALECTS)('on %s', (dialect) => {
    it('imports into an empty database and exports back the same text', async () => {
      const text = textOf(dialect);
      expect(await roundTrip(await freshStore(dialect), text)).toBe(text);
    }, 30_000);
  });

  it('goes from SQLite to PostgreSQL unchanged: SQLite → JSON → PostgreSQL → JSON', async () => {
    const text = textOf('sqlite');
    expect(await roundTrip(await freshStore('postgres'), text)).toBe(text);
  }, 30_000);

  it('goes from PostgreSQL to SQLite unchanged: PostgreSQL → JSON → SQLite → JSON', async () => {
    const text = textOf('postgres');
    expect(await roundTrip(await freshStore('sqlite'), text)).toBe(text);
  }, 30_000);
});
