import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import {
  getGovernance,
  getMilestone,
  getPerson,
  issueChatLinkCode,
  listMeasurements,
  listUpdates,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser, Reply } from '../src/conversation/chat.ts';
import { converse } from '../src/conversation/converse.ts';
import { encodeButtonId } from '../src/interactions/button-ids.ts';
import {
  discordUser,
  NOW,
  openTestBot,
  storeSentReminder,
  type TestBot,
  textOf,
} from './harness.ts';

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
const MARCHAND = 'per_lrmarchand';
/** Moreau's late milestone (due four working days before NOW), and one due in December. */
const LATE = 'mil_lr0901';
const DECEMBER = 'mil_lr0101';
const GUILD = '300000000000000001';
const CHANNEL = '300000000000000002';

let bot: TestBot;
const moreau = discordUser('100000000000000001', 'claire');
const marchand = discordUser('100000000000000002', 'hugo');
const stranger = discordUser('100000000000000009', 'inconnu');

beforeAll(async () => {
  bot = await openTestBot();
  await linkAs(moreau, MOREAU);
  await linkAs(marchand, MARCHAND);
});
afterAll(async () => {
  await bot?.drop();
});

/** A reminder as the dispatcher stores it once sent: the buttons under it name it. */
async function remind(
  deliveryId: string,
  subject: { type: 'milestone' | 'action'; id: string },
  personId: string,
): Promise<void> {
  await storeSentReminder(bot.ctx.store, {
    id: deliveryId,
    governanceId: LR.governance,
    personId,
    subject,
  });
}

async function linkAs(user: ChatUser, personId: string): Promise<string> {
  const { code } = await issueChatLinkCode(kernelAt(bot.database, NOW), { personId });
  return textOf(await bot.command(user, 'lier', { code }));
}

function expectPrivate(reply: Reply): string {
  expect(reply).toMatchObject({ type: 'message', private: true });
  return textOf(reply);
}

describe('linking an account', () => {
  it('tells an unknown user how to link, and still helps them', async () => {
    expect(expectPrivate(await bot.command(stranger, 'jalons'))).toBe(
      'Je ne vous connais pas encore. Demandez un code de liaison à la coordination de votre gouvernance, puis tapez `/lier CODE` ici.',
    );
    expect(expectPrivate(await bot.command(stranger, 'aide'))).toContain('`/point` — ');
    const choices = await bot.send({
      type: 'autocomplete',
      user: stranger,
      place: {},
      command: 'point',
      option: 'sujet',
      query: '',
    });
    expect(choices).toEqual({ type: 'choices', choices: [] });
  });

  it('links with a code typed by hand, once, and unlinks', async () => {
    const user = discordUser('100000000000000003');
    const { code } = await issueChatLinkCode(kernelAt(bot.database, NOW), {
      personId: 'per_lrgiraud',
    });
    const typed = code.toLowerCase().replace('-', '');
    expect(expectPrivate(await bot.command(user, 'lier', { code: typed }))).toMatch(
      /^Bienvenue .+ ! Votre compte est lié/,
    );
    const giraud = await getPerson(bot.kernel('per_lrgiraud'), { personId: 'per_lrgiraud' });
    expect(giraud).toMatchObject({
      chatAccounts: [{ platform: 'discord', userId: user.userId, linkedAt: NOW }],
    });
    expect(textOf(await bot.command(user, 'lier', { code }))).toMatch(
      /^Votre compte est déjà lié à .+\. Tapez `\/delier` d’abord/,
    );
    // The code is spent: nobody else may use it.
    expect(textOf(await bot.command(stranger, 'lier', { code }))).toBe(
      'Ce code est inconnu, expiré ou déjà utilisé. Demandez-en un nouveau à la coordination (il vaut 24 heures, une fois).',
    );
    expect(textOf(await bot.command(user, 'delier'))).toBe(
      'Votre compte est délié : je ne vous enverrai plus de rappels ici.',
    );
    expect(textOf(await bot.command(user, 'jalons'))).toMatch(/^Je ne vous connais pas encore/);
  });

  it('refuses a malformed code and a missing one without a trace of code', async () => {
    expect(textOf(await bot.command(stranger, 'lier', { code: "'; drop table pers" }))).toMatch(
      /^Ce code est inconnu/,
    );
    // Longer than any code: refused as such, never cut to fit.
    expect(textOf(await bot.command(stranger, 'lier', { code: "'; drop table persons" }))).toMatch(
      /^« code » est trop long : 21 caractères pour 20 au plus\./,
    );
    expect(textOf(await bot.command(stranger, 'lier', {}))).toBe(
      'Il manque « code ».\nPar exemple : `/lier code:ABCD-EFGH`',
    );
  });
});

describe('my milestones', () => {
  it('lists my late and coming milestones, privately, with dates as timestamps', async () => {
    const text = expectPrivate(await bot.command(moreau, 'jalons'));
    expect(text).toContain('**Vos jalons**');
    // The demo's governance is named as such.
    expect(text).toMatch(/__[^_]+La Rochelle__ \(démonstration\)/);
    expect(text).toMatch(
      /• \*\*Charte de la communauté des acteurs adoptée\*\* \(Structurer et animer la communauté des acteurs\) — 🔴 en retard de \d+ jours \(prévu le <t:\d+:D>\)/,
    );
    expect(text.length).toBeLessThanOrEqual(2000);
  });

  it('suggests my actions and milestones as I type, ignoring accents', async () => {
    const reply = await bot.send({
      type: 'autocomplete',
      user: moreau,
      place: {},
      command: 'point',
      option: 'sujet',
      query: 'communaute',
    });
    expect(reply.type === 'choices' && reply.choices.map((c) => c.value)).toEqual([
      LATE,
      'mil_lr0902',
      'act_lr0009',
    ]);
  });
});

describe('a check-in', () => {
  it('opens a form, records an update from Discord, and offers to share it', async () => {
    const form = await bot.command(moreau, 'point', { sujet: 'act_lr0009' });
    if (form.type !== 'form')
      throw new Error(`Un formulaire était attendu : ${JSON.stringify(form)}`);
    expect(form.form.fields.map((f) => [f.id, f.required])).toEqual([
      ['texte', true],
      ['statut', false],
      ['avancement', false],
    ]);
    expect(form.form.title).toBe('Point d’étape · Structurer et animer la comm…');
    for (const field of form.form.fields) expect(field.label.length).toBeLessThanOrEqual(45);
    const done = await bot.send({
      type: 'form',
      user: moreau,
      place: {},
      customId: form.form.customId,
      fields: { texte: 'Charte relue par le bureau.', statut: 'en cours', avancement: '60 %' },
    });
    expect(expectPrivate(done)).toBe(
      '📝 Point d’étape enregistré sur « Structurer et animer la communauté des acteurs ». Merci !',
    );
    const updates = await listUpdates(bot.kernel(MOREAU), {
      subject: { type: 'action', id: 'act_lr0009' },
      limit: 100,
    });
    const update = updates.items.find((u) => u.text === 'Charte relue par le bureau.');
    expect(update).toMatchObject({ channel: 'discord', authorId: MOREAU, progress: 60 });

    const share = done.type === 'message' ? done.message.buttons?.[0]?.[0] : undefined;
    expect(share?.label).toBe('Partager dans le salon');
    expect(share?.customId).toBe(`v1:partage:${update?.id}:-`);
    const shared = await bot.send({
      type: 'button',
      user: moreau,
      place: {},
      customId: share?.customId ?? '',
    });
    // Posted in the governance's community channel, wherever the author wrote it (here a DM).
    const { chat } = await getGovernance(bot.kernel(MOREAU), { governanceId: LR.governance });
    expect(shared).toEqual({
      type: 'post',
      channelId: chat?.channelId,
      message: {
        text: '📣 **Claire Moreau** donne un point d’étape sur « Structurer et animer la communauté des acteurs » :\n> Charte relue par le bureau.',
      },
      confirmation: { text: '📣 Partagé dans le salon de la communauté.' },
    });
    const byAnother = await bot.send({
      type: 'button',
      user: marchand,
      place: {},
      customId: share?.customId ?? '',
    });
    expect(textOf(byAnother)).toBe('Seul·e l’auteur·rice d’un point d’étape peut le partager.');
  });

  it('explains a bad form in French and writes nothing', async () => {
    const customId = encodeButtonId({ verb: 'point', subjectId: DECEMBER });
    const submit = (fields: Record<string, string>) =>
      bot.send({ type: 'form', user: moreau, place: {}, customId, fields });
    expect(textOf(await submit({ texte: '   ' }))).toBe('Écrivez quelques mots sur l’avancement.');
    // A valid text is given back with the refusal: a form refused on Discord is gone.
    const kept = '\nRien n’est enregistré. Votre texte, pour le recopier dans `/point` :\n> Ok';
    expect(textOf(await submit({ texte: 'Ok', avancement: '150' }))).toBe(
      `« 150 » n’est pas un avancement : un nombre entier de 0 à 100 est attendu.${kept}`,
    );
    expect(textOf(await submit({ texte: 'Ok', statut: 'en cours' }))).toBe(
      `« en cours » n’est pas un statut possible ici. Possibles : atteint, annulé.${kept}`,
    );
    expect(textOf(await submit({ texte: 'x'.repeat(4001) }))).toBe(
      'Le texte est trop long : 4000 caractères au plus.',
    );
    const updates = await listUpdates(bot.kernel(MOREAU), {
      subject: { type: 'milestone', id: DECEMBER },
      limit: 100,
    });
    expect(updates.items).toEqual([]);
  });
});

describe('milestones from the chat', () => {
  it('reschedules by title with a reason, refusing a date it cannot read', async () => {
    expect(
      textOf(
        await bot.command(moreau, 'reporter', {
          jalon: 'mil_lr0902',
          date: 'demain',
          raison: 'Salle prise',
        }),
      ),
    ).toBe(
      '« demain » n’est pas une date que je comprends : écrivez-la 2026-12-01 ou 01/12/2026.\nPar exemple : `/reporter jalon:"Bilan annuel" date:05/02/2027 raison:Salle prise`',
    );
    const reply = await bot.command(moreau, 'reporter', {
      jalon: 'Rencontre trimestrielle',
      date: '05/02/2027',
      raison: 'Salle prise',
    });
    expect(textOf(reply)).toMatch(
      /^📅 « Rencontre trimestrielle de la communauté » est reporté au <t:\d+:D>\.$/,
    );
    const milestone = await getMilestone(bot.kernel(MOREAU), { milestoneId: 'mil_lr0902' });
    expect(milestone).toMatchObject({ status: 'reporte', dueDate: '2027-02-05' });
    expect(milestone.reschedules.at(-1)).toMatchObject({ reason: 'Salle prise', byId: MOREAU });
  });

  it('refuses a milestone that is not mine, by name', async () => {
    expect(textOf(await bot.command(marchand, 'fait', { jalon: 'Charte de la communauté' }))).toBe(
      'Je ne trouve pas « Charte de la communauté » parmi vos jalons. Choisissez dans la liste proposée, ou tapez `/jalons`.',
    );
  });
});

describe('reminder buttons', () => {
  it('record one answer per delivery: a double click answers « Déjà noté »', async () => {
    await remind('dlv_test000001', { type: 'milestone', id: LATE }, MOREAU);
    const customId = encodeButtonId({
      verb: 'fait',
      subjectId: LATE,
      deliveryId: 'dlv_test000001',
    });
    const press = () => bot.send({ type: 'button', user: moreau, place: {}, customId });
    const [first, second] = await Promise.all([press(), press()]);
    const texts = [first, second].map((r) => textOf(r as Reply)).sort();
    expect(texts).toEqual([
      'Déjà noté : ce rappel a déjà reçu une réponse. Merci !',
      '✅ « Charte de la communauté des acteurs adoptée » est atteint. Bravo !',
    ]);
    expect([first?.type, second?.type].sort()).toEqual(['message', 'update']);
    expect(await getMilestone(bot.kernel(MOREAU), { milestoneId: LATE })).toMatchObject({
      status: 'atteint',
      completedOn: '2026-11-24',
    });
    // Without a delivery, the kernel itself refuses to complete it twice.
    expect(textOf(await bot.command(moreau, 'fait', { jalon: LATE }))).toMatch(
      /^Je ne trouve pas|⚠️ Ce jalon est déjà atteint\./,
    );
  });

  it('postpone a week and note « rien de neuf », each once', async () => {
    await remind('dlv_test000002', { type: 'milestone', id: DECEMBER }, MOREAU);
    await remind('dlv_test000003', { type: 'action', id: 'act_lr0001' }, MOREAU);
    const postpone = encodeButtonId({
      verb: 'report',
      subjectId: DECEMBER,
      deliveryId: 'dlv_test000002',
    });
    const before = await getMilestone(bot.kernel(MOREAU), { milestoneId: DECEMBER });
    const reply = await bot.send({ type: 'button', user: moreau, place: {}, customId: postpone });
    expect(reply.type).toBe('update');
    const after = await getMilestone(bot.kernel(MOREAU), { milestoneId: DECEMBER });
    expect(Date.parse(after.dueDate) - Date.parse(before.dueDate)).toBe(7 * 86_400_000);
    expect(
      textOf(await bot.send({ type: 'button', user: moreau, place: {}, customId: postpone })),
    ).toBe('Déjà noté : ce rappel a déjà reçu une réponse. Merci !');
    const nothing = encodeButtonId({
      verb: 'rien',
      subjectId: 'act_lr0001',
      deliveryId: 'dlv_test000003',
    });
    expect(
      textOf(await bot.send({ type: 'button', user: moreau, place: {}, customId: nothing })),
    ).toBe(
      '👍 Noté : rien de neuf sur « Pérenniser et animer le réseau des huit conseillers numériques ».',
    );
  });

  it('let a refused answer be given again, and open the check-in form', async () => {
    // Marchand may not complete Moreau's milestone: the answer is not kept.
    await remind('dlv_test000004', { type: 'milestone', id: 'mil_lr0001' }, MARCHAND);
    const customId = encodeButtonId({
      verb: 'fait',
      subjectId: 'mil_lr0001',
      deliveryId: 'dlv_test000004',
    });
    expect(textOf(await bot.send({ type: 'button', user: marchand, place: {}, customId }))).toMatch(
      /^⚠️ /,
    );
    const form = await bot.send({
      type: 'button',
      user: moreau,
      place: {},
      customId: encodeButtonId({
        verb: 'point',
        subjectId: 'mil_lr0001',
        deliveryId: 'dlv_test000004',
      }),
    });
    expect(form).toMatchObject({
      type: 'form',
      form: { customId: 'v1:point:mil_lr0001:dlv_test000004' },
    });
  });

  it('refuse a button of another version, or not ours, politely', async () => {
    const press = (customId: string) =>
      bot.send({ type: 'button', user: moreau, place: {}, customId });
    expect(textOf(await press('v2:fait:mil_lr0101:dlv_x'))).toBe(
      'Ce bouton vient d’une ancienne version du bot et ne fonctionne plus. Utilisez les commandes (`/jalons`, `/point`) à la place.',
    );
    for (const id of [
      'n’importe quoi',
      'v1:effacer:mil_lr0101:-',
      'v1:fait:mil_lr0101',
      'x'.repeat(500),
    ])
      expect(textOf(await press(id))).toBe(
        'Je ne reconnais pas ce bouton. Utilisez les commandes (`/jalons`, `/point`).',
      );
  });
});

describe('other commands', () => {
  it('records an indicator value for the current period, as the kernel checks it', async () => {
    const record = (valeur: string) =>
      bot.command(marchand, 'indicateur', { indicateur: 'accompagnement', valeur });
    expect(textOf(await record('87,5'))).toBe(
      '⚠️ Un nombre de personnes ou d’actions est un entier positif.',
    );
    expect(textOf(await record('beaucoup'))).toBe(
      '« beaucoup » n’est pas un nombre.\nPar exemple : `/indicateur indicateur:participants valeur:12`',
    );
    expect(textOf(await record('88'))).toBe(
      '📊 88 enregistré pour « Actions d’accompagnement ou de formation au numérique » (4e trimestre 2026), en provisoire : la coordination le validera.',
    );
    const values = await listMeasurements(bot.kernel(MARCHAND), {
      indicatorId: 'ind_lractions',
      limit: 100,
    });
    const mine = values.items.filter((m) => m.authorId === MARCHAND);
    expect(mine.map((m) => [m.value, m.period, m.status])).toEqual([[88, '2026-T4', 'provisoire']]);
  });

  it('pauses and resumes my reminders', async () => {
    expect(textOf(await bot.command(marchand, 'absence', { date: '2026-12-15' }))).toMatch(
      /^🌴 Vos rappels sont suspendus jusqu’au <t:\d+:D>\./,
    );
    expect(await getPerson(bot.kernel(MARCHAND), { personId: MARCHAND })).toMatchObject({
      reminders: { pausedUntil: '2026-12-15' },
    });
    expect(textOf(await bot.command(marchand, 'absence', { date: '2026-11-01' }))).toBe(
      '⚠️ La date de retour doit être après aujourd’hui.',
    );
    expect(textOf(await bot.command(marchand, 'absence', { date: 'Fin' }))).toBe(
      'Vos rappels reprennent. Bon retour !',
    );
  });

  it('binds the community channel, for a coordinator in a server channel only', async () => {
    const place = { guildId: GUILD, channelId: CHANNEL };
    expect(textOf(await bot.command(moreau, 'configurer'))).toBe(
      'Tapez `/configurer` dans le salon de la communauté, sur le serveur.',
    );
    expect(textOf(await bot.command(marchand, 'configurer', {}, place))).toBe(
      'Seule la coordination d’une gouvernance peut choisir son salon.',
    );
    expect(textOf(await bot.command(moreau, 'configurer', {}, place))).toMatch(
      /^✅ Ce salon est désormais celui de la communauté de « .+La Rochelle » /,
    );
    const governance = await getGovernance(bot.kernel(MOREAU), { governanceId: LR.governance });
    expect(governance.chat).toMatchObject({ guildId: GUILD, channelId: CHANNEL, boundAt: NOW });
  });

  it('gives the roadmap health in short', async () => {
    const text = textOf(await bot.command(marchand, 'feuille'));
    expect(text).toMatch(
      /^\*\*Santé des feuilles de route\*\*\n\*\*Feuille de route .+\*\* — avancement \d+ %/,
    );
    // The indicators Maille counts itself are filled from the data (the demo's actors, members).
    expect(text).toMatch(/\*\*Indicateurs calculés — .+\*\*\n {2}.+ : \d/);
  });

  it('answers an unknown command, and hides an unexpected error behind a polite message', async () => {
    expect(textOf(await bot.command(moreau, 'effacer'))).toBe(
      'Je ne connais pas la commande « /effacer ». Tapez `/aide` pour voir ce que je sais faire.',
    );
    const seen: unknown[] = [];
    const broken = {
      ...bot.ctx,
      store: {
        transaction: async () => {
          throw new Error('disque plein');
        },
      },
      onError: (error: unknown) => seen.push(error),
    };
    const reply = await converse(broken, {
      type: 'command',
      user: moreau,
      place: {},
      name: 'jalons',
      options: {},
    });
    expect(textOf(reply)).toBe(
      'Désolé, quelque chose s’est mal passé de mon côté. Réessayez dans un instant ; si cela persiste, prévenez la coordination.',
    );
    expect(seen).toHaveLength(1);
  });
});

describe('/agenda', () => {
  it('gives the person’s own calendar link, renews it, and refuses another option value', async () => {
    const user = discordUser('100000000000000043', 'roux');
    expect(await linkAs(user, 'per_lrroux')).toMatch(/lié/i);
    const link = /http:\/\/maille\.test\/calendars\/[A-Za-z0-9_-]{43}\.ics/;
    const first = link.exec(expectPrivate(await bot.command(user, 'agenda')))?.[0];
    expect(first).toBeDefined();
    expect(link.exec(expectPrivate(await bot.command(user, 'agenda')))?.[0]).toBe(first);
    const renewed = expectPrivate(await bot.command(user, 'agenda', { renouveler: 'oui' }));
    expect(renewed).toContain('L’ancien ne fonctionne plus');
    expect(link.exec(renewed)?.[0]).not.toBe(first);
    const refused = expectPrivate(await bot.command(user, 'agenda', { renouveler: 'non' }));
    expect(refused).toContain('/agenda renouveler:oui');
    expect(refused).not.toMatch(link);
    // A longer wrong answer gets the same explanation, not « too long ».
    const unsure = expectPrivate(await bot.command(user, 'agenda', { renouveler: 'peut-etre' }));
    expect(unsure).toContain('/agenda renouveler:oui');
  });

  it('asked to renew a link they never had, gives the first without « the old one »', async () => {
    const user = discordUser('100000000000000044', 'gautier');
    expect(await linkAs(user, 'per_lrgautier')).toMatch(/lié/i);
    const first = expectPrivate(await bot.command(user, 'agenda', { renouveler: 'oui' }));
    expect(first).toMatch(/http:\/\/maille\.test\/calendars\/[A-Za-z0-9_-]{43}\.ics/);
    expect(first).not.toContain('L’ancien ne fonctionne plus');
  });
});

describe('/connexion', () => {
  it('gives a link to the web workspace, or says its address is not set', async () => {
    const user = discordUser('100000000000000042', 'perrin');
    expect(await linkAs(user, 'per_lrperrin')).toMatch(/lié/i);
    expect(expectPrivate(await bot.command(user, 'connexion'))).toMatch(
      /http:\/\/maille\.test\/connexion\/[0-9A-Za-z]{43}/,
    );
    // On Discord without WEB_URL: no localhost link that nobody elsewhere could open.
    const webUrl = bot.ctx.webUrl;
    bot.ctx.webUrl = undefined;
    try {
      const refused = expectPrivate(await bot.command(user, 'connexion'));
      expect(refused).toContain('WEB_URL');
      expect(refused).not.toContain('/connexion/');
    } finally {
      bot.ctx.webUrl = webUrl;
    }
  });
});
