import { startSmtpPeer } from '@maille/bot/testing';
import { openDatabase } from '@maille/db';
import { kernelAt } from '@maille/db/testing';
import { findSession, signIn } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterEach(() => box.remove());

describe('maille connexion', () => {
  it('prints a link that signs the person in once', async () => {
    const created = await box.run('connexion', '--personne', 'per_lrgiraud');
    expect(created.code, created.err).toBe(0);
    const [first, second] = created.out.trim().split('\n');
    expect(first).toMatch(
      /^Lien de connexion créé pour per_lrgiraud, valable jusqu’au .+, une seule fois :$/,
    );
    const secret = /^http:\/\/localhost:\d+\/connexion\/([0-9A-Za-z]{43})$/.exec(second ?? '')?.[1];
    expect(secret).toBeDefined();
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      expect(await signIn(kernelOver(database), { link: secret })).toMatchObject({
        personId: 'per_lrgiraud',
      });
      expect(await signIn(kernelOver(database), { link: secret })).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it('refuses a missing or unknown person, in French', async () => {
    const missing = await box.run('connexion');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--personne per_…');
    const unknown = await box.run('connexion', '--personne', 'per_inconnue1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Personne introuvable : per_inconnue1.');
    for (const run of [missing, unknown]) expect(noStackTrace(run.err)).toBe(true);
    expect((await box.run('connexion', '--help')).out).toContain('maille connexion --personne');
  });

  it('closes every session of a person with maille deconnexion', async () => {
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      const sessions: (string | undefined)[] = [];
      for (let i = 0; i < 2; i++) {
        const created = await box.run('connexion', '--personne', 'per_lrgiraud');
        const secret = /\/connexion\/([0-9A-Za-z]{43})$/m.exec(created.out)?.[1];
        sessions.push((await signIn(kernelOver(database), { link: secret }))?.session);
      }
      const closed = await box.run('deconnexion', '--personne', 'per_lrgiraud');
      expect(closed.code, closed.err).toBe(0);
      expect(closed.out.trim()).toBe('2 sessions fermées pour per_lrgiraud.');
      for (const session of sessions) {
        expect(await findSession(kernelOver(database), { session })).toBeUndefined();
      }
      expect((await box.run('deconnexion', '--personne', 'per_lrgiraud')).out.trim()).toBe(
        'Aucune session ouverte pour per_lrgiraud.',
      );
      const missing = await box.run('deconnexion');
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('--personne per_…');
    } finally {
      await database.close();
    }
  });
});

describe('maille connexion --courriel', () => {
  const ADDRESS = 'francoise.giraud@mairie-exemple.fr';
  const giveAddress = async () =>
    expect((await box.run('person', 'courriel', 'per_lrgiraud', '--adresse', ADDRESS)).code).toBe(
      0,
    );

  it('sends the link to the person’s address through SMTP, and it signs her in once', async () => {
    await giveAddress();
    const peer = await startSmtpPeer();
    try {
      const sent = await box.runWith(
        {
          env: {
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(peer.port),
            SMTP_STARTTLS: 'non',
            SMTP_FROM: 'Maille <maille@exemple.fr>',
            WEB_URL: 'https://maille.exemple.fr',
          },
        },
        'connexion',
        '--personne',
        'per_lrgiraud',
        '--courriel',
      );
      expect(sent.code, sent.err).toBe(0);
      expect(sent.out).toMatch(
        /^Lien de connexion envoyé à per_lrgiraud par courriel \(francoise\.giraud@mairie-exemple\.fr\), valable jusqu’au 27 novembre 2026 .+, une seule fois\.$/,
      );
      // The link itself is not printed: only the mailbox holds it.
      expect(sent.out).not.toContain('/connexion/');

      expect(peer.received).toHaveLength(1);
      const { mail, recipients, rawHeaders } = peer.received[0] as (typeof peer.received)[number];
      expect(recipients).toEqual([ADDRESS]);
      expect(mail.subject).toBe('[Maille] Votre lien de connexion');
      expect(mail.text).toContain('Bonjour');
      expect(mail.text).toContain('une seule fois');
      // No list sent it: no unsubscribe headers.
      expect(rawHeaders).not.toMatch(/^List-Unsubscribe/im);
      const secret = /^https:\/\/maille\.exemple\.fr\/connexion\/([0-9A-Za-z]{43})$/m.exec(
        mail.text ?? '',
      )?.[1];
      expect(secret).toBeDefined();
      expect(mail.html).toContain(`href="https://maille.exemple.fr/connexion/${secret}"`);

      // Read two days later, as a mail often is, it still signs her in: a mailed link lives three
      // days (a printed one a quarter of an hour).
      const database = openDatabase({ url: box.env.DATABASE_URL });
      const twoDaysLater = kernelAt(database, '2026-11-26T09:00:00.000Z');
      try {
        expect(await signIn(twoDaysLater, { link: secret })).toMatchObject({
          personId: 'per_lrgiraud',
        });
        expect(await signIn(twoDaysLater, { link: secret })).toBeUndefined();
      } finally {
        await database.close();
      }
    } finally {
      await peer.close();
    }
  });

  it('says in French when the SMTP server refuses the mail', async () => {
    await giveAddress();
    const peer = await startSmtpPeer();
    peer.refuse(() => 550);
    try {
      const refused = await box.runWith(
        {
          env: {
            SMTP_HOST: '127.0.0.1',
            SMTP_PORT: String(peer.port),
            SMTP_STARTTLS: 'non',
            SMTP_FROM: 'Maille <maille@exemple.fr>',
          },
        },
        'connexion',
        '--personne',
        'per_lrgiraud',
        '--courriel',
      );
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(
        'Le serveur de courriel n’a pas pris le lien de connexion de per_lrgiraud',
      );
      expect(refused.out).not.toContain('/connexion/');
      expect(peer.received).toHaveLength(0);
      expect(noStackTrace(refused.err)).toBe(true);
    } finally {
      await peer.close();
    }
  });

  it('prints the e-mail in the terminal without SMTP_HOST', async () => {
    await giveAddress();
    const printed = await box.run('connexion', '--personne', 'per_lrgiraud', '--courriel');
    expect(printed.code, printed.err).toBe(0);
    expect(printed.out).toContain('Courriel (sans SMTP_HOST, affiché au lieu d’être envoyé)');
    expect(printed.out).toContain(ADDRESS);
    expect(printed.out).toMatch(/^http:\/\/localhost:\d+\/connexion\/[0-9A-Za-z]{43}$/m);
  });

  it('refuses a person without an address, in French, and issues no link', async () => {
    // Erased, Lucie Diallo has no address any more.
    expect((await box.run('person', 'erase', 'per_lrdiallo', '--oui')).code).toBe(0);
    const refused = await box.run('connexion', '--personne', 'per_lrdiallo', '--courriel');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('per_lrdiallo n’a pas d’adresse de courriel');
    expect(refused.out).not.toContain('/connexion/');
    expect(noStackTrace(refused.err)).toBe(true);
  });
});
