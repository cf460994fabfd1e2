import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const work = mkdtempSync(join(tmpdir(), 'maille-pack-'));
const project = join(work, 'project');

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    // A cache of its own: npm must find nothing it did not get from the tarballs.
    env: { ...process.env, npm_config_cache: join(work, 'npm-cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/** The published files, as `pnpm pack` put them in the tarball. */
let packed: string[] = [];

// What a developer outside the monorepo does: install the packed kernel in a plain Node project,
// with its dependencies from the workspace as tarballs so that npm works offline.
beforeAll(() => {
  run('pnpm', ['pack', '--pack-destination', work], root);
  const tarball = readdirSync(work).find((name) => name.startsWith('maille-domain-'));
  if (!tarball) throw new Error('pnpm pack wrote no tarball');
  packed = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);

  // Each runtime dependency (zod, the national places model) from the workspace, as a tarball.
  const dependencies = Object.keys(require('./package.json').dependencies as object);
  const tarballs = dependencies.map((name, index) => {
    const folder = dirname(realpathSync(require.resolve(`${name}/package.json`)));
    cpSync(folder, join(work, `dep${index}`, 'package'), { recursive: true, dereference: true });
    run('tar', ['-czf', `dep${index}.tgz`, '-C', `dep${index}`, 'package'], work);
    return `../dep${index}.tgz`;
  });

  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `../${tarball}`,
      ...tarballs,
    ],
    project,
  );
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the packed kernel', () => {
  it('ships its JavaScript, declarations, JSON schemas and README, not its sources or tests', () => {
    expect(packed).toEqual(
      expect.arrayContaining([
        'package/dist/index.js',
        'package/dist/index.d.ts',
        'package/dist/roadmap/index.js',
        'package/schemas/milestone.schema.json',
        'package/README.md',
      ]),
    );
    expect(packed.filter((file) => /\.test\.|^package\/(src|test)\//.test(file))).toEqual([]);
  });

  it('runs in plain Node: validates with French messages and computes a rule', () => {
    writeFileSync(
      join(project, 'main.mjs'),
      `import { ValidationError, validate } from '@maille/domain';
import { daysLate, formatEuros, MilestoneFields } from '@maille/domain/roadmap';

const milestone = validate(MilestoneFields, {
  roadmapId: 'rdm_larochelle',
  title: 'Premier circuit du bus',
  dueDate: '2024-06-03',
});
let refusal;
try {
  validate(MilestoneFields, { roadmapId: 'rdm_larochelle', title: 'Sans date', weight: 'lourd' });
} catch (error) {
  refusal = error instanceof ValidationError ? error.issues : String(error);
}
console.log(JSON.stringify({
  weight: milestone.weight,
  daysLate: daysLate({ status: 'a_venir', dueDate: milestone.dueDate }, '2024-06-10'),
  budget: formatEuros(40_000_000),
  refusal,
}));
`,
    );
    const output = JSON.parse(run(process.execPath, ['main.mjs'], project));
    expect(output).toEqual({
      weight: 1,
      daysLate: 7,
      budget: '400\u202f000\u00a0€',
      refusal: [
        { path: ['dueDate'], message: 'Ce champ est obligatoire.' },
        { path: ['weight'], message: 'Un nombre est attendu.' },
      ],
    });
  }, 60_000);

  it('gives TypeScript projects real types', () => {
    writeFileSync(
      join(project, 'check.ts'),
      `import { validate } from '@maille/domain';
import { formatEuros, MilestoneFields, type Priority } from '@maille/domain/roadmap';
import { createInMemoryStore } from '@maille/domain/testing';

const milestone = validate(MilestoneFields, { title: 'Premier circuit' });
export const title: string = milestone.title;
export const weight: number = milestone.weight;
export const priority: Priority = 'haute';
// @ts-expect-error: not one of the priorities (an \`any\` would let it through)
export const wrong: Priority = 'urgente';
// @ts-expect-error: an amount is a number of cents
formatEuros('12');
export const store = createInMemoryStore();
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2023',
          // zod's declarations name URL: a project without @types/node takes it from the DOM.
          lib: ['es2023', 'dom'],
          types: [],
          strict: true,
          noEmit: true,
          // The kernel's own declarations are checked too.
          skipLibCheck: false,
        },
        files: ['check.ts'],
      }),
    );
    const tsc = require.resolve('typescript/bin/tsc');
    const errors = () => {
      try {
        run(process.execPath, [tsc, '-p', '.'], project);
        return '';
      } catch (error) {
        return String((error as { stdout?: string }).stdout || error);
      }
    };
    expect(errors()).toBe('');
  }, 120_000);
});
