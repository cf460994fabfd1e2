import { PassThrough } from 'node:stream';
import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import {
  getMilestone,
  issueChatLinkCode,
  listUpdates,
  readCalendarFeed,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../src/adapters/console/console-chat.ts';
import { startChat } from '../src/chat-runner.ts';
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
  it('gives the agenda link, and a new one with « renouveler »', async () => {
    const out = await chat(['/agenda', '/agenda renouveler:oui']);
    const tokens = [...out.matchAll(/\/calendars\/([A-Za-z0-9_-]{43})\.ics/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(2);
    const opens = async (token: string | undefined) =>
      (await readCalendarFeed(kernelAt(bot.database, NOW), { token }))?.personId;
    expect(await opens(tokens[0])).toBeUndefined();
    expect(await opens(tokens[1])).toBe(MOREAU);
  });

  it('ends by itself when its input is already over, and when the program stops it', async () => {
    const sink = new PassThrough().resume();
    // An input over before the chat starts listening (a short pipe): the chat still ends.
    const empty = new PassThrough();
    empty.end();
    expect(
      await runConsoleChat({ ctx: bot.ctx, input: empty, output: sink, personId: MOREAU }),
    ).toBe('input-ended');

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
    expect(await done).toBe('stopped');
    expect(open.readableEnded).toBe(false);
  });

  it('tells the host when the person leaves, so that it stops what runs beside the chat', async () => {
    const input = new PassThrough();
    const chat = await startChat({
      database: bot.database,
      env: { DISCORD_TOKEN: undefined, DISCORD_API_URL: undefined },
      input,
      output: new PassThrough().resume(),
      consolePersonId: MOREAU,
    });
    input.write('/quitter\n');
    // The input stays open (a terminal): the person's word alone ends the chat.
    expect(await chat.ended).toBe('quit');
  });

  it('greets the demo person, lists milestones with dates in the governance’s zone', async () => {
    const out = await chat(['/jalons', '/quitter', '/aide']);
    expect(out).toContain('Vous parlez en tant que Claire Moreau (per_lrmoreau).');
    expect(out).toMatch(
      /🔒 Vos jalons\n[\s\S]*Charte de la communauté des acteurs adoptée.*en retard de \d+ jours \(prévu le \d{1,2} novembre 2026\)/,
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
      /📢 \[salon \d+\] 📣 Claire Moreau donne un point d’étape sur « Charte de la communauté des acteurs adoptée » :\n│ Charte envoyée aux partenaires\./,
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
    const { code } = await issueChatLinkCode(kernelAt(bot.database, NOW), {
      personId: 'per_lrmarchand',
    });
    const out = await chat(['/jalons', `/lier ${code}`, '/configurer', 'bonjour', '/inconnue'], {});
    expect(out).toContain('Vous n’êtes lié·e à aucune personne : tapez /lier CODE.');
    expect(out).toContain('🔒 Je ne vous connais pas encore.');
    expect(out).toContain('🔒 Bienvenue Hugo Marchand !');
    expect(out).toContain('Tapez /configurer dans le salon de la communauté, sur le serveur.');
    expect(out).toContain('Tapez une commande commençant par « / » (par exemple /aide).');
    expect(out).toContain('Je ne connais pas la commande « /inconnue ».');
  });
});

/**
 * A console chat driven keystroke by keystroke, as a person at a terminal: `type` sends keys,
 * `printed` waits until the output matches.
 */
function terminalChat(options: { terminal: boolean } = { terminal: true }) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let printed = '';
  const waiting = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
    for (const check of waiting) check();
  });
  const done = runConsoleChat({ ctx: bot.ctx, input, output, personId: MOREAU, ...options });
  return {
    done,
    output: () => printed,
    type: (keys: string) => input.write(keys),
    end: () => input.end(),
    /** Resolves once the output shows `text` `times` times. */
    printed: (text: string, times = 1) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (printed.split(text).length - 1 < times) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`« ${text} » not printed ${times} times:\n${printed}`));
        }, 30_000);
        waiting.add(check);
        check();
      }),
  };
}

/** The updates Moreau wrote on the late milestone, newest last. */
async function updatesOnLateMilestone() {
  const updates = await listUpdates(bot.kernel(MOREAU), {
    subject: { type: 'milestone', id: 'mil_lr0901' },
    limit: 100,
  });
  return updates.items;
}

describe('the console chat at a terminal', () => {
  it('edits lines, recalls the previous one with the up arrow, and styles markdown', async () => {
    const chat = terminalChat();
    chat.type('/aidd');
    // Backspace, then the right letter: the line is edited, not sent with its mistake.
    chat.type('\x7fe\r');
    await chat.printed('Ce que je sais faire');
    chat.type('\x1b[A\r');
    await chat.printed('Ce que je sais faire', 2);
    chat.type('/jalons\r');
    await chat.printed('Vos jalons');
    chat.end();
    expect(await chat.done).toBe('input-ended');
    const out = chat.output();
    expect(out).not.toContain('« /aidd »');
    expect(out).not.toContain('^[[A');
    expect(out).toContain('\x1b[1mVos jalons\x1b[22m');
    expect(out).not.toContain('**');
  });

  it('refuses an update too long without cutting it, and puts it back on the line', async () => {
    const long = `${'Très long compte rendu. '.repeat(225)}`.trim();
    expect(long.length).toBeGreaterThan(5_000);
    const chat = terminalChat();
    chat.type('/point mil_lr0901\r');
    await chat.printed('Où en êtes-vous ? :');
    chat.type(`${long}\r`);
    await chat.printed('Trop long : 5399 caractères pour 4000 au plus, rien n’a été coupé.');
    // The text comes back on the line (typed once, shown twice); Enter sends it again, as is.
    await chat.printed(long, 2);
    chat.type('\r');
    await chat.printed('Trop long : 5399 caractères', 2);
    await chat.printed(long, 3);
    // Ctrl+U clears the line; a shorter text goes through, and the form goes on.
    chat.type('\x15Compte rendu court.\r');
    await chat.printed('Nouveau statut');
    chat.type('\r');
    await chat.printed('Avancement');
    chat.type('\r');
    await chat.printed('Point d’étape enregistré');
    chat.end();
    await chat.done;
    const texts = (await updatesOnLateMilestone()).map((u) => u.text);
    expect(texts).toContain('Compte rendu court.');
    expect(texts.some((t) => t.startsWith('Très long'))).toBe(false);
  });
});

describe('forms and options in the console', () => {
  it('checks each field as it is typed and keeps the fields before a refused one', async () => {
    const out = await chat([
      '/point mil_lr0901',
      'Relu avec les partenaires.',
      'terminé',
      '',
      '150',
      '40 %',
    ]);
    expect(out).toContain(
      '« terminé » n’est pas un statut possible ici. Possibles : atteint, annulé.',
    );
    expect(out).toContain(
      '« 150 » n’est pas un avancement : un nombre entier de 0 à 100 est attendu.',
    );
    expect(out).toContain('Tapez ce champ à nouveau ; les champs précédents sont gardés.');
    expect(out).toContain('📝 Point d’étape enregistré');
    const update = (await updatesOnLateMilestone()).find(
      (u) => u.text === 'Relu avec les partenaires.',
    );
    expect(update).toMatchObject({ progress: 40 });
  });

  it('refuses a text too long from a pipe, and asks for it again', async () => {
    const out = await chat(['/point mil_lr0901', 'x'.repeat(5400), 'Plus court.', '', '']);
    expect(out).toContain(
      'Trop long : 5400 caractères pour 4000 au plus, rien n’a été coupé. Tapez-le à nouveau, plus court.',
    );
    expect(out).toContain('📝 Point d’étape enregistré');
    const texts = (await updatesOnLateMilestone()).map((u) => u.text);
    expect(texts).toContain('Plus court.');
    expect(texts.some((t) => t.startsWith('xxx'))).toBe(false);
  });

  it('asks for an option left out, and shows the syntax of one it cannot read', async () => {
    const out = await chat([
      '/indicateur participants',
      'beaucoup',
      '/reporter mil_lr0902 2027-03-01',
      'Salle prise',
      '/absence',
      '',
      '/reporter mil_lr0902 demain Salle prise',
      `/reporter mil_lr0902 2027-02-05 ${'r'.repeat(1500)}`,
    ]);
    expect(out).toContain('La valeur (Entrée seule pour abandonner) :');
    expect(out).toContain(
      '« beaucoup » n’est pas un nombre.\nPar exemple : /indicateur indicateur:participants valeur:12',
    );
    expect(out).toContain('Pourquoi ce report (Entrée seule pour abandonner) :');
    expect(out).toMatch(
      /« Rencontre trimestrielle de la communauté » est reporté au 1 mars 2027\./,
    );
    expect(out).toContain('Commande abandonnée.');
    expect(out).toContain(
      '« demain » n’est pas une date que je comprends : écrivez-la 2026-12-01 ou 01/12/2026.\nPar exemple : /reporter jalon:"Bilan annuel" date:05/02/2027 raison:Salle prise',
    );
    expect(out).toContain(
      '« raison » est trop long : 1500 caractères pour 1000 au plus. Rien n’a été enregistré.',
    );
    const milestone = await getMilestone(bot.kernel(MOREAU), { milestoneId: 'mil_lr0902' });
    expect(milestone.dueDate).toBe('2027-03-01');
    expect(milestone.reschedules.some((r) => r.reason.startsWith('rrr'))).toBe(false);
  });
});
