export * from './delivery.ts';
export * from './holidays.ts';
export * from './outbox.ts';
export * from './plan.ts';
export * from './rules.ts';
