import { DEMO_IDS } from '@maille/demo';
import { createApiKey, updateFundingLine, updateMilestone } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { NOW, openApiForTest, suiteApi } from './harness.ts';
import { bearer, expectProblem, fromAddress, postJson } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const LR_MILESTONE = 'mil_lr0101';

const api = suiteApi();

interface CreatedFeed {
  id: string;
  governanceId: string;
  label: string;
  createdBy?: string;
  path: string;
  url: string;
}

async function createFeed(token: string, body: unknown = { label: 'Agenda du copil' }) {
  return api.app.request(
    `/governances/${LR.governance}/calendar-feeds`,
    postJson(body, bearer(token)),
  );
}

/** The content lines of a calendar, unfolded. */
function linesOf(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('a calendar feed', () => {
  it('is created by a api.keys.coordinator, who gets its secret link once', async () => {
    const response = await createFeed(api.keys.coordinator);
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const feed = (await response.json()) as CreatedFeed;
    expect(feed).toMatchObject({
      governanceId: LR.governance,
      label: 'Agenda du copil',
      createdBy: LR.coordinator,
    });
    expect(feed.path).toMatch(/^\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.url.endsWith(feed.path)).toBe(true);

    const listed = await api.app.request(`/governances/${LR.governance}/calendar-feeds`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    const { items } = JSON.parse(text) as { items: { id: string }[] };
    expect(items.map((i) => i.id)).toContain(feed.id);
    // The list never shows a secret again.
    expect(text).not.toContain(feed.path.slice('/calendars/'.length, -'.ics'.length));
  });

  it('opens without a key, as iCalendar, with the governance’s milestones and meetings', async () => {
    const feed = (await (await createFeed(api.keys.coordinator)).json()) as CreatedFeed;
    const response = await api.app.request(feed.path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    const ics = await response.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const lines = linesOf(ics);
    expect(lines).toContain(`UID:${LR_MILESTONE}@maille`);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBeGreaterThan(1);
    expect(ics).not.toContain('mil_db');
    expect(ics).not.toMatch(/per_lr/);
  });

  it('carries the funding calendar: an application deadline, the decision, each payment, the end of the agreement and the report', async () => {
    // The CPAM's request gets its deadline and dates through the kernel, as the sheet records them.
    await updateFundingLine(api.kernel({ personId: LR.coordinator }), {
      id: 'fun_lr0004',
      patch: { applicationDeadline: '2027-01-15' },
    });
    await updateFundingLine(api.kernel({ personId: LR.coordinator }), {
      id: LR.stateFunding,
      patch: { agreementEndsOn: '2023-06-30', reportDueOn: '2027-02-26' },
    });
    const feed = (await (await createFeed(api.keys.coordinator)).json()) as CreatedFeed;
    const lines = linesOf(await (await api.app.request(feed.path)).text());
    const eventOf = (uid: string) => {
      const at = lines.indexOf(`UID:${uid}@maille`);
      expect(at, uid).toBeGreaterThan(0);
      return lines.slice(at, lines.indexOf('END:VEVENT', at));
    };
    expect(eventOf('fun_lr0004-depot')).toEqual(
      expect.arrayContaining([
        'DTSTART;VALUE=DATE:20270115',
        expect.stringMatching(/^SUMMARY:Date limite de dépôt : CPAM/),
      ]),
    );
    const state = LR.stateFunding;
    for (const [suffix, date, summary] of [
      ['decision', '20210415', /^SUMMARY:Décision du financeur : État/],
      ['versement-1', '20210615', /^SUMMARY:Versement \(200\u202f000\u00a0€\) : État/],
      ['versement-2', '20220615', /^SUMMARY:Versement \(200\u202f000\u00a0€\) : État/],
      ['fin_convention', '20230630', /^SUMMARY:Fin de la convention : État/],
      ['bilan', '20270226', /^SUMMARY:Bilan à rendre : État/],
    ] as const) {
      expect(eventOf(`${state}-${suffix}`)).toEqual(
        expect.arrayContaining([`DTSTART;VALUE=DATE:${date}`, expect.stringMatching(summary)]),
      );
    }
  });

  it('raises an event’s sequence when its milestone changes', async () => {
    const feed = (await (await createFeed(api.keys.coordinator)).json()) as CreatedFeed;
    const sequence = async () => {
      const lines = linesOf(await (await api.app.request(feed.path)).text());
      return lines[lines.indexOf(`UID:${LR_MILESTONE}@maille`) + 1];
    };
    const before = await sequence();
    await updateMilestone(api.kernel({ personId: LR.coordinator }), {
      id: LR_MILESTONE,
      patch: { title: 'Recrutement confirmé' },
    });
    const after = await sequence();
    expect(Number(after?.replace('SEQUENCE:', ''))).toBe(
      Number(before?.replace('SEQUENCE:', '')) + 1,
    );
  });

  it('answers 404 once revoked, and to an unknown or malformed link', async () => {
    const feed = (await (await createFeed(api.keys.coordinator)).json()) as CreatedFeed;
    const revoked = await api.app.request(`/calendar-feeds/${feed.id}`, {
      method: 'DELETE',
      headers: bearer(api.keys.coordinator),
    });
    expect(revoked.status).toBe(204);
    const gone = await expectProblem(await api.app.request(feed.path), 404, 'introuvable');
    expect(gone.detail).toBe('Ce lien de calendrier est inconnu ou a été révoqué.');
    await expectProblem(
      await api.app.request(`/calendars/${'A'.repeat(43)}.ics`),
      404,
      'introuvable',
    );
    await expectProblem(await api.app.request('/calendars/n-importe-quoi'), 404, 'introuvable');
    await expectProblem(
      await api.app.request(`/calendar-feeds/${feed.id}`, {
        method: 'DELETE',
        headers: bearer(api.keys.coordinator),
      }),
      409,
      'conflit',
    );
  });

  it('is still counted by the rate limiter, and refuses a bad key like every route', async () => {
    const limited = await openApiForTest({ rateLimits: { perKey: 100, perAddress: 2 } });
    const token = (
      await createApiKey(limited.kernel({ instanceAdmin: true }), {
        personId: LR.coordinator,
        label: 'Tests',
        instanceAdmin: false,
      })
    ).token;
    const feed = (await (
      await limited.app.request(
        `/governances/${LR.governance}/calendar-feeds`,
        postJson({}, bearer(token)),
      )
    ).json()) as CreatedFeed;
    const from = fromAddress('198.51.100.9');
    expect((await limited.app.request(feed.path, {}, from)).status).toBe(200);
    expect((await limited.app.request(feed.path, {}, from)).status).toBe(200);
    const refused = await limited.app.request(feed.path, {}, from);
    await expectProblem(refused, 429, 'trop-de-requetes');
    expect(
      (await api.app.request(feed.path, { headers: bearer('mai_000000000000.nope') })).status,
    ).toBe(401);
  });

  it('gets a dated label when none is given', async () => {
    const response = await createFeed(api.keys.coordinator, {});
    expect(response.status).toBe(201);
    expect(((await response.json()) as CreatedFeed).label).toBe(`Lien créé le ${NOW.slice(0, 10)}`);
  });
});

describe('managing calendar feeds', () => {
  it('is for the coordination: a api.keys.member or an api.keys.observer is refused, an api.keys.outsider told nothing', async () => {
    await expectProblem(await createFeed(api.keys.member), 403, 'interdit');
    await expectProblem(await createFeed(api.keys.observer), 403, 'interdit');
    await expectProblem(await createFeed(api.keys.outsider), 404, 'introuvable');
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/calendar-feeds`, postJson({})),
      401,
      'non-authentifie',
    );
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/calendar-feeds`, {
        headers: bearer(api.keys.member),
      }),
      403,
      'interdit',
    );
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/calendar-feeds`, {
        headers: bearer(api.keys.outsider),
      }),
      404,
      'introuvable',
    );
  });

  it('hides another governance’s feed from its revocation: 404, naming the feed only', async () => {
    const feed = (await (await createFeed(api.keys.coordinator)).json()) as CreatedFeed;
    const refused = await expectProblem(
      await api.app.request(`/calendar-feeds/${feed.id}`, {
        method: 'DELETE',
        headers: bearer(api.keys.outsider),
      }),
      404,
      'introuvable',
    );
    expect(refused.detail).toBe(`Flux de calendrier introuvable : ${feed.id}.`);
    await expectProblem(
      await api.app.request(`/calendar-feeds/${feed.id}`, {
        method: 'DELETE',
        headers: bearer(api.keys.member),
      }),
      403,
      'interdit',
    );
    // Still working: neither refusal revoked it.
    expect((await api.app.request(feed.path)).status).toBe(200);
  });

  it('points at the faulty field of a bad request', async () => {
    const empty = await expectProblem(
      await createFeed(api.keys.coordinator, { label: '' }),
      400,
      'validation',
    );
    expect(empty.errors?.map((e) => e.path)).toEqual(['/label']);
    const badId = await expectProblem(
      await api.app.request('/calendar-feeds/gov_larochelle', {
        method: 'DELETE',
        headers: bearer(api.keys.coordinator),
      }),
      400,
      'validation',
    );
    expect(badId.errors?.map((e) => e.path)).toEqual(['/feedId']);
    await expectProblem(
      await api.app.request('/calendar-feeds/cal_ZZZZZZZZZZZZ', {
        method: 'DELETE',
        headers: bearer(api.keys.coordinator),
      }),
      404,
      'introuvable',
    );
    await expectProblem(
      await api.app.request(`/governances/${LR.governance}/calendar-feeds`, {
        method: 'POST',
        headers: { ...bearer(api.keys.coordinator), 'Content-Type': 'application/json' },
        body: '{"label":',
      }),
      400,
      'json-mal-forme',
    );
    await expectProblem(
      await api.app.request(
        '/governances/gov_inconnue1/calendar-feeds',
        postJson({}, bearer(api.keys.coordinator)),
      ),
      404,
      'introuvable',
    );
  });
});
