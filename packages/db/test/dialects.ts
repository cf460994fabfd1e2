// The storage tests' harness lives in src/testing.ts, published as `@maille/db/testing` so the
// apps' suites open their databases the same way.
export * from '../src/testing.ts';
