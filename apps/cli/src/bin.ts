#!/usr/bin/env -S node --import tsx
import { main } from './main.ts';

// `maille export … | head`: the reader left, which is no error of the user's.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
