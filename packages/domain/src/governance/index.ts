export * from './body.ts';
export * from './decided-by.ts';
export * from './decision-effect.ts';
export * from './governance.ts';
export * from './meeting.ts';
export * from './permissions.ts';
