import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { recordUpdate } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, NOW, ORIGIN, openTestWeb } from '../test/harness.ts';
import { SESSION_COOKIE } from './web.ts';

const LR = DEMO_IDS.laRochelle;
const GIRAUD = 'per_lrgiraud';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
});
afterAll(() => world?.drop());

const get = (path: string, cookie?: string) =>
  world.web.request(`${ORIGIN}${path}`, cookie ? { headers: { Cookie: cookie } } : {});
const post = (path: string, headers: Record<string, string> = { Origin: ORIGIN }) =>
  world.web.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: '',
  });

const { signedIn } = formClient(() => world);

describe('signing in by link', () => {
  it('shows a button first, and spends the link only when it is pressed', async () => {
    const link = await world.linkFor(GIRAUD);
    const page = await get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Me connecter');
    const response = await post(link);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[0-9A-Za-z]{43};`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const home = await get('/', cookie.split(';')[0]);
    expect(await home.text()).toContain('Bonjour');
  });

  it('marks the cookie Secure behind a TLS proxy, and closes the browser’s previous session', async () => {
    const before = await signedIn(GIRAUD);
    const response = await post(await world.linkFor(GIRAUD), {
      Origin: ORIGIN,
      'X-Forwarded-Proto': 'https',
      Cookie: before,
    });
    expect(response.headers.get('Set-Cookie')).toContain('Secure');
    expect((await get(`/gouvernances/${LR.governance}`, before)).status).toBe(401);
  });

  it('refuses a used, made-up or truncated link with a French page and a 400', async () => {
    const link = await world.linkFor(GIRAUD);
    expect((await post(link)).status).toBe(303);
    for (const response of [
      await post(link),
      await post(`/connexion/${'A'.repeat(43)}`),
      await get('/connexion/abc'),
    ]) {
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain('Ce lien de connexion n’est plus valable');
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
  });

  it('refuses a form posted from another site, and keeps the link unspent', async () => {
    const link = await world.linkFor(GIRAUD);
    const forged = await post(link, { Origin: 'https://ailleurs.example' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Ce formulaire ne vient pas d’une page de Maille');
    expect((await post(link)).status).toBe(303);
  });

  it('signs out: the cookie is cleared and the session no longer opens a page', async () => {
    const cookie = await signedIn(GIRAUD);
    const out = await world.web.request(`${ORIGIN}/deconnexion`, {
      method: 'POST',
      headers: {
        Origin: ORIGIN,
        Cookie: cookie,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toContain(`${SESSION_COOKIE}=;`);
    const governance = await get(`/gouvernances/${LR.governance}`, cookie);
    expect(governance.status).toBe(401);
  });
});

describe('pages', () => {
  it('tells someone not signed in how to get a link', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    const text = await home.text();
    expect(text).toContain('lien de connexion');
    expect(text).not.toContain('Se déconnecter');
  });

  it('shows a member their governance, and answers 404 for another one', async () => {
    const cookie = await signedIn(GIRAUD);
    const own = await get(`/gouvernances/${LR.governance}`, cookie);
    expect(own.status).toBe(200);
    const text = await own.text();
    expect(text).toContain('Jalons en retard');
    expect(text).toContain('aria-current="page"');
    const other = await get(`/gouvernances/${DEMO_IDS.dronneEtBelle.governance}`, cookie);
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('Page introuvable');
    expect((await get('/gouvernances/%3Cscript%3E', cookie)).status).toBe(404);
  });

  it('escapes what the database holds', async () => {
    await recordUpdate(
      kernelAt(world.test.database, NOW, { personId: LR.coordinator, channel: 'api' }),
      {
        subject: { type: 'governance', id: LR.governance },
        kind: 'information',
        text: '<script>alert("piège")</script> & <b>gras</b>',
      },
    );
    const page = await get(`/gouvernances/${LR.governance}`, await signedIn(LR.coordinator));
    const text = await page.text();
    expect(text).toContain('&lt;script&gt;alert(&quot;piège&quot;)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(text).not.toContain('<script>');
  });

  it('forbids framing and inline scripts, and keeps pages out of caches', async () => {
    const page = await get('/');
    const policy = page.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(page.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
    expect(page.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers an unknown page with a French 404, and asks to sign in first', async () => {
    expect((await get('/gouvernances/')).status).toBe(401);
    const cookie = await signedIn(GIRAUD);
    for (const path of ['/gouvernances/', '/fiches/act_inconnue', '/feuilles-de-route/x']) {
      const page = await get(path, cookie);
      expect(page.status).toBe(404);
      expect(await page.text()).toContain('Page introuvable');
    }
  });

  it('tells what others posted since the previous visit, and nothing on a first one', async () => {
    const cookie = await signedIn(GIRAUD);
    const first = await (await get('/', cookie)).text();
    expect(first).not.toContain('Depuis votre dernière visite');
    // As if Bernard Giraud's previous visit had ended ten days ago.
    const tenDaysAgo = new Date(Date.parse(NOW) - 10 * 86_400_000).toISOString();
    await world.admin.store.transaction((repos) =>
      repos.visits.save({ personId: GIRAUD, startedAt: tenDaysAgo, seenAt: tenDaysAgo }),
    );
    const next = await (await get('/', cookie)).text();
    expect(next).toContain('Depuis votre dernière visite (le 14 novembre 2026)');
    expect(next).toMatch(/\(\d+ points? d’étape\)/);
  });
});
