import { Client, Events, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../src/index.ts';
import { connect } from './harness.ts';

// A reconnection takes discord.js 500 ms or more; the interaction injected meanwhile must not be
// refused for lateness by the fake's 3 s acknowledgement deadline on a loaded machine.
const PATIENT = { ackTimeoutMs: 20_000 };

describe('gateway', () => {
  it('acknowledges heartbeats, so the client never takes the connection for a zombie', async () => {
    const { fake, client } = await connect({ heartbeatIntervalMs: 30 });

    await fake.until(() => fake.gateway.stats.heartbeats >= 4, { what: 'four heartbeats' });

    expect(fake.gateway.stats.resumes).toBe(0);
    expect(fake.gateway.stats.identifies).toBe(1);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('resumes after a disconnect and replays the interaction dispatched meanwhile, once', async () => {
    const { fake, client } = await connect(PATIENT);
    const received: string[] = [];
    client.on(Events.InteractionCreate, async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      received.push(interaction.id);
      await interaction.reply('Bien reçu');
    });
    const resumed = fake.gateway.nextResume();

    fake.gateway.disconnect();
    expect(fake.gateway.connected).toBe(false);
    const { id } = fake.slashCommand({ user: fake.users.alice, name: 'jalons' });
    const replayed = await resumed;
    await fake.respondedTo(id);

    expect(replayed).toBe(1);
    expect(received).toEqual([id]);
    expect(fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1 });
  });

  it('resumes when asked to reconnect (op 7)', async () => {
    const { fake } = await connect();
    const resumed = fake.gateway.nextResume();

    fake.gateway.requestReconnect();

    expect(await resumed).toBe(0);
    expect(fake.gateway.stats).toMatchObject({ identifies: 1, resumes: 1 });
  });

  it('lets the client resume on the same socket after a resumable invalid session', async () => {
    const { fake } = await connect();
    const resumed = fake.gateway.nextResume();

    fake.gateway.invalidateSession(true);

    expect(await resumed).toBe(0);
    expect(fake.gateway.stats).toMatchObject({ connections: 1, identifies: 1, resumes: 1 });
  });

  it('makes the client identify again after an invalid session, and it still answers', async () => {
    const { fake, client } = await connect(PATIENT);
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply('Toujours là');
    });
    const identified = fake.gateway.nextIdentify({ timeoutMs: 20_000 });

    fake.gateway.invalidateSession();
    await identified;
    const { id } = fake.slashCommand({ user: fake.users.bob, name: 'aide' });

    expect(await fake.respondedTo(id)).toMatchObject({ data: { content: 'Toujours là' } });
    expect(fake.gateway.stats).toMatchObject({ identifies: 2, resumes: 0 });
  });

  it('closes with 4014 when the client asks for a privileged intent the application lacks', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
      ...fake.clientOptions(),
    });
    const closed = new Promise<number>((resolve) => {
      client.on(Events.ShardDisconnect, (event) => resolve(event.code));
    });
    try {
      client.login(fake.token).catch(() => undefined);

      expect(await closed).toBe(4014);
      expect(fake.gateway.stats.identifies).toBe(0);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
