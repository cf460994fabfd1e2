import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem } from './requests.ts';

const MEMBER = 'per_lrmarchand';
const api = suiteApi();

interface Link {
  id: string;
  personId: string;
  path: string;
  url: string;
}

const linkOf = (key: string, method: 'GET' | 'POST') =>
  api.app.request(`/persons/${MEMBER}/calendar-feed`, { method, headers: bearer(key) });

/** The content lines of a calendar, unfolded. */
const linesOf = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('a person’s own calendar link', () => {
  it('is made, shown again, renewed: the old link dies, the new one serves their agenda', async () => {
    await expectProblem(await linkOf(api.keys.member, 'GET'), 404, 'introuvable');
    const made = await linkOf(api.keys.member, 'POST');
    expect(made.status).toBe(201);
    expect(made.headers.get('Cache-Control')).toBe('no-store');
    const first = (await made.json()) as Link;
    expect(first.personId).toBe(MEMBER);
    expect(first.path).toMatch(/^\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    const shown = (await (await linkOf(api.keys.member, 'GET')).json()) as Link;
    expect(shown.url).toBe(first.url);
    expect((await api.app.request(first.path)).status).toBe(200);

    const renewed = (await (await linkOf(api.keys.member, 'POST')).json()) as Link;
    expect(renewed.path).not.toBe(first.path);
    await expectProblem(await api.app.request(first.path), 404, 'introuvable');
    const response = await api.app.request(renewed.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    const lines = linesOf(ics);
    // Marchand's milestones and the meetings of the community where he sits…
    for (const uid of ['mil_lr0201', 'mil_lr0202', 'mil_lr0203', 'mtg_lrcom01', 'mtg_lrcom02'])
      expect(lines).toContain(`UID:${uid}@maille`);
    // …not the coordinator's milestone, nor the steering committee where he has no seat.
    expect(ics).not.toContain('mil_lr0101');
    expect(ics).not.toContain('mtg_lrcopil');
    const origin = new URL(renewed.url).origin;
    expect(lines.join('\n')).toContain(`Dans Maille : ${origin}/reunions/mtg_lrcom02`);
    expect(lines.join('\n')).toContain(`Dans Maille : ${origin}/fiches/act_lr0002`);
    expect(ics).not.toMatch(/per_lr/);
  });

  it('is the person’s and the administrator’s only: others can neither read nor renew it', async () => {
    const mine = (await (await linkOf(api.keys.member, 'POST')).json()) as Link;
    for (const key of [api.keys.coordinator, api.keys.observer, api.keys.outsider]) {
      await expectProblem(await linkOf(key, 'GET'), 404, 'introuvable');
      await expectProblem(await linkOf(key, 'POST'), 404, 'introuvable');
    }
    await expectProblem(
      await api.app.request(`/persons/${MEMBER}/calendar-feed`, { method: 'POST' }),
      401,
      'non-authentifie',
    );
    // Their refusals renewed nothing.
    expect((await api.app.request(mine.path)).status).toBe(200);
    const byAdmin = await linkOf(api.keys.admin, 'GET');
    expect(((await byAdmin.json()) as Link).path).toBe(mine.path);
    const bad = await expectProblem(
      await api.app.request('/persons/nimporte/calendar-feed', {
        headers: bearer(api.keys.member),
      }),
      400,
      'validation',
    );
    expect(JSON.stringify(bad)).toContain('personId');
  });
});
