import { createStore } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase, testDialect } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import {
  createMilestone,
  createPerson,
  getActionSheet,
  issueSignInLink,
} from '@maille/domain/use-cases';
import { createWeb } from '@maille/web';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../src/dispatcher/dispatcher.ts';
import { renderSignInMail } from '../src/mail/sign-in-mail.ts';
import { LA_ROCHELLE } from './dispatcher-world.ts';
import { RecordingSender } from './recording-sender.ts';
import { type SmtpPeer, startSmtpPeer } from './smtp-peer.ts';

/*
 * The « Done when » of e-mail delivery, in one journey over one database: a coordinator enters a
 * person who is not on the chat, with an address; the dispatcher sends them a milestone reminder
 * through a real SMTP server; they sign in by a link sent by e-mail too, follow the reminder's
 * link to the web workspace and publish an update with the form of their milestone; the
 * coordinator sees it on the action's sheet.
 */

// Monday 23 November 2026, 13:00 in Paris: a milestone due Thursday is at J-3.
const NOW = '2026-11-23T12:00:00.000Z';
const COORDINATOR = 'per_lrmoreau';
const ACTION = 'act_lr0002';
const ADDRESS = 'claire.fontaine@mairie-exemple.fr';
const FROM = 'Maille <maille@exemple.fr>';
const WEB = 'http://maille.test';
const dialect = testDialect();

describe(`a person without the chat answers a reminder by e-mail (${dialect})`, () => {
  let test: TestDatabase;
  let peer: SmtpPeer;
  const closing: { close(): Promise<void> }[] = [];

  beforeEach(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    peer = await startSmtpPeer();
  });
  afterEach(async () => {
    for (const open of closing.splice(0)) await open.close();
    await peer.close();
    await test.drop();
  });

  it('receives the reminder, answers through the link in the mail, and the coordinator sees it', async () => {
    // The coordinator enters Claire Fontaine, an elected member who will never join Discord.
    const coordinator = kernelAt(test.database, NOW, { personId: COORDINATOR, channel: 'web' });
    const claire = await createPerson(coordinator, {
      displayName: 'Claire Fontaine',
      email: ADDRESS,
    });
    expect(claire.chatAccounts).toEqual([]);
    const milestone = await createMilestone(coordinator, {
      roadmapId: 'rdm_larochelle',
      actionId: ACTION,
      title: 'Convention signée avec la médiathèque',
      dueDate: '2026-11-26',
      ownerId: claire.id,
    });

    // The dispatcher plans and sends, through a real SMTP server.
    const mail = peer.mailSender(FROM);
    closing.push(mail);
    const store = createStore(test.database);
    const chat = new RecordingSender();
    const dispatcher = createDispatcher({
      store,
      sender: chat,
      mail,
      mailLinks: { webUrl: WEB, from: FROM },
      clock: () => NOW,
      claimant: 'bot-mail',
      settings: { planning: true },
      log: () => undefined,
    });
    await dispatcher.runOnce();

    // She has no chat account: e-mail is her default, and the only way she is reached.
    const hers = (
      await store.transaction((repos) => repos.deliveries.listByGovernance(LA_ROCHELLE))
    ).filter((d) => d.recipient.type === 'person' && d.recipient.personId === claire.id);
    expect(hers.length).toBeGreaterThan(0);
    for (const delivery of hers) expect(delivery.recipient).toMatchObject({ medium: 'email' });
    expect(hers.filter((d) => d.dueAt <= NOW).map((d) => [d.kind, d.status])).toEqual([
      ['milestone_reminder', 'sent'],
    ]);
    expect(chat.failures).toEqual([]);
    const mine = peer.received.filter((r) => r.recipients.includes(ADDRESS));
    expect(mine).toHaveLength(1);
    const received = (mine[0] as (typeof mine)[number]).mail;
    expect(received.subject).toContain('Convention signée avec la médiathèque');
    expect(received.text).toContain('Bonjour Claire Fontaine,');
    expect(received.text).toContain('26 novembre 2026');

    // The link of the mail, as her mail program shows it: the milestone on its action's sheet.
    const link = /https?:\/\/\S+\/fiches\/\S+/.exec(received.text ?? '')?.[0] ?? '';
    expect(link).toBe(`${WEB}/fiches/${ACTION}#jalon-${milestone.id}`);
    expect(received.html).toContain(`href="${link}"`);

    const web = createWeb({ store, clock: () => NOW, ids: coordinator.ids });
    const get = (url: string, cookie?: string) =>
      web.request(url, cookie ? { headers: { Cookie: cookie } } : {});
    const post = (url: string, cookie: string | undefined, form: Record<string, string>) =>
      web.request(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: WEB,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: new URLSearchParams(form).toString(),
      });
    const openLink = async (url: string) => {
      const opened = await post(url, undefined, {});
      expect(opened.status).toBe(303);
      return (opened.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    };
    const signIn = async (personId: string) => {
      const { secret } = await issueSignInLink(kernelAt(test.database, NOW), { personId });
      return openLink(`${WEB}/connexion/${secret}`);
    };

    // Signed out, the link asks her to sign in first.
    expect((await get(link)).status).toBe(401);

    // Her coordination sends her a sign-in link by e-mail (what `maille connexion --courriel`
    // does), through the same SMTP server; she opens it from her mailbox.
    const issued = await issueSignInLink(kernelAt(test.database, NOW), {
      personId: claire.id,
      byEmail: true,
    });
    await mail.send(
      renderSignInMail({
        to: { address: ADDRESS, name: claire.displayName },
        url: `${WEB}/connexion/${issued.secret}`,
        expiresAt: issued.expiresAt,
        from: FROM,
      }),
    );
    const signInMail = peer.received.find(
      (r) => r.mail.subject === '[Maille] Votre lien de connexion',
    );
    expect(signInMail?.recipients).toEqual([ADDRESS]);
    const signInLink = /https?:\/\/\S+\/connexion\/\S+/.exec(signInMail?.mail.text ?? '')?.[0];
    expect(signInLink).toBeDefined();

    // Signed in, the link of the reminder shows her milestone with a form to answer on it.
    const cookie = await openLink(signInLink as string);
    const sheet = await get(link, cookie);
    expect(sheet.status).toBe(200);
    const page = await sheet.text();
    expect(page).toContain(`id="jalon-${milestone.id}"`);
    expect(page).toContain(`action="/jalons/${milestone.id}/points"`);

    // An empty answer is refused in French, nothing written.
    const empty = await post(`${WEB}/jalons/${milestone.id}/points`, cookie, {
      [`point-${milestone.id}-kind`]: 'avancement',
      [`point-${milestone.id}-text`]: '',
    });
    expect(empty.status).toBe(400);
    // The sheet again, her milestone's form unfolded with the kernel's French error.
    const refused = await empty.text();
    expect(refused).toContain('<details open><summary>Publier un point d’étape sur ce jalon');
    expect(refused).toMatch(/aria-invalid="true"/);

    // She answers with the milestone's form.
    const answer = 'Convention relue par le service juridique, signature prévue jeudi.';
    const published = await post(`${WEB}/jalons/${milestone.id}/points`, cookie, {
      [`point-${milestone.id}-kind`]: 'avancement',
      [`point-${milestone.id}-text`]: answer,
    });
    expect(published.status).toBe(303);
    expect(published.headers.get('Location')).toBe(`/fiches/${ACTION}#jalon-${milestone.id}`);

    // The coordinator sees her update, by her name, on the action's sheet.
    const seen = await getActionSheet(coordinator, { actionId: ACTION });
    const answered = seen.updates.filter((u) => u.update.text === answer);
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({
      author: { id: claire.id, name: 'Claire Fontaine' },
      milestoneTitle: 'Convention signée avec la médiathèque',
      update: { kind: 'avancement', subject: { type: 'milestone', id: milestone.id } },
    });
    expect(seen.governance.id).toBe(LA_ROCHELLE);
    const coordinatorPage = await (
      await get(`${WEB}/fiches/${ACTION}`, await signIn(COORDINATOR))
    ).text();
    expect(coordinatorPage).toContain(answer);
    expect(coordinatorPage).toContain('Claire Fontaine');
  });
});
