import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // No database is opened by these runs: usage errors come first, and the demo is in memory.
  const code = await main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
    { env: {} },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the maille command', () => {
  it('prints the health of both demo roadmaps in French', async () => {
    const { code, out } = await run('demo');
    expect(code).toBe(0);
    expect(out).toContain('La Rochelle');
    expect(out).toContain('Dronne et Belle');
    expect(out).toMatch(/Taux de réalisation des fiches-actions : 50\s%/);
    expect(out).toMatch(/Jalons en retard : \d/);
    expect(out).toMatch(/\d[\d\s\u202f]*€ obtenus sur/);
  });

  it('explains its usage in French and fails with code 2 on an unknown command', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage : maille <commande>');
    const unknown = await run('publier');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Commande inconnue : « publier »');
  });

  it('explains each command in French, and says what is missing from a command line', async () => {
    const help = await run('export', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage : maille export <gouvernance> [--fichier f] [--remplacer]');

    const missing = await run('export');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Il manque l’identifiant de la gouvernance à exporter (gov_…).');
    expect(missing.err).toContain('Aide : maille export --help');

    const noValue = await run('export', 'gov_larochelle', '--fichier');
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain('L’option --fichier attend une valeur.');

    const extra = await run('import', 'a.json', 'b.json');
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('Argument en trop : « b.json ».');
  });

  it('refuses an unknown option without a stack trace', async () => {
    const { code, err } = await run('demo', '--vite');
    expect(code).toBe(2);
    expect(err).toContain('Option inconnue : --vite');
    expect(err).not.toMatch(/Unknown|positional/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });
});
