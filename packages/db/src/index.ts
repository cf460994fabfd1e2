/**
 * @maille/db — the storage of Maille: every port of the kernel over SQLite (an embedded file, the
 * default) or PostgreSQL (`DATABASE_URL=postgres://…`), with the same behaviour on both.
 */

export * from './backup.ts';
export * from './change-mark.ts';
export * from './connection.ts';
export * from './idempotency.ts';
export * from './ids.ts';
export * from './migrate.ts';
export type { Schema } from './schema.ts';
export * from './settings.ts';
export * from './store.ts';
