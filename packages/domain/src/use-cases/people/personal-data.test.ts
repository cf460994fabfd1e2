import { beforeEach, describe, expect, it } from 'vitest';
import { Organization } from '../../actors/organization.ts';
import { displayNameOf, type Person } from '../../people/person.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { searchKey } from '../../shared/search.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from '../actors/create-organization.ts';
import { listHistory } from '../audit/list-history.ts';
import type { UseCaseContext } from '../context.ts';
import { assignRole } from '../governance/assign-role.ts';
import { updateGovernance } from '../governance/update-governance.ts';
import { recordUpdate } from '../roadmap/record-update.ts';
import { createPerson } from './create-person.ts';
import { erasePersonalData, exportPersonalData } from './personal-data.ts';

const NAME = 'Jeanne Dupont-Lefèvre';
const EMAIL = 'jeanne.dupont@exemple.fr';
const DISCORD = '912345678901234567';

/** Every way the tests write her identity down; none may survive erasure, whatever the case. */
const IDENTIFYING = [NAME, EMAIL, '+33546123456', '0546123456', '05 46 12 34 56', DISCORD];

/** Every string stored anywhere, with where it is. */
function storedTexts(value: unknown, where = ''): [string, string][] {
  if (typeof value === 'string') return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => storedTexts(item, `${where}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => storedTexts(v, `${where}.${k}`));
  }
  return [];
}

function leftovers(world: TestWorld): string[] {
  const needles = [...IDENTIFYING, searchKey(NAME)].map((n) => n.toLowerCase());
  return storedTexts(world.store.dump())
    .filter(([, text]) => needles.some((n) => text.toLowerCase().includes(n)))
    .map(([where, text]) => `${where}: ${text}`);
}

describe('personal data of a person (right of access, right to erasure)', () => {
  let world: TestWorld;
  let jeanne: Person;
  let asJeanne: UseCaseContext;

  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    jeanne = await createPerson(world.as('admin'), {
      displayName: NAME,
      email: EMAIL,
      phone: '05 46 12 34 56',
      functions: ['benevole'],
    });
    await assignRole(coordinator, {
      governanceId: world.governance.id,
      personId: jeanne.id,
      role: 'membre',
    });
    // No use case links a chat account yet (the bot does): straight to the store.
    jeanne = await world.store.transaction(async (repos) => {
      const linked: Person = {
        ...jeanne,
        chatAccounts: [{ platform: 'discord', userId: DISCORD, linkedAt: world.clock() }],
        version: jeanne.version + 1,
      };
      await repos.persons.update(linked);
      return linked;
    });
    asJeanne = { ...coordinator, actor: { personId: jeanne.id, channel: 'discord' } };

    // Where others wrote her down: in capitals, with dots in the phone, without accents.
    await updateGovernance(coordinator, {
      id: world.governance.id,
      patch: { description: 'Référente bénévole : JEANNE DUPONT-LEFÈVRE (05.46.12.34.56).' },
    });
    await createOrganization(coordinator, {
      name: 'Clic Solidaire',
      category: 'association',
      // A small association whose contact details are its volunteer's own.
      email: EMAIL,
      phone: '+33546123456',
      description: `Association animée par ${NAME}, joignable au 05 46 12 34 56.`,
    });
    await recordUpdate(asJeanne, {
      subject: { type: 'governance', id: world.governance.id },
      text: `Permanence tenue par ${NAME} ; me joindre au 0546123456 ou à ${EMAIL}.`,
    });
    await recordUpdate(world.as('member'), {
      subject: { type: 'governance', id: world.governance.id },
      text: 'Merci à jeanne dupont lefevre pour l’accueil.',
    });
  });

  it('exports every record that names her, table by table, to herself', async () => {
    const exported = await exportPersonalData(asJeanne, { personId: jeanne.id });
    expect(exported).toMatchObject({
      format: 'maille.donnees-personnelles',
      exportedAt: world.clock(),
      person: { id: jeanne.id, displayName: NAME, email: EMAIL, phone: '+33546123456' },
    });
    expect(Object.keys(exported.records)).toEqual(
      expect.arrayContaining(['persons', 'governances', 'organizations', 'updates', 'auditEvents']),
    );
    const updates = exported.records.updates as { authorId: string; text: string }[];
    expect(updates.map((u) => u.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Permanence tenue par')]),
    );
    // Her own update names her by id only in `authorId`: found all the same.
    expect(updates.some((u) => u.authorId === jeanne.id)).toBe(true);
  });

  it('exports her data to a coordinator of her governance, and to no one else', async () => {
    await expect(
      exportPersonalData(world.as('coordinator'), { personId: jeanne.id }),
    ).resolves.toMatchObject({ person: { id: jeanne.id } });
    for (const who of ['outsider', 'member', 'public'] as const) {
      await expect(
        exportPersonalData(world.as(who), { personId: jeanne.id }),
        who,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('erases her: blanked record, no chat link, no text left that names her', async () => {
    world.clock.advanceDays(2);
    const result = await erasePersonalData(world.as('coordinator'), { personId: jeanne.id });
    expect(result).toMatchObject({
      personId: jeanne.id,
      erasedAt: world.clock(),
      identityErased: ['displayName', 'email', 'phone'],
      chatAccountsUnlinked: 1,
      calendarFeedsRevoked: 0,
      governances: [world.governance.id],
    });
    // Her update, the other member's, the governance's description, the association.
    expect(result.rewrittenByTable).toMatchObject({
      updates: 2,
      governances: 1,
      organizations: 1,
    });
    expect(result.recordsRewritten).toBe(
      Object.values(result.rewrittenByTable).reduce((a, b) => a + b, 0),
    );

    const after = await world.store.transaction(async (repos) => ({
      person: await repos.persons.get(jeanne.id),
      byChat: await repos.persons.findByChatAccount('discord', DISCORD),
      updates: await repos.updates.listByGovernance(world.governance.id),
      organizations: await repos.organizations.list(),
      history: await repos.auditEvents.listByEntity('person', jeanne.id),
    }));
    expect(after.person).toMatchObject({
      id: jeanne.id,
      displayName: 'membre supprimé',
      chatAccounts: [],
      erasedAt: world.clock(),
    });
    expect(after.person?.email).toBeUndefined();
    expect(after.person?.phone).toBeUndefined();
    expect(displayNameOf(after.person)).toBe('membre supprimé');
    expect(after.byChat).toBeUndefined();

    // Her update stays, still hers by id, shown as « membre supprimé ».
    const own = after.updates.find((u) => u.authorId === jeanne.id);
    expect(own?.text).toBe(
      'Permanence tenue par membre supprimé ; me joindre au membre supprimé ou à membre supprimé.',
    );
    // The association's contact fields held nothing but her details: gone, and it still reads.
    const association = after.organizations.find((o) => o.name === 'Clic Solidaire');
    expect(association && Organization.parse(association)).toMatchObject({
      description: 'Association animée par membre supprimé, joignable au membre supprimé.',
    });
    expect(association?.email).toBeUndefined();
    expect(association?.phone).toBeUndefined();

    expect(leftovers(world)).toEqual([]);

    // The trail keeps who erased whom, by pseudonymous ids, and nothing personal.
    const erasure = after.history.find((e) => e.action === 'erase');
    expect(erasure).toMatchObject({
      entity: 'person',
      entityId: jeanne.id,
      actorId: world.people.coordinator.id,
      changes: [],
    });
  });

  it('refuses to erase her twice', async () => {
    await erasePersonalData(asJeanne, { personId: jeanne.id });
    const again = erasePersonalData(world.as('coordinator'), { personId: jeanne.id });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toThrow('Cette personne est déjà effacée.');
  });

  it('lets her erase herself, and tells anyone but her coordinators that she does not exist', async () => {
    const before = world.store.dump();
    for (const who of ['outsider', 'member', 'observer', 'public'] as const) {
      await expect(
        erasePersonalData(world.as(who), { personId: jeanne.id }),
        who,
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(world.store.dump()).toEqual(before);

    await erasePersonalData(asJeanne, { personId: jeanne.id });
    expect(leftovers(world)).toEqual([]);
  });

  it('keeps each export and erasure in the history of her governance, naming her no more after', async () => {
    await exportPersonalData(world.as('admin', 'api'), { personId: jeanne.id });
    await erasePersonalData(world.as('coordinator', 'api'), { personId: jeanne.id });
    const page = await listHistory(world.as('observer'), {
      governanceId: world.governance.id,
      entity: 'personne',
      entityId: jeanne.id,
    });
    expect(page.items.map((e) => [e.line.author, e.line.channel, e.line.summary])).toEqual([
      [
        'Claire Coordinatrice',
        'API',
        'a effacé les données personnelles de la personne « membre supprimé »',
      ],
      [
        'administration de l’instance',
        'API',
        'a exporté les données personnelles de la personne « membre supprimé »',
      ],
    ]);
    const whole = await listHistory(world.as('observer'), {
      governanceId: world.governance.id,
      limit: 100,
    });
    expect(JSON.stringify(whole)).not.toMatch(/Jeanne|Dupont|jeanne\.dupont|46 12 34/i);
    expect(whole.items.some((e) => e.event.actorId === jeanne.id)).toBe(true);
  });

  it('does not let a coordinator or an administrator erase themselves', async () => {
    const before = world.store.dump();
    const coordinator = world.as('coordinator');
    await expect(
      erasePersonalData(coordinator, { personId: world.people.coordinator.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const admin = {
      ...coordinator,
      actor: { personId: jeanne.id, instanceAdmin: true, channel: 'api' as const },
    };
    await expect(erasePersonalData(admin, { personId: jeanne.id })).rejects.toThrow(
      /ne peut pas effacer ses propres données/,
    );
    expect(world.store.dump()).toEqual(before);
  });

  it('exports her sign-in links and sessions without their secrets', async () => {
    const times = { createdAt: world.clock(), expiresAt: '2099-01-01T00:00:00.000Z' };
    const secrets = await world.store.transaction(async (repos) => [
      await repos.signInLinks.issue({ personId: jeanne.id, ...times }),
      await repos.sessions.open({ personId: jeanne.id, ...times }),
    ]);
    const exported = await exportPersonalData(world.as('admin'), { personId: jeanne.id });
    expect(exported.records.signInLinks).toEqual([
      expect.objectContaining({ personId: jeanne.id, expiresAt: times.expiresAt }),
    ]);
    expect(exported.records.sessions).toEqual([expect.objectContaining({ personId: jeanne.id })]);
    const text = JSON.stringify(exported);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
