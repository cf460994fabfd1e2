export * from './organization.ts';
export * from './territory.ts';
