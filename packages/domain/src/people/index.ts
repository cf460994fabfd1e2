export * from './erasure.ts';
export * from './person.ts';
