import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStackTrace, type Sandbox, sandbox } from './run.ts';

// A newcomer's path through the command line: the directory, a governance for a real EPCI, the
// Charente file imported twice, its report, the export and the diagnosis.

const CHARENTE = new URL(
  '../../../packages/domain/test-fixtures/lieux-mediation-numerique/charente-2023-07-11.json',
  import.meta.url,
);

let box: Sandbox;
let governanceId: string;
beforeAll(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('territoires', 'charger')).code).toBe(0);
  const { openDatabase } = await import('@maille/db');
  const { createGovernance } = await import('@maille/domain/use-cases');
  const { kernelOver } = await import('./run.ts');
  const database = openDatabase({ url: box.env.DATABASE_URL });
  try {
    governanceId = (
      await createGovernance(kernelOver(database, { instanceAdmin: true, channel: 'cli' }), {
        name: 'Coordination du Grand Cognac',
        territory: { level: 'epci', code: '200070514' },
        perimeter: 'epci',
      })
    ).id;
  } finally {
    await database.close();
  }
}, 60_000);
afterAll(() => box.remove());

describe('maille lieux', () => {
  it('imports the Charente file, then again without changing anything', async () => {
    const file = join(box.folder, 'charente.json');
    writeFileSync(file, readFileSync(CHARENTE));
    const first = await box.run('lieux', 'importer', file);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^Lieux importés \(rapport imp_\w+\) : 188 créés, 0 mis à jour/);
    expect(first.out).toMatch(/doublons probables à examiner/);
    const second = await box.run('lieux', 'importer', file);
    expect(second.out).toMatch(/0 créé, 0 mis à jour, 188 inchangés/);

    const id = /rapport (imp_\w+)/.exec(first.out)?.[1] as string;
    const report = await box.run('lieux', 'rapport', id);
    expect(report.code, report.err).toBe(0);
    expect(report.out).toMatch(/n° 1 — .+ : Créé/);
    expect(report.out).toMatch(/code INSEE/);
  }, 60_000);

  it('exports the governance’s places and diagnoses its perimeter', async () => {
    const exported = join(box.folder, 'lieux.csv');
    const run = await box.run(
      'lieux',
      'exporter',
      '--gouvernance',
      governanceId,
      '--format',
      'csv',
      '--fichier',
      exported,
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/lieux exportés dans/);
    expect(readFileSync(exported, 'utf8').split('\n')[0]).toMatch(/id.*nom.*commune/);

    const diagnosis = join(box.folder, 'diagnostic.csv');
    const d = await box.run(
      'lieux',
      'diagnostic',
      '--gouvernance',
      governanceId,
      '--fichier',
      diagnosis,
    );
    expect(d.code, d.err).toBe(0);
    expect(d.out).toMatch(/^Communes : \d+, dont \d+ avec au moins un lieu et \d+ sans aucun\./);
    expect(readFileSync(diagnosis, 'utf8')).toContain('Cognac');
  });

  it('refuses a file that is no places file, a missing one and a too large one, in French', async () => {
    const bad = join(box.folder, 'image.png');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    const refused = await box.run('lieux', 'importer', bad);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/[Ff]ichier|JSON|CSV/);
    const missing = await box.run('lieux', 'importer', join(box.folder, 'absent.json'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('absent.json');
    const huge = join(box.folder, 'huge.json');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024 + 1, 0x20));
    const tooLarge = await box.run('lieux', 'importer', huge);
    expect(tooLarge.code).not.toBe(0);
    expect(tooLarge.err).toMatch(/ne peut dépasser 50/);
    for (const run of [refused, missing, tooLarge]) expect(noStackTrace(run.err)).toBe(true);
  });
});
