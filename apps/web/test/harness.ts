import { createStore } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase, testDialect } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import { issueSignInLink } from '@maille/domain/use-cases';
import { createWeb } from '../src/index.ts';

export const NOW = '2026-11-24T09:00:00.000Z';

/** The web workspace over a real database (SQLite, or PostgreSQL with MAILLE_TEST_DIALECT) seeded with the demo. */
export async function openTestWeb() {
  const test: TestDatabase = await openTestDatabase(testDialect());
  await seedDemo(createStore(test.database), NOW);
  const admin = kernelAt(test.database, NOW);
  const web = createWeb({ store: admin.store, clock: admin.clock, ids: admin.ids });
  return {
    test,
    web,
    admin,
    /** A fresh sign-in link's path for a person, as `maille connexion` would print it. */
    linkFor: async (personId: string) =>
      `/connexion/${(await issueSignInLink(admin, { personId })).secret}`,
    drop: () => test.drop(),
  };
}
