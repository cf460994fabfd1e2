import { build } from 'esbuild';

/*
 * The API as one JavaScript file, `dist/server.mjs`, which `pnpm --filter @maille/api start` runs
 * with Node alone. Why: run through tsx, the server carries tsx's compiler thread and the source
 * maps of every module, about 80 MiB before the first request; bundled, it starts at about 85 MiB
 * in all. `start` also gives V8 two settings, to keep the server under 200 MiB under load (see
 * docs/benchmarks.md):
 * - the young generation at 4 MiB a half (16 by default): the API's garbage is short-lived, and
 *   this saves 24 MiB;
 * - the old generation grows by half its live size between two full collections
 *   (`--heap-growing-percent=50`; V8 lets it grow up to fourfold while memory is plentiful).
 *   Under a burst of writes, requests waiting on SQLite live long enough to reach the old
 *   generation: it grew to about 85 MiB for 22 MiB alive, and the process to 173 MiB; with the
 *   setting, to 45 MiB and 129 MiB. Reads, whose garbage dies young, collect as often as before.
 *
 * The drivers stay outside the bundle: better-sqlite3 loads its compiled binding from its own
 * folder, and pg would pull its optional native client, playwright-core (the brief's PDF, loaded at the first
 * print) its browser drivers. `dist/` sits at the depth of `src/`, so
 * the default database path, worked out from the module's own URL, stays `data/maille.db` at the
 * root of the repository.
 */
await build({
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'playwright-core'],
  // Some dependencies are CommonJS and call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // Not loaded by default (parsing it costs about 30 MiB): `node --enable-source-maps
  // dist/server.mjs` shows stack traces in the TypeScript sources.
  sourcemap: true,
  logLevel: 'warning',
});
