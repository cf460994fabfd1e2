import { createStore, migrateToLatest, openDatabase } from '@maille/db';
import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import { buildLargeRoadmap } from '@maille/domain/testing';
import { createApiKey } from '@maille/domain/use-cases';

/** The 200-action roadmap the benches add to La Rochelle's governance. */
export const LARGE_ROADMAP = 'rdm_lrcharge';

/** Migrates and seeds the demo, adds a 200-action roadmap, and returns a coordinator's key. */
export async function prepareDatabase(file: string, now: string): Promise<string> {
  const database = openDatabase({ url: file });
  try {
    const { error } = await migrateToLatest(database);
    if (error) throw error;
    await seedDemo(createStore(database), now);
    const ids = DEMO_IDS.laRochelle;
    const large = buildLargeRoadmap({
      governanceId: ids.governance,
      roadmapId: LARGE_ROADMAP,
      organizationIds: ['org_lrcdalr', 'org_lrville'],
      personIds: ['per_lrmoreau', 'per_lrgiraud', 'per_lrgautier', 'per_lrmarchand'],
      from: `${now.slice(0, 4)}-01-01`,
    });
    await createStore(database).transaction(async (repos) => {
      await repos.roadmaps.insert(large.roadmap);
      for (const action of large.actions) await repos.actions.insert(action);
      for (const milestone of large.milestones) await repos.milestones.insert(milestone);
      for (const line of large.fundingLines) await repos.fundingLines.insert(line);
      for (const update of large.updates) await repos.updates.insert(update);
    });
    const { token } = await createApiKey(kernelAt(database, now), {
      personId: ids.coordinator,
      label: 'Banc d’essai',
      instanceAdmin: false,
    });
    return token;
  } finally {
    await database.close();
  }
}
