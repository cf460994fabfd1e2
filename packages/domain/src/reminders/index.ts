export * from './delivery.ts';
export * from './holidays.ts';
export * from './plan.ts';
export * from './rules.ts';
