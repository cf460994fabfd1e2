/**
 * The national open-data file of « lieux de médiation numérique » (schema 1.0.2): reading a
 * published file into organizations with a report per record, finding the places published twice,
 * merging two records of one place, and writing places back in the national schema.
 */
export * from './category.ts';
export * from './communes.ts';
export * from './duplicates.ts';
export * from './export.ts';
export * from './merge.ts';
export * from './national-fields.ts';
export * from './phone.ts';
export * from './place-records.ts';
export * from './places-file.ts';
