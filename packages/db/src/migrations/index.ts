import type { Migration } from 'kysely';
import * as initial from './2026-11-24-initial.ts';

/**
 * Every migration, by name; names sort in the order they run. A static list rather than a scan of
 * the folder, so bundlers and tests see exactly what runs.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-24-initial': initial,
};
