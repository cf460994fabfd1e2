export * from './body.ts';
export * from './governance.ts';
export * from './meeting.ts';
export * from './permissions.ts';
