import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/*
 * The bot as JavaScript bundles in `dist/`, one per program, which the package's scripts run
 * with Node alone: `main.mjs` (the chat: Discord, else the console), `console.mjs` (the console
 * chat with its options), `dispatch.mjs` (the reminders' dispatcher), `register-commands.mjs`, and
 * `bench-bot.mjs` for `pnpm bench`. Bundled, a process holds no compiler nor source maps, which
 * would weigh more than the bot itself; discord.js is loaded only on Discord.
 *
 * The drivers stay outside the bundle: better-sqlite3 loads its compiled binding from its own
 * folder, and pg would pull its optional native client. discord.js's optional accelerators
 * (zlib-sync, bufferutil…) are not installed and stay outside too. `dist/` sits at the depth of
 * `src/`, so the default database path, worked out from the module's own URL, stays
 * `data/maille.db` at the root of the repository.
 */
// Paths are the package's, wherever the build is started from (a test run's global setup).
const root = fileURLToPath(new URL('.', import.meta.url));
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/main.ts',
    console: 'src/adapters/console/main.ts',
    dispatch: 'src/dispatch.ts',
    'register-commands': 'src/register-commands.ts',
    // The chat and the dispatcher in one process, as `pnpm bench` measures them.
    'bench-bot': 'bench/bot-process.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  // Code shared by the programs goes to chunks beside them (at the same depth, for the database
  // path), and what is imported lazily (discord.js, for the console chat) is loaded only when used.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg', 'zlib-sync', 'bufferutil', 'utf-8-validate'],
  // Some dependencies are CommonJS and call `require`, which an ES module lacks.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  // Not loaded by default: `node --enable-source-maps dist/main.mjs` shows stack traces in the
  // TypeScript sources.
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});

// Chunks are named by their content: those of earlier builds are removed once this one is
// written (not before, so that a bot started meanwhile still finds its files).
const written = new Set(Object.keys(result.metafile.outputs).map((file) => join(root, file)));
for (const file of readdirSync(join(root, 'dist'))) {
  const path = join(root, 'dist', file);
  if (!written.has(path)) rmSync(path);
}
