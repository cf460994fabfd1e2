export * from './audit-event.ts';
export * from './history-line.ts';
