import { NotFoundError, ValidationError } from '@maille/domain';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';
import { failure, main } from './main.ts';

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

describe('errors no command meets on demand', () => {
  const env = readEnv({ DATABASE_URL: 'postgres://maille:secret@db.example:5432/maille' });
  const explain = (error: unknown) => failure(error, undefined, env);
  const postgres = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('turn PostgreSQL’s refusals into French messages and exit code 4', () => {
    const cases: [unknown, string][] = [
      [postgres('42501', 'permission denied for schema maille'), 'droits insuffisants'],
      [postgres('42P01', 'relation "governances" does not exist'), 'Une table ou un schéma manque'],
      [postgres('3F000', 'no schema has been selected to create in'), 'vérifiez DATABASE_SCHEMA'],
      [postgres('53300', 'sorry, too many clients already'), 'n’accepte plus de connexions'],
      [postgres('53200', 'out of memory'), 'manque de ressources'],
      [postgres('57P01', 'terminating connection due to administrator command'), 'joindre'],
      [
        new AggregateError([postgres('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], ''),
        'Impossible de joindre PostgreSQL',
      ],
      [postgres('ENETUNREACH', 'connect ENETUNREACH'), 'Impossible de joindre PostgreSQL'],
      [new Error('Connection terminated unexpectedly'), 'a été coupée'],
    ];
    for (const [error, expected] of cases) {
      const { code, lines } = explain(error);
      expect(code, String((error as Error).message)).toBe(4);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(expected);
      expect(lines[0]).toContain('postgres://maille:***@db.example:5432/maille');
      expect(lines[0]).not.toMatch(/secret|denied|does not exist|too many|terminat|Error/);
    }
  });

  it('turn kysely’s “corrupted migrations” into a French message and exit code 4', () => {
    const missing = explain(
      new Error(
        'corrupted migrations: previously executed migration 2099-01-01T0000-futur is missing',
      ),
    );
    expect(missing.code).toBe(4);
    expect(missing.lines[0]).toContain('a été préparée par une autre version de Maille');
    expect(missing.lines[0]).toContain('2099-01-01T0000-futur');
    const order = explain(
      new Error(
        'corrupted migrations: expected previously executed migration 2026-11-24T0715-delivery-leases to be at index 0 but 2026-11-24T0600-initial was found in its place. New migrations must always have a name that comes alphabetically after the last executed migration.',
      ),
    );
    expect(order.code).toBe(4);
    expect(order.lines[0]).toContain('ne suivent pas l’ordre de cette version de Maille');
    expect(order.lines[0]).not.toMatch(/corrupted|alphabetically/);
  });

  it('say a SQLite file is missing as the database being unavailable, not a record', () => {
    const { code, lines } = failure(
      new NotFoundError('Base de données', '/srv/mailel.db'),
      undefined,
      undefined,
    );
    expect(code).toBe(4);
    expect(lines).toEqual([
      'Erreur : La base /srv/mailel.db n’existe pas : vérifiez DATABASE_URL, ou lancez d’abord « maille migrate up » pour la créer.',
    ]);
    expect(failure(new NotFoundError('Personne', 'per_x'), undefined, undefined).code).toBe(1);
  });

  it('says a lone invalid field once, and lists several', () => {
    const one = failure(
      new ValidationError([{ path: ['personId'], message: 'Identifiant invalide.' }]),
      undefined,
      undefined,
    );
    expect(one).toEqual({
      code: 1,
      lines: ['Erreur : Donnée invalide : personId — Identifiant invalide.'],
    });
    const two = failure(
      new ValidationError([
        { path: ['a'], message: 'Vide.' },
        { path: ['b'], message: 'Trop long.' },
      ]),
      undefined,
      undefined,
    );
    expect(two.lines).toEqual([
      'Erreur : Données invalides (2 problèmes).',
      '  • a — Vide.',
      '  • b — Trop long.',
    ]);
  });
});
