/**
 * @maille/demo — one consistent demo dataset (La Rochelle and Dronne et Belle) for the start
 * command, the tests and the database seed. Fictional people; built on the kernel's schemas.
 */
export { DEFAULT_DEMO_NOW, type DemoDataset } from './context.ts';
export { buildDemoDataset, DEMO_IDS, type DemoOptions } from './demo-dataset.ts';
export { DRONNE_ET_BELLE_IDS } from './dronne-et-belle.ts';
export { addDemoHistory } from './history.ts';
export { LA_ROCHELLE_IDS } from './la-rochelle.ts';
export { demoRecords, type SeedReport, seedDemo } from './seed.ts';
export { DEMO_TERRITORIES } from './territories.ts';
