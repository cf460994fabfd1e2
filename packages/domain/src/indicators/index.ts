export * from './indicator.ts';
export * from './measurement.ts';
export * from './period.ts';
