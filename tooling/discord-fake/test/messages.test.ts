import { DiscordAPIError, HTTPError, RateLimitError, REST, RESTEvents, Routes } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { connect } from './harness.ts';

async function textChannel(client: Awaited<ReturnType<typeof connect>>['client'], id: string) {
  const channel = await client.channels.fetch(id);
  if (!channel?.isSendable()) throw new Error(`channel ${id} is not sendable`);
  return channel;
}

describe('channel messages', () => {
  it('creates one message for two sends with the same nonce and enforce_nonce', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);

    const first = await channel.send({
      content: 'Rappel',
      nonce: 'dlv_0123456789abcdef',
      enforceNonce: true,
    });
    const second = await channel.send({
      content: 'Rappel',
      nonce: 'dlv_0123456789abcdef',
      enforceNonce: true,
    });

    expect(second.id).toBe(first.id);
    expect(fake.messages(fake.guild.channels.community).map((m) => m.content)).toEqual(['Rappel']);
  });

  it('creates a second message once the nonce window is over, or without enforce_nonce', async () => {
    let now = Date.parse('2026-11-24T10:00:00Z');
    const { fake, client } = await connect({ now: () => now, nonceWindowMs: 60_000 });
    const channel = await textChannel(client, fake.guild.channels.community);

    await channel.send({ content: 'Rappel', nonce: 'dlv_a', enforceNonce: true });
    await channel.send({ content: 'Rappel', nonce: 'dlv_a', enforceNonce: false });
    now += 61_000;
    await channel.send({ content: 'Rappel', nonce: 'dlv_a', enforceNonce: true });

    expect(fake.messages(fake.guild.channels.community)).toHaveLength(3);
  });

  it('refuses a nonce longer than 25 characters, as Discord does (50035)', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);

    await expect(
      channel.send({ content: 'x', nonce: 'n'.repeat(26), enforceNonce: true }),
    ).rejects.toMatchObject({
      code: 50035,
    });
    expect(fake.messages(fake.guild.channels.community)).toEqual([]);
  });

  it('opens one direct-message channel per user and records the DMs', async () => {
    const { fake, client } = await connect();
    const alice = await client.users.fetch(fake.users.alice.id);

    await alice.send('Bonjour Alice');
    await alice.send('Encore');

    expect(fake.dms(fake.users.alice.id).map((m) => m.content)).toEqual([
      'Bonjour Alice',
      'Encore',
    ]);
    expect(fake.requests.filter((r) => r.route === 'POST /users/@me/channels')).toHaveLength(1);
  });

  it('surfaces a user who refuses direct messages as DiscordAPIError 50007 (403)', async () => {
    const { fake, client } = await connect();
    fake.faults.refuseDms(fake.users.bob.id);
    const bob = await client.users.fetch(fake.users.bob.id);

    const error = await bob.send('Rappel').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50007, status: 403 });
    expect(fake.dms(fake.users.bob.id)).toEqual([]);
  });

  it('serves a bare REST client too (as the dispatcher uses), with the same refusal', async () => {
    const { fake } = await connect();
    fake.faults.refuseDms(fake.users.bob.id);
    const rest = new REST({ api: fake.restUrl }).setToken(fake.token);

    const dm = (await rest.post(Routes.userChannels(), {
      body: { recipient_id: fake.users.bob.id },
    })) as {
      id: string;
    };
    const error = await rest
      .post(Routes.channelMessages(dm.id), {
        body: { content: 'Rappel', nonce: 'dlv_b', enforce_nonce: true },
      })
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 50007, status: 403 });
    await expect(
      new REST({ api: fake.restUrl }).setToken('wrong').get(Routes.user()),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('answers 10003 Unknown Channel once a channel is deleted', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.other);
    fake.deleteChannel(fake.guild.channels.other);

    await expect(channel.send('Bonjour')).rejects.toMatchObject({ code: 10003, status: 404 });
  });

  it('answers an unknown route with a 404 { code: 0 } and records it', async () => {
    const { fake, client } = await connect();

    await expect(client.rest.get('/guilds/1/emojis')).rejects.toMatchObject({
      status: 404,
      code: 0,
    });
    expect(fake.unknownRoutes().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /guilds/1/emojis',
    ]);
  });
});

describe('faults', () => {
  it('gets a per-route 429 retried by discord.js after retry_after, and sends once', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);
    const limited: { global: boolean; retryAfter: number }[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) =>
      limited.push({ global: info.global, retryAfter: info.retryAfter }),
    );
    const path = `/channels/${fake.guild.channels.community}/messages`;
    fake.faults.rateLimit({ method: 'POST', path, retryAfter: 0.2 });

    const message = await channel.send('Rappel');

    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === path);
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    // discord.js reads Retry-After and waits at least that long (plus its own offset).
    expect(limited).toHaveLength(1);
    expect(limited[0]?.global).toBe(false);
    expect(limited[0]?.retryAfter).toBeGreaterThanOrEqual(200);
    expect(fake.messages(fake.guild.channels.community).map((m) => m.id)).toEqual([message.id]);
  });

  it('announces a bucket in X-RateLimit headers, which discord.js honours without a 429', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);
    const path = `/channels/${fake.guild.channels.community}/messages`;
    fake.faults.bucket({ method: 'POST', path, limit: 2, windowMs: 300 });

    await Promise.all(['un', 'deux', 'trois', 'quatre'].map((content) => channel.send(content)));

    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === path);
    expect(posts.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(fake.messages(fake.guild.channels.community)).toHaveLength(4);
  });

  it('answers 429 past a bucket’s limit to a client that ignores its headers', async () => {
    const { fake } = await connect();
    fake.faults.bucket({ method: 'GET', path: '/gateway', limit: 1, windowMs: 60_000 });

    const first = await fetch(`${fake.restUrl}/v10/gateway`);
    const second = await fetch(`${fake.restUrl}/v10/gateway`);

    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await second.json()).toMatchObject({ global: false });
  });

  it('gets a global 429 retried after retry_after', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);
    const limited: boolean[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info.global));
    fake.faults.rateLimit({ retryAfter: 0.1, global: true });

    await channel.send('Rappel');

    expect(limited).toEqual([true]);
    expect(fake.messages(fake.guild.channels.community)).toHaveLength(1);
  });

  it('lets discord.js reject a 429 at once when the bot asks for it (rejectOnRateLimit)', async () => {
    const { fake, client } = await connect({}, { rejectOnRateLimit: () => true });
    const channel = await textChannel(client, fake.guild.channels.community);
    fake.faults.rateLimit({ method: 'POST', retryAfter: 3 });

    const error = await channel.send('Rappel').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBeGreaterThanOrEqual(3000);
    expect(fake.messages(fake.guild.channels.community)).toEqual([]);
  });

  it('has a 5xx retried by discord.js, and surfaced as HTTPError once retries are spent', async () => {
    const { fake, client } = await connect();
    const channel = await textChannel(client, fake.guild.channels.community);

    fake.faults.serverError({ method: 'POST', status: 502 });
    await channel.send('Premier');
    fake.faults.serverError({ method: 'POST', status: 503, times: 4 });
    const error = await channel.send('Second').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HTTPError);
    expect(error).toMatchObject({ status: 503 });
    expect(fake.messages(fake.guild.channels.community).map((m) => m.content)).toEqual(['Premier']);
  });

  it('delays answers: past the client’s own timeout the request is aborted', async () => {
    const { fake, client } = await connect({}, { timeout: 100, retries: 0 });
    const channel = await textChannel(client, fake.guild.channels.community);
    fake.faults.latency({ method: 'POST', ms: 300 });

    await expect(channel.send('Rappel')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('creates the message at once when only the answer is late, and the same nonce finds it', async () => {
    const { fake, client } = await connect({}, { timeout: 100, retries: 0 });
    const channel = await textChannel(client, fake.guild.channels.community);
    fake.faults.latency({ method: 'POST', ms: 300, phase: 'after' });

    const lost = channel.send({ content: 'Rappel', nonce: 'dlv_late', enforceNonce: true });
    await expect(lost).rejects.toMatchObject({ name: 'AbortError' });
    expect(fake.messages(fake.guild.channels.community).map((m) => m.content)).toEqual(['Rappel']);

    fake.faults.clear();
    const again = await channel.send({ content: 'Rappel', nonce: 'dlv_late', enforceNonce: true });
    expect(fake.messages(fake.guild.channels.community).map((m) => m.id)).toEqual([again.id]);
  });
});
