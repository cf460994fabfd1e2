export * from './diagnosis.ts';
export * from './located.ts';
export * from './official-directory.ts';
export * from './organization.ts';
export * from './places-import.ts';
export * from './territory.ts';
