import { openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { describeAuditEvent } from '@maille/domain';
import { listHistory, updateGovernance } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, type Sandbox, sandbox } from './run.ts';

// What the command line changes reads « Ligne de commande » in the history, signed by Maille (the
// command acts as the instance, not as a person); and an erased person is named nowhere in it.

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterEach(() => box.remove());

describe('the history of a change made on the command line', () => {
  it('says « Ligne de commande », and still reads after the erasure it records', async () => {
    // Moreau changes her governance first (through the API), so that the history names her.
    const before = openDatabase({ url: box.env.DATABASE_URL });
    try {
      await updateGovernance(kernelOver(before, { personId: MOREAU, channel: 'api' }), {
        id: LR.governance,
        patch: { description: 'Coordination animée par la CDA.' },
      });
    } finally {
      await before.close();
    }
    const erased = await box.run('personne', 'effacer', MOREAU, '--oui');
    expect(erased.code, erased.err).toBe(0);

    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      const admin = kernelOver(database, { instanceAdmin: true, channel: 'api' });
      const events = await admin.store.transaction((repos) =>
        repos.auditEvents.listByEntity('person', MOREAU),
      );
      const erasure = events.find((e) => e.action === 'erase');
      expect(erasure?.channel).toBe('cli');
      expect(
        erasure &&
          describeAuditEvent(erasure, { author: 'Maille', timeZone: 'Europe/Paris' }).channel,
      ).toBe('Ligne de commande');

      const history = await listHistory(admin, { governanceId: LR.governance, limit: 100 });
      const hers = history.items.find((e) => e.event.actorId === MOREAU);
      expect(hers?.line).toMatchObject({
        author: 'membre supprimé',
        channel: 'API',
        summary: expect.stringMatching(/^a modifié la gouvernance/),
      });
      // Her id stays (the demo's ids spell names; real ones are random); her name goes.
      expect(JSON.stringify(history)).not.toMatch(/Claire Moreau/i);
    } finally {
      await database.close();
    }
  });
});
