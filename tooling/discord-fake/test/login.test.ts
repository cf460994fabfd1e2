import { ChannelType, Client, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../src/index.ts';
import { connect } from './harness.ts';

describe('login', () => {
  it('brings the real client to ready with the bot user and the guild with its text channel', async () => {
    const { fake, client } = await connect();

    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(fake.guild.id);
    expect(guild?.name).toBe(fake.guild.name);
    const community = guild?.channels.cache.get(fake.guild.channels.community);
    expect(community?.type).toBe(ChannelType.GuildText);
    expect(fake.gateway.stats.identifies).toBe(1);
    expect(fake.unknownRoutes()).toEqual([]);
  });

  it('refuses a wrong token on REST with 401, as Discord does', async () => {
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds], ...fake.clientOptions() });
    try {
      await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    } finally {
      await client.destroy();
      await fake.close();
    }
  });
});
