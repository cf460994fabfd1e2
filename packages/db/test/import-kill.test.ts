import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEMO_IDS } from '@maille/demo';
import type { GovernanceDocument } from '@maille/domain/exchange';
import { generatePlacesFile } from '@maille/domain/testing';
import { exportGovernance, loadTerritoryDirectory } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Database, type DialectName } from '../src/index.ts';
import {
  charenteDirectory,
  DIALECTS,
  kernelAt,
  openTestDatabase,
  type TestDatabase,
  tableNames,
} from './dialects.ts';

import { demoContexts, seedDataset } from './fixtures/demo.ts';
import { buildLargeDocument, demoWithoutLaRochelle } from './fixtures/large-governance.ts';

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

// Sizes for an import of a few seconds on each: PostgreSQL pays a round trip per record.
const SIZES: Record<DialectName, { measurements: number; updates: number }> = {
  sqlite: { measurements: 90_000, updates: 20_000 },
  postgres: { measurements: 20_000, updates: 6_000 },
};

interface WorkerRun {
  lines: string[];
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The progress line on which the worker was killed. */
  killedAt?: { done: number; total: number };
  milliseconds: number;
}

/**
 * Runs `fixtures/import-worker.ts` (or another import `worker`) in a process of its own. With `killAt` (a share of the
 * records), sends it SIGKILL as soon as it reports having written that much: no handler, no
 * rollback of its own, the process is simply gone.
 */
function runImport(
  test: TestDatabase,
  file: string,
  killAt?: number,
  worker = 'import-worker.ts',
): Promise<WorkerRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', `test/fixtures/${worker}`, test.url, test.schema ?? '-', file],
      { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const run: WorkerRun = { lines: [], stderr: '', code: null, signal: null, milliseconds: 0 };
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      run.stderr += chunk;
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      run.lines.push(line);
      const progress = /^progress (\d+) (\d+)$/.exec(line);
      if (!progress || killAt === undefined || run.killedAt) return;
      const [done, total] = [Number(progress[1]), Number(progress[2])];
      if (done / total < killAt) return;
      run.killedAt = { done, total };
      child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ ...run, code, signal, milliseconds: Date.now() - started });
    });
  });
}

/** Every table's row count and a digest of its rows: what the database holds, comparable. */
async function contents(database: Database): Promise<Record<string, string>> {
  const tables = (await tableNames(database))
    .filter((name) => !name.startsWith('kysely_'))
    .map((name) => ({ name }));
  const found: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(
      table.name,
    )}`.execute(database.db);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
    found[table.name] = `${rows.length} rows, ${digest}`;
  }
  return found;
}

const rowCount = (summary: string | undefined) => Number(summary?.split(' ')[0]);

describe.each(DIALECTS)('a governance import on %s', (dialect) => {
  let test: TestDatabase;
  let folder: string;
  let file: string;
  let document: GovernanceDocument;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    // The instance already runs Dronne et Belle when La Rochelle moves in.
    await seedDataset(createStore(test.database), demoWithoutLaRochelle());
    document = await buildLargeDocument(SIZES[dialect]);
    folder = mkdtempSync(join(tmpdir(), 'maille-import-'));
    file = join(folder, 'la-rochelle.json');
    writeFileSync(file, JSON.stringify(document));
  }, 60_000);

  afterAll(async () => {
    await test?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('killed with SIGKILL a third of the way, leaves the database as it was before', async () => {
    const before = await contents(test.database);
    expect(rowCount(before.governances)).toBe(1);

    const run = await runImport(test, file, 0.3);
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.killedAt?.done).toBeLessThan(run.killedAt?.total ?? 0);
    expect(run.lines.some((line) => line.startsWith('done'))).toBe(false);
    console.info(`${dialect}: killed after ${run.killedAt?.done} records, ${run.milliseconds} ms`);

    expect(await contents(test.database)).toEqual(before);
  }, 120_000);

  it('left to finish, writes the whole governance (and the killed attempt is no obstacle)', async () => {
    const before = await contents(test.database);
    const run = await runImport(test, file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.lines.at(-1)).toMatch(/^done \d+$/);
    console.info(`${dialect}: ${run.lines.at(-1)} records written, ${run.milliseconds} ms`);

    const after = await contents(test.database);
    for (const [table, list] of [
      ['measurements', 'measurements'],
      ['updates', 'updates'],
      ['audit_events', 'auditEvents'],
      ['roadmap_versions', 'roadmapVersions'],
    ] as const) {
      expect(rowCount(after[table]) - rowCount(before[table]), table).toBe(document[list].length);
    }
    const exported = await exportGovernance(demoContexts(createStore(test.database)).coordinator, {
      governanceId: DEMO_IDS.laRochelle.governance,
    });
    expect(JSON.stringify({ ...exported, exportedAt: '' })).toBe(
      JSON.stringify({ ...document, exportedAt: '' }),
    );
  }, 120_000);
});

// A national places file imported whole or not at all: killed half-way, nothing of it remains.
const PLACES: Record<DialectName, number> = { sqlite: 20_000, postgres: 6_000 };

describe.each(DIALECTS)('a places import on %s', (dialect) => {
  let test: TestDatabase;
  let folder: string;
  let file: string;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await loadTerritoryDirectory(kernelAt(test.database, '2026-12-06T09:00:00.000Z'), {
      edition: 'test',
      directory: charenteDirectory(),
    });
    folder = mkdtempSync(join(tmpdir(), 'maille-places-'));
    file = join(folder, 'lieux.json');
    writeFileSync(file, generatePlacesFile(PLACES[dialect], 1));
  }, 60_000);

  afterAll(async () => {
    await test?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('killed with SIGKILL half-way, leaves the database as it was before', async () => {
    const before = await contents(test.database);
    const run = await runImport(test, file, 0.5, 'places-import-worker.ts');
    expect(run.signal, run.stderr).toBe('SIGKILL');
    expect(run.killedAt?.done).toBeLessThan(run.killedAt?.total ?? 0);
    expect(await contents(test.database)).toEqual(before);
  }, 120_000);

  it('left to finish, writes every place and its report', async () => {
    const before = await contents(test.database);
    const run = await runImport(test, file, undefined, 'places-import-worker.ts');
    expect(run.code, run.stderr).toBe(0);
    const created = Number(/^done (\d+)$/.exec(run.lines.at(-1) ?? '')?.[1]);
    expect(created).toBeGreaterThan(PLACES[dialect] * 0.9);
    const after = await contents(test.database);
    expect(rowCount(after.organizations) - rowCount(before.organizations)).toBe(created);
    expect(rowCount(after.places_imports) - rowCount(before.places_imports)).toBe(1);
  }, 120_000);
});
