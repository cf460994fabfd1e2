export * from './governance-document.ts';
