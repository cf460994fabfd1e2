/**
 * @maille/domain — the kernel of Maille: the model of territorial digital-inclusion
 * coordination (governance, roadmap, indicators, reminders), its pure rules and its use cases.
 * Each area is also importable alone: `@maille/domain/roadmap`, `@maille/domain/indicators`…
 */
export * from './actors/index.ts';
export * from './audit/index.ts';
export * from './exchange/index.ts';
export * from './governance/index.ts';
export * from './indicators/index.ts';
export * from './people/index.ts';
export * from './public-schemas.ts';
export * from './reminders/index.ts';
export * from './roadmap/index.ts';
export * from './shared/index.ts';
