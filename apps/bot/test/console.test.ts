import { PassThrough } from 'node:stream';
import { issueChatLinkCode } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { getMilestone, listUpdates } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../src/adapters/console/console-chat.ts';
import { renderTimestamps } from '../src/adapters/console/timestamps.ts';
import { parseTypedCommand } from '../src/adapters/console/typed-command.ts';
import type { ChatPlace } from '../src/conversation/chat.ts';
import { NOW, openTestBot, type TestBot } from './harness.ts';

const MOREAU = DEMO_IDS.laRochelle.coordinator;

let bot: TestBot;
beforeAll(async () => {
  bot = await openTestBot();
});
afterAll(async () => {
  await bot?.drop();
});

/** Types `lines` into a console chat and returns everything it printed. */
async function chat(
  lines: string[],
  options: { personId?: string; place?: ChatPlace } = { personId: MOREAU },
): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const done = runConsoleChat({ ctx: bot.ctx, input, output, ...options });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('the console chat', () => {
  it('ends by itself when its input is already over, and when the program stops it', async () => {
    const sink = new PassThrough().resume();
    // An input over before the chat starts listening (a short pipe): the chat still ends.
    const empty = new PassThrough();
    empty.end();
    await runConsoleChat({ ctx: bot.ctx, input: empty, output: sink, personId: MOREAU });

    // An input that stays open (a terminal): stopping the program ends the chat.
    const stopping = new AbortController();
    const open = new PassThrough();
    const done = runConsoleChat({
      ctx: bot.ctx,
      input: open,
      output: sink,
      personId: MOREAU,
      signal: stopping.signal,
    });
    stopping.abort();
    await done;
    expect(open.readableEnded).toBe(false);
  });

  it('greets the demo person, lists milestones with dates in the governance’s zone', async () => {
    const out = await chat(['/jalons', '/quitter', '/aide']);
    expect(out).toContain('Vous parlez en tant que Claire Moreau (per_lrmoreau).');
    expect(out).toMatch(
      /🔒 \*\*Vos jalons\*\*[\s\S]*Charte de la communauté des acteurs adoptée.*en retard de \d+ jours \(prévu le \d{1,2} novembre 2026\)/,
    );
    expect(out).not.toContain('<t:');
    // Nothing after /quitter is read.
    expect(out).not.toContain('Ce que je sais faire');
    expect(out.trim().endsWith('À bientôt !')).toBe(true);
  });

  it('offers numbered suggestions, a form field by field, then a button to share', async () => {
    const out = await chat(['/point', '99', '1', 'Charte envoyée aux partenaires.', '', '40', '1']);
    expect(out).toContain('L’action ou le jalon (tapez pour chercher) — tapez un numéro :');
    expect(out).toMatch(
      /\[1\] Jalon · Charte de la communauté des acteurs adoptée \(\d\d\/11\/2026\)/,
    );
    expect(out).toMatch(/Tapez un numéro entre 1 et \d+\./);
    expect(out).toContain('Où en êtes-vous ? :');
    expect(out).toContain('Nouveau statut (facultatif) [Entrée pour passer] :');
    expect(out).toContain(
      '🔒 📝 Point d’étape enregistré sur « Charte de la communauté des acteurs adoptée ». Merci !',
    );
    expect(out).toContain('[1] Partager dans le salon');
    expect(out).toMatch(
      /📢 \[salon \d+\] 📣 \*\*Claire Moreau\*\* donne un point d’étape sur « Charte de la communauté des acteurs adoptée » :\n> Charte envoyée aux partenaires\./,
    );
    expect(out).toContain('🔒 📣 Partagé dans le salon de la communauté.');
    const updates = await listUpdates(bot.kernel(MOREAU), {
      subject: { type: 'milestone', id: 'mil_lr0901' },
      limit: 100,
    });
    // Written from the console: signed as the command line, not as Discord.
    expect(updates.items.find((u) => u.text === 'Charte envoyée aux partenaires.')).toMatchObject({
      channel: 'cli',
      progress: 40,
    });
  });

  it('takes options by name or in order, and picks the only match of a typed title', async () => {
    const out = await chat([
      '/reporter jalon:"Rencontre trimestrielle" date:06/02/2027 raison:Salle prise',
      '/reporter mil_lr0902 2027-02-05 hier',
      '/indicateur participants 12',
    ]);
    expect(out).toMatch(
      /📅 « Rencontre trimestrielle de la communauté » est reporté au 6 février 2027\./,
    );
    expect(out).toContain('📊 12 enregistré pour « Participants à la co-construction » (2026)');
    const milestone = await getMilestone(bot.kernel(MOREAU), { milestoneId: 'mil_lr0902' });
    expect(milestone.dueDate).toBe('2027-02-05');
  });

  it('links with a code when it speaks for nobody, and explains what it cannot do', async () => {
    const { code } = await issueChatLinkCode(bot.database, {
      personId: 'per_lrmarchand',
      now: NOW,
    });
    const out = await chat(['/jalons', `/lier ${code}`, '/configurer', 'bonjour', '/inconnue'], {});
    expect(out).toContain('Vous n’êtes lié·e à aucune personne : tapez /lier CODE.');
    expect(out).toContain('🔒 Je ne vous connais pas encore.');
    expect(out).toContain('🔒 Bienvenue Hugo Marchand !');
    expect(out).toContain('Tapez `/configurer` dans le salon de la communauté, sur le serveur.');
    expect(out).toContain('Tapez une commande commençant par « / » (par exemple /aide).');
    expect(out).toContain('Je ne connais pas la commande « /inconnue ».');
  });
});

describe('reading typed commands', () => {
  it('reads named, positional and quoted options', () => {
    expect(
      parseTypedCommand(
        '/reporter jalon:"Bilan annuel" date:2027-01-05 raison:Retard du prestataire',
      ),
    ).toMatchObject({
      ok: true,
      options: { jalon: 'Bilan annuel', date: '2027-01-05', raison: 'Retard du prestataire' },
    });
    expect(
      parseTypedCommand('/reporter "Bilan annuel" 2027-01-05 Retard du prestataire'),
    ).toMatchObject({
      options: { jalon: 'Bilan annuel', date: '2027-01-05', raison: 'Retard du prestataire' },
    });
    expect(parseTypedCommand('/JALONS')).toMatchObject({ ok: true, options: {} });
    expect(parseTypedCommand('/nimporte quoi')).toEqual({ ok: false, name: 'nimporte' });
  });
});

describe('timestamps in a terminal', () => {
  it('shows Discord timestamps in the governance’s zone, across the clock change', () => {
    const now = new Date(NOW);
    // 10:00 UTC on 25 October 2026, the morning summer time ended: 11:00 in Paris (UTC+1).
    expect(renderTimestamps('<t:1792922400:t>', 'Europe/Paris', now)).toBe('11:00');
    expect(renderTimestamps('<t:1792922400:t>', 'America/Cayenne', now)).toBe('07:00');
    expect(renderTimestamps('le <t:1792922400:D>', 'Europe/Paris', now)).toBe('le 25 octobre 2026');
    expect(
      renderTimestamps('<t:1764324000:R>', 'Europe/Paris', new Date('2025-11-25T10:00:00Z')),
    ).toBe('dans 3 jours');
  });
});
