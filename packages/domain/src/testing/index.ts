/**
 * Test helpers for the kernel's users: an in-memory store implementing every port, a sequential
 * id generator and a settable clock. Run any use case without a database.
 */
export * from './clock-and-ids.ts';
export * from './in-memory-store.ts';
export * from './large-roadmap.ts';
export * from './world.ts';
