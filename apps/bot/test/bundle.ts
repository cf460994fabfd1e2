// Vitest's global setup: the processes of the end-to-end tests run the bundles, as the package's
// scripts do, built once per run from the sources under test.
export async function setup(): Promise<void> {
  await import('../build.ts');
}
