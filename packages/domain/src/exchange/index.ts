export * from './calendar.ts';
export * from './csv.ts';
export * from './governance-document.ts';
export * from './places/index.ts';
export * from './spreadsheets.ts';
