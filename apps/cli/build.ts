import { build } from 'esbuild';

/*
 * `maille` as one JavaScript file, `dist/maille.mjs`, with the API and the bot it embeds: what the
 * root `pnpm start` runs with Node alone, rebuilt first (about a second): no compiler nor source maps
 * in memory at run time, which keeps the process under 100 MiB at rest. `pnpm start` also holds V8 small — a
 * young generation of 1 MiB a half, sizes favoured over speed, no helper threads — because pnpm's
 * own process, waiting beside it, already takes about 100 MiB of the 200 the main job is allowed
 * at rest (docs/benchmarks.md); the API alone (`pnpm --filter @maille/api start`) keeps its speed.
 *
 * The drivers stay outside: better-sqlite3 loads its compiled binding from its own folder, pg
 * would pull its optional native client, playwright-core (the brief's PDF, loaded at the first
 * print) its browser drivers, discord.js its optional compression modules. `dist/`
 * sits at the depth of `src/`, so the default database path, worked out from the module's own URL,
 * stays `data/maille.db` at the root of the repository. Paths are taken from this file's folder:
 * the root's `pnpm start` runs it from there.
 */
await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/maille.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'discord.js', 'playwright-core'],
  // Some dependencies are CommonJS and call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // Spaces and syntax only (names stay): a shorter source is less for V8 to hold, about 2 MiB.
  minifyWhitespace: true,
  minifySyntax: true,
  // Read only with `node --enable-source-maps`: stack traces in the TypeScript sources.
  sourcemap: true,
  logLevel: 'warning',
});
