/**
 * Test helpers for the kernel's users: an in-memory store implementing every port, a sequential
 * id generator and a settable clock. Run any use case without a database. Also a generator of
 * national places files and a Table Schema checker, to test an import or an export.
 */
export * from './clock-and-ids.ts';
export * from './in-memory-store.ts';
export * from './large-roadmap.ts';
export * from './places-file.ts';
export * from './table-schema.ts';
export * from './world.ts';
