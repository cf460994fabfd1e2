export * from './delivery.ts';
export * from './digest.ts';
export * from './holidays.ts';
export * from './outbox.ts';
export * from './plan.ts';
export * from './recheck.ts';
export * from './rules.ts';
