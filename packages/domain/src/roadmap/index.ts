export * from './action.ts';
export * from './funding-line.ts';
export * from './milestone.ts';
export * from './roadmap.ts';
export * from './roadmap-version.ts';
export * from './update.ts';
