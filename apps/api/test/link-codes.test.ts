import { DEMO_IDS } from '@maille/demo';
import { redeemChatLinkCode } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';
import { bearer, expectProblem, faultyFields, postJson } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;
const LR_MEMBER = 'per_lrmarchand';
const LR_ELECTED = 'per_lrgiraud';

let api: TestApi;
let coordinator: string;
let member: string;
let outsider: string;

beforeAll(async () => {
  api = await openTestApi();
  coordinator = await api.keyFor(LR.coordinator);
  member = await api.keyFor(LR_MEMBER);
  outsider = await api.keyFor(DB.coordinator);
});

afterAll(async () => {
  await api?.drop();
});

const issue = (personId: string, token: string) =>
  api.app.request(`/persons/${personId}/link-codes`, postJson({}, bearer(token)));

describe('POST /persons/{personId}/link-codes', () => {
  it('gives a coordinator a one-time code for a person of their governance, once', async () => {
    const response = await issue(LR_ELECTED, coordinator);
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const body = (await response.json()) as Record<string, string>;
    expect(body).toEqual({
      code: expect.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
      personId: LR_ELECTED,
      expiresAt: '2026-11-25T09:00:00.000Z',
      instructions: `Dans le salon Discord, tapez : /lier ${body.code}`,
    });
    expect(await redeemChatLinkCode(api.kernel({}), { code: body.code })).toEqual({
      personId: LR_ELECTED,
    });
  });

  it('gives a person a code for themselves', async () => {
    expect((await issue(LR_MEMBER, member)).status).toBe(201);
  });

  it('refuses a fellow member, hides the person from another governance, checks the id', async () => {
    await expectProblem(await issue(LR_ELECTED, member), 403, 'interdit');
    await expectProblem(await issue(LR_ELECTED, outsider), 404, 'introuvable');
    await expectProblem(await issue('per_nobody', coordinator), 404, 'introuvable');
    const invalid = await issue('gov_larochelle', coordinator);
    expect(await faultyFields(invalid)).toEqual(['/personId']);
    await expectProblem(
      await api.app.request(`/persons/${LR_ELECTED}/link-codes`, postJson({}, bearer('nope'))),
      401,
      'non-authentifie',
    );
  });
});
