export * from './calendar.ts';
export * from './csv.ts';
export * from './governance-document.ts';
export * from './spreadsheets.ts';
