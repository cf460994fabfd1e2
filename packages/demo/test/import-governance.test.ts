// The kernel's rules on the whole demo dataset. They live here, not beside the code, because the
// kernel cannot depend on its own demo: the package graph would turn in a circle.

import type { GovernanceDocument } from '@maille/domain/exchange';
import { Person } from '@maille/domain/people';
import { ConflictError, ForbiddenError, ValidationError } from '@maille/domain/shared';
import {
  createInMemoryStore,
  type InMemoryStore,
  type Seed,
  sequentialIds,
  settableClock,
} from '@maille/domain/testing';
import {
  exportGovernance,
  type ImportProgress,
  importGovernance,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { addDemoHistory, buildDemoDataset, DEFAULT_DEMO_NOW, DEMO_IDS } from '../src/index.ts';

const LR = DEMO_IDS.laRochelle;
const clock = settableClock(DEFAULT_DEMO_NOW);

function contexts(store: InMemoryStore) {
  const ids = sequentialIds();
  const as = (personId: string): UseCaseContext => ({
    store,
    clock,
    ids,
    actor: { personId, channel: 'api' },
  });
  return {
    coordinator: as(LR.coordinator),
    as,
    admin: { store, clock, ids, actor: { instanceAdmin: true, channel: 'cli' } } as UseCaseContext,
  };
}

/** The demo, with what only use cases produce on top of it (see `addDemoHistory`). */
async function demoWithHistory(): Promise<InMemoryStore> {
  clock.set(DEFAULT_DEMO_NOW);
  const demo = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
  const store = createInMemoryStore(demo);
  await addDemoHistory(contexts(store).coordinator, demo);
  return store;
}

const withoutDate = (document: GovernanceDocument) => ({ ...document, exportedAt: '' });

describe('importGovernance', () => {
  it('gives back, in an empty instance, the very document that was exported', async () => {
    const source = await demoWithHistory();
    const exported = await exportGovernance(contexts(source).coordinator, {
      governanceId: LR.governance,
    });
    // What the round trip must carry, beyond the plain demo.
    expect(exported.roadmapVersions.length).toBeGreaterThan(0);
    expect(exported.auditEvents.length).toBeGreaterThanOrEqual(4);
    expect(exported.measurements.some((m) => m.revision === 3)).toBe(true);
    expect(exported.updates.length).toBeGreaterThan(1);

    const target = createInMemoryStore();
    const result = await importGovernance(
      contexts(target).admin,
      JSON.parse(JSON.stringify(exported)),
    );
    expect(result.governanceId).toBe(LR.governance);

    clock.advanceDays(3);
    const again = await exportGovernance(contexts(target).coordinator, {
      governanceId: LR.governance,
    });
    expect(again.exportedAt).not.toBe(exported.exportedAt);
    expect(JSON.stringify(withoutDate(again))).toBe(JSON.stringify(withoutDate(exported)));
  });

  it('refuses a governance the instance already has, and writes nothing', async () => {
    const store = await demoWithHistory();
    const document = await exportGovernance(contexts(store).coordinator, {
      governanceId: LR.governance,
    });
    const before = store.dump();
    const attempt = importGovernance(contexts(store).admin, document);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/existe déjà/);
    expect(store.dump()).toEqual(before);
  });

  it('leaves nothing behind when a record half-way through collides', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    // The target already has one of the measurements (a copy of the same instance's data, say):
    // the import fails on it, after the governance and most records were written.
    const taken = document.measurements.at(-1);
    if (!taken) throw new Error('the document should hold measurements');
    const target = createInMemoryStore({ measurements: [taken] });
    const before = target.dump();
    await expect(importGovernance(contexts(target).admin, document)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(target.dump()).toEqual(before);
  });

  it('is for instance administrators only, even the governance’s own coordinator', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    const target = createInMemoryStore({ persons: document.persons });
    const before = target.dump();
    const attempt = importGovernance(contexts(target).coordinator, document);
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    await expect(attempt).rejects.toThrow(/administration/);
    expect(target.dump()).toEqual(before);
  });

  it('rejects a malformed document with a French validation error, before writing anything', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    const target = createInMemoryStore();
    const broken = JSON.parse(JSON.stringify(document));
    broken.formatVersion = 2;
    broken.measurements[0].value = 'beaucoup';
    const attempt = importGovernance(contexts(target).admin, broken);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.message).toMatch(/^Données invalides/);
    expect(error.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['formatVersion', 'measurements.0.value']),
    );
    // zod's French locale, not its English default.
    expect(error.issues.map((i) => i.message).join(' ')).toMatch(/attendu|invalide/i);
    await expect(importGovernance(contexts(target).admin, 'pas un document')).rejects.toThrow(
      ValidationError,
    );
    expect(target.dump()).toEqual(createInMemoryStore().dump());
  });

  it('refuses records that belong to another governance, or name what the document lacks', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    const target = createInMemoryStore(buildDemoDataset({ now: DEFAULT_DEMO_NOW }));
    const before = target.dump();

    // A body slipped into the other governance of the instance.
    const intruder = JSON.parse(JSON.stringify(document)) as GovernanceDocument;
    intruder.governance = { ...intruder.governance, id: 'gov_lrcopie01' };
    const intrusion = importGovernance(contexts(target).admin, intruder);
    await expect(intrusion).rejects.toBeInstanceOf(ValidationError);
    await expect(intrusion).rejects.toThrow(/autre gouvernance/);
    // Every record now names another governance: the first is shown, the others counted.
    await expect(intrusion).rejects.toThrow(/\(et \d+ autres problèmes\)$/);

    // A measurement of an indicator the document does not hold.
    const orphan = JSON.parse(
      JSON.stringify(document).replaceAll(LR.governance, 'gov_lrcopie02'),
    ) as GovernanceDocument;
    const measured = orphan.measurements[0]?.indicatorId;
    orphan.indicators = orphan.indicators.filter((i) => i.id !== measured);
    const dangling = importGovernance(contexts(target).admin, orphan);
    await expect(dangling).rejects.toBeInstanceOf(ValidationError);
    await expect(dangling).rejects.toThrow(/Indicateur introuvable dans le document/);
    expect(target.dump()).toEqual(before);
  });

  it('keeps the people and organizations the instance already knows as they are', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    const moreau = document.persons.find((p) => p.id === LR.coordinator);
    const organization = document.organizations[0];
    if (!moreau || !organization) throw new Error('the document should name people');
    // The target instance knows them under other details, edited since.
    const known: Partial<Seed> = {
      persons: [{ ...moreau, displayName: 'Camille Moreau (CDA)', version: moreau.version + 4 }],
      organizations: [{ ...organization, name: 'Nom local', version: organization.version + 1 }],
      territories: document.territories.slice(0, 1),
    };
    const target = createInMemoryStore(known);

    const result = await importGovernance(contexts(target).admin, document);
    const after = target.dump();
    expect(after.persons.find((p) => p.id === moreau.id)).toEqual(known.persons?.[0]);
    expect(after.organizations.find((o) => o.id === organization.id)).toEqual(
      known.organizations?.[0],
    );
    expect(after.persons).toHaveLength(document.persons.length);
    expect(after.territories).toHaveLength(document.territories.length);
    const records =
      1 +
      Object.entries(document).reduce(
        (sum, [, value]) => sum + (Array.isArray(value) ? value.length : 0),
        0,
      );
    expect(result.written).toBe(records - 3);
    expect(Person.parse(after.persons.find((p) => p.id === moreau.id)).displayName).toBe(
      'Camille Moreau (CDA)',
    );
  });

  it('reports its progress up to the total of records', async () => {
    const document = await exportGovernance(contexts(await demoWithHistory()).coordinator, {
      governanceId: LR.governance,
    });
    const seen: ImportProgress[] = [];
    await importGovernance(contexts(createInMemoryStore()).admin, document, (p) => seen.push(p));
    const total =
      1 +
      Object.values(document).reduce<number>(
        (sum, value) => sum + (Array.isArray(value) ? value.length : 0),
        0,
      );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ done: total, total });
    expect(
      seen.every((p, i) => p.total === total && (i === 0 || p.done > (seen[i - 1]?.done ?? 0))),
    ).toBe(true);
  });
});
