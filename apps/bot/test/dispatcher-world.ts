import { createStore, type DialectName, openDatabase } from '@maille/db';
import { openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { buildDemoDataset, DEMO_IDS, seedDemo } from '@maille/demo';
import type { FakeDiscord } from '@maille/discord-fake';
import type { ChatBinding, Delivery, Milestone, Person } from '@maille/domain';
import { settableClock } from '@maille/domain/testing';
import type { Store } from '@maille/domain/use-cases';
import { discordSender } from '../src/adapters/discord/sender.ts';
import {
  createDispatcher,
  type Dispatcher,
  type DispatcherSettings,
} from '../src/dispatcher/dispatcher.ts';
import { RecordingSender } from './recording-sender.ts';

export const LA_ROCHELLE = DEMO_IDS.laRochelle.governance;
export const DRONNE = DEMO_IDS.dronneEtBelle.governance;
export const COMMUNITY_CHANNEL = '900000000000000001';
export const BINDING: ChatBinding = {
  platform: 'discord',
  guildId: '900000000000000000',
  channelId: COMMUNITY_CHANNEL,
  boundAt: '2026-01-05T08:00:00.000Z',
};

/**
 * A real database with the demo seeded for `now`, every demo person linked to a fake Discord id,
 * La Rochelle bound to a community channel (Dronne et Belle is not), a settable clock and a
 * recording sender.
 */
export interface DispatcherWorld {
  test: TestDatabase;
  store: Store;
  clock: ReturnType<typeof settableClock>;
  sender: RecordingSender;
  /** Discord user id of each demo person. */
  discordIdOf: (personId: string) => string;
  persons: Person[];
  dispatcher(settings?: Partial<DispatcherSettings>, claimant?: string): Dispatcher;
  /** A second store over its own connection pool, as another process would have. */
  otherStore(): Store;
  delivery(id: string): Promise<Delivery>;
  drop(): Promise<void>;
}

export async function openDispatcherWorld(
  dialect: DialectName,
  now: string,
  /** Send for real, through discord.js, to this fake Discord: its users and channel stand in. */
  discord?: FakeDiscord,
): Promise<DispatcherWorld> {
  const test = await openTestDatabase(dialect);
  await seedDemo(createStore(test.database), now);
  const store = createStore(test.database);
  const persons = buildDemoDataset({ now }).persons;
  const ids = new Map(
    persons.map((p, i) => [
      p.id,
      discord ? discord.addUser(`demo${i + 1}`).id : `8${String(i + 1).padStart(17, '0')}`,
    ]),
  );
  const binding: ChatBinding = discord
    ? { ...BINDING, guildId: discord.guild.id, channelId: discord.guild.channels.community }
    : BINDING;
  const discordIdOf = (personId: string) => {
    const id = ids.get(personId);
    if (!id) throw new Error(`No Discord id for ${personId}`);
    return id;
  };
  await store.transaction(async (repos) => {
    for (const person of await repos.persons.getMany([...ids.keys()])) {
      await repos.persons.update({
        ...person,
        chatAccounts: [{ platform: 'discord', userId: discordIdOf(person.id), linkedAt: now }],
        version: person.version + 1,
      });
    }
    const governance = await repos.governances.get(LA_ROCHELLE);
    if (!governance) throw new Error('demo not seeded');
    await repos.governances.update({
      ...governance,
      chat: binding,
      version: governance.version + 1,
    });
  });
  const clock = settableClock(now);
  const sender = new RecordingSender(
    discord
      ? discordSender({
          token: discord.token,
          apiUrl: discord.restUrl,
          globalRequestsPerSecond: 10_000,
        })
      : undefined,
  );
  const others: { close(): Promise<void> }[] = [];
  return {
    test,
    store,
    clock,
    sender,
    discordIdOf,
    persons,
    dispatcher: (settings = {}, claimant = 'bot-test') =>
      createDispatcher({ store, sender, clock, claimant, settings, log: () => undefined }),
    otherStore() {
      const database = openDatabase({
        url: test.url,
        ...(test.schema ? { schema: test.schema } : {}),
        poolSize: 4,
      });
      others.push(database);
      return createStore(database);
    },
    async delivery(id) {
      const found = await store.transaction((repos) => repos.deliveries.get(id));
      if (!found) throw new Error(`No delivery ${id}`);
      return found;
    },
    async drop() {
      for (const other of others) await other.close();
      await test.drop();
    },
  };
}

// Open milestones of La Rochelle in the demo, each with someone who answers for it (its owner or
// its action's) and takes direct messages.
const ANSWERED: readonly (readonly [milestone: string, person: string])[] = [
  ['mil_lr0001', 'per_lrmoreau'],
  ['mil_lr0101', 'per_lrmoreau'],
  ['mil_lr0302', 'per_lrchevalier'],
  ['mil_lr0602', 'per_lrperrin'],
  ['mil_lr0602', 'per_lrmoreau'],
];

/**
 * `count` milestone reminders of La Rochelle all due by `now` (spread over the minutes before),
 * to persons who take direct messages: a load for the dispatcher, that it must send whole.
 */
export function dueReminders(count: number, now: string, idPrefix: string): Delivery[] {
  return Array.from({ length: count }, (_, i) => {
    const [milestoneId, personId] = ANSWERED[i % ANSWERED.length] as readonly [string, string];
    return {
      id: `dlv_${idPrefix}${String(i).padStart(6, '0')}`,
      dedupeKey: `load:${idPrefix}:${i}`,
      governanceId: LA_ROCHELLE,
      kind: 'milestone_reminder',
      recipient: { type: 'person', personId },
      subject: { type: 'milestone', id: milestoneId },
      dueAt: new Date(Date.parse(now) - (i % 600) * 1000).toISOString(),
      expiresAt: new Date(Date.parse(now) + 7 * 86_400_000).toISOString(),
      status: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
  });
}

/** A milestone of La Rochelle's roadmap, on action A1.2, owned by Yanis Belkacem unless told. */
export function reminderMilestone(
  id: string,
  dueDate: string,
  now: string,
  changes: Partial<Milestone> = {},
): Milestone {
  return {
    id,
    governanceId: LA_ROCHELLE,
    roadmapId: 'rdm_larochelle',
    actionId: 'act_lr0002',
    title: 'Permanences ouvertes dans les trois centres sociaux',
    dueDate,
    ownerId: 'per_lrbelkacem',
    status: 'a_venir',
    weight: 1,
    reschedules: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...changes,
  };
}

/**
 * Queues a J-3 reminder due `now`, expiring a day later, of a milestone its recipient owns
 * (created if needed): `mil_test01` for Yanis Belkacem (the default recipient), `mil_t<name>`
 * without an action for another person.
 */
export async function queueReminder(
  store: Store,
  now: string,
  changes: Partial<Delivery> = {},
): Promise<Delivery> {
  const belkacem = 'per_lrbelkacem';
  const personId = changes.recipient?.type === 'person' ? changes.recipient.personId : belkacem;
  const milestoneId = personId === belkacem ? 'mil_test01' : `mil_t${personId.slice(4)}`;
  const governanceId = changes.governanceId ?? LA_ROCHELLE;
  const delivery: Delivery = {
    id: `dlv_test${String(Math.random()).slice(2, 10)}`,
    dedupeKey: `milestone:${milestoneId}:2026-11-26:J-3:${personId}:${Math.random()}`,
    governanceId,
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId },
    subject: { type: 'milestone', id: milestoneId },
    dueAt: now,
    expiresAt: new Date(Date.parse(now) + 86_400_000).toISOString(),
    status: 'pending',
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...changes,
  };
  await store.transaction(async (repos) => {
    if (!(await repos.milestones.get(milestoneId))) {
      const { actionId: _none, ...owned } = reminderMilestone(milestoneId, '2026-11-26', now, {
        governanceId,
        roadmapId: governanceId === DRONNE ? 'rdm_dronnebelle' : 'rdm_larochelle',
        ownerId: personId,
      });
      await repos.milestones.insert(
        personId === belkacem ? reminderMilestone(milestoneId, '2026-11-26', now) : owned,
      );
    }
    await repos.deliveries.insertIfAbsent([delivery]);
  });
  return delivery;
}
