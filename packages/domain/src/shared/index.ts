export * from './codes.ts';
export * from './entity.ts';
export * from './errors.ts';
export * from './ids.ts';
export * from './search.ts';
export * from './text.ts';
export * from './time.ts';
export * from './validate.ts';
