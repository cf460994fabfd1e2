import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { listApiKeys, verifyApiKey } from '@maille/domain/use-cases';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kernelOver, NOW, noStackTrace, type Sandbox, sandbox } from './run.ts';

/** Every migration of @maille/db, oldest first. */
const MIGRATIONS = [
  '2026-11-24T0600-initial',
  '2026-11-24T0715-delivery-leases',
  '2026-11-24T1000-calendar-feeds',
  '2026-11-24T1030-idempotency-keys',
  '2026-11-24T1200-chat-link-codes',
  '2026-12-05T0800-chat-interactions',
  '2026-12-05T0900-bounded-reads',
  '2026-12-05T1100-sign-ins',
  '2026-12-05T1500-visits',
  '2026-12-06T0200-territory-directory',
  '2026-12-06T1000-history-pages',
  '2026-12-06T1100-demo-marker',
  '2026-12-06T1200-personal-calendar-feeds',
];

const LA_ROCHELLE = DEMO_IDS.laRochelle.governance;
const MOREAU = DEMO_IDS.laRochelle.coordinator;

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

/** A sandbox whose database is migrated and holds the demo. */
async function seeded(target: Sandbox = box): Promise<void> {
  expect((await target.run('migrate', 'up')).code).toBe(0);
  expect((await target.run('seed', '--demo')).code).toBe(0);
}

/** An export without the instant it was made, to compare two exports. */
function withoutDate(text: string): string {
  return text.replace(/"exportedAt": "[^"]+"/, '');
}

describe('maille migrate', () => {
  it('applies, reports and reverts the schema, asking before dropping tables', async () => {
    // `status` does not create the database: `up` does.
    const before = await box.run('migrate', 'status');
    expect(before.code).toBe(4);
    expect(before.err).toContain(`La base ${box.env.DATABASE_URL} n’existe pas`);
    expect(existsSync(box.env.DATABASE_URL as string)).toBe(false);

    const up = await box.run('migrate', 'up');
    expect(up.code).toBe(0);
    expect(up.out).toContain('Migration appliquée : 2026-11-24T0600-initial');
    expect(up.out).toContain('Migration appliquée : 2026-11-24T0715-delivery-leases');
    expect((await box.run('migrate', 'up')).out).toContain('Le schéma est déjà à jour.');
    expect((await box.run('migrate', 'status')).out).toMatch(
      /✓ 2026-11-24T0600-initial — appliquée le/,
    );

    const unconfirmed = await box.run('migrate', 'down');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('--oui');
    expect((await box.run('migrate', 'status')).out).toContain('✓');

    const down = await box.run('migrate', 'down', '--oui');
    expect(down.code).toBe(0);
    expect(down.out).toContain(`Migration annulée : ${MIGRATIONS.at(-1)}`);
    expect((await box.run('migrate', 'status')).out).toContain('1 migration en attente');
    // The others, newest first, down to an empty schema.
    for (const name of MIGRATIONS.slice(0, -1).reverse()) {
      expect((await box.run('migrate', 'down', '--oui')).out).toContain(
        `Migration annulée : ${name}`,
      );
    }
    expect((await box.run('migrate', 'status')).out).toContain(
      `${MIGRATIONS.length} migrations en attente`,
    );
  });

  it('accepts its French names', async () => {
    expect((await box.run('migrer', 'haut')).code).toBe(0);
    expect((await box.run('migrer', 'etat')).out).toContain('✓');
  });

  it('refuses an unknown subcommand with a usage error', async () => {
    const { code, err } = await box.run('migrate', 'sideways');
    expect(code).toBe(2);
    expect(err).toContain('« maille migrate » ne connaît pas « sideways » : up, down, status.');
  });
});

describe('maille seed --demo', () => {
  it('asks for the migrations first, then adds the demo once', async () => {
    const early = await box.run('seed', '--demo');
    expect(early.code).toBe(4);
    expect(early.err).toContain('lancez d’abord « maille migrate up »');

    await box.run('migrate', 'up');
    const first = await box.run('seed', '--demo');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Démonstration ajoutée : \d+ enregistrements écrits\./);
    expect(first.out).toContain(LA_ROCHELLE);

    const second = await box.run('seed', '--demo');
    expect(second.code).toBe(0);
    expect(second.out).toContain('La démonstration est déjà dans la base : rien n’a été ajouté.');
  });

  it('needs --demo', async () => {
    const { code, err } = await box.run('seed');
    expect(code).toBe(2);
    expect(err).toContain('maille seed --demo');
  });
});

describe('maille export and import', () => {
  it('move a governance to another database, the same to the record', async () => {
    await seeded();
    // A relative path is the user's folder's, not the package's.
    const exported = await box.run('export', LA_ROCHELLE, '--fichier', 'la-rochelle.json');
    expect(exported.code).toBe(0);
    const file = join(box.folder, 'la-rochelle.json');
    expect(exported.out).toContain(`exportée dans ${file}`);
    const text = readFileSync(file, 'utf8');

    const other = sandbox({ INIT_CWD: box.folder });
    try {
      await other.run('migrate', 'up');
      const imported = await other.run('import', 'la-rochelle.json');
      expect(imported.code).toBe(0);
      expect(imported.out).toMatch(/\(gov_larochelle\) importée : \d+ enregistrements écrits\./);
      const again = await other.run('export', LA_ROCHELLE);
      expect(again.code).toBe(0);
      expect(withoutDate(again.out)).toBe(withoutDate(text.trimEnd()));

      const twice = await other.run('import', 'la-rochelle.json');
      expect(twice.code).toBe(1);
      expect(twice.err).toContain('La gouvernance gov_larochelle existe déjà dans cette base.');
    } finally {
      other.remove();
    }
  });

  it('show the progress of an import on a terminal', async () => {
    await seeded();
    await box.run('export', LA_ROCHELLE, '--fichier', 'lr.json');
    const other = sandbox({ INIT_CWD: box.folder });
    try {
      await other.run('migrate', 'up');
      const chunks: string[] = [];
      const { code } = await other.runWith(
        { progress: { tty: true, write: (chunk) => chunks.push(chunk) } },
        'import',
        'lr.json',
      );
      expect(code).toBe(0);
      // The line is rewritten in place, and ended once the import is through.
      expect(chunks.at(-1)).toBe('\n');
      expect(chunks.at(-2)?.startsWith('\r')).toBe(true);
      expect(chunks.at(-2)).toMatch(/Import : 100\s%\s\(\d+ \/ \d+\)$/);
    } finally {
      other.remove();
    }
  });

  it('refuse to overwrite a file, and an unknown governance', async () => {
    await seeded();
    writeFileSync(join(box.folder, 'deja.json'), 'précieux');
    const exists = await box.run('export', LA_ROCHELLE, '--fichier', 'deja.json');
    expect(exists.code).toBe(3);
    expect(exists.err).toContain('existe déjà');
    expect(readFileSync(join(box.folder, 'deja.json'), 'utf8')).toBe('précieux');
    expect((await box.run('export', LA_ROCHELLE, '-f', 'deja.json', '--remplacer')).code).toBe(0);

    const unknown = await box.run('export', 'gov_inconnue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Erreur : Gouvernance introuvable : gov_inconnue.');
  });

  it('refuse a missing file, malformed JSON and a document that is not a governance, writing nothing', async () => {
    await box.run('migrate', 'up');
    const missing = await box.run('import', 'absent.json');
    expect(missing.code).toBe(3);
    expect(missing.err).toBe(`Erreur : Fichier introuvable : ${join(box.folder, 'absent.json')}`);

    writeFileSync(
      join(box.folder, 'casse.json'),
      '{\n  "format": "maille.gouvernance",\n  "governance": {\n',
    );
    const malformed = await box.run('import', 'casse.json');
    expect(malformed.code).toBe(3);
    expect(malformed.err).toContain('n’est pas un JSON valide');
    expect(malformed.err).toContain('rien n’a été importé');

    writeFileSync(
      join(box.folder, 'autre.json'),
      JSON.stringify({ format: 'maille.gouvernance', formatVersion: 1, governance: { name: '' } }),
    );
    const invalid = await box.run('import', 'autre.json');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('Ce fichier n’est pas une gouvernance exportée par Maille');
    expect(invalid.err).toContain('  • governance.name — Ce champ ne peut pas être vide.');
    expect(invalid.err).toContain('  • exportedAt — ');

    for (const run of [missing, malformed, invalid]) expect(noStackTrace(run.err)).toBe(true);
    expect((await box.run('seed', '--demo')).out).toContain('Démonstration ajoutée');
  });

  it('say in one sentence that a file is not an export of Maille, or comes from a newer one', async () => {
    await seeded();
    writeFileSync(join(box.folder, 'vide.json'), '{}');
    const empty = await box.run('import', 'vide.json');
    expect(empty.code).toBe(3);
    expect(empty.err).toBe(
      `Erreur : ${join(box.folder, 'vide.json')} n’est pas un export Maille (un fichier écrit par « maille export ») : rien n’a été importé.`,
    );

    expect((await box.run('export', LA_ROCHELLE, '--fichier', 'lr.json')).code).toBe(0);
    const document = JSON.parse(readFileSync(join(box.folder, 'lr.json'), 'utf8'));
    writeFileSync(
      join(box.folder, 'futur.json'),
      JSON.stringify({ ...document, formatVersion: document.formatVersion + 1 }),
    );
    const newer = await box.run('import', 'futur.json');
    expect(newer.code).toBe(3);
    expect(newer.err.split('\n')).toHaveLength(1);
    expect(newer.err).toContain('a été exporté par une version plus récente de Maille (format 2');
  });

  it('name a malformed governance id once, in French', async () => {
    await seeded();
    const run = await box.run('export', 'nope');
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      [
        'Erreur : « nope » n’est pas un identifiant de gouvernance : « gov_ » suivi de 6 à 40 lettres ou chiffres est attendu (par exemple gov_larochelle).',
        'Aide : maille export --help',
      ].join('\n'),
    );
  });
});

describe('maille person', () => {
  it('exports what the database holds on a person, then erases them once confirmed', async () => {
    await seeded();
    const exported = await box.run('person', 'export', MOREAU);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.out);
    expect(data.format).toBe('maille.donnees-personnelles');
    expect(data.person.displayName).toBe('Claire Moreau');

    const unconfirmed = await box.run('person', 'erase', MOREAU);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('est définitif');

    const erased = await box.run('personne', 'effacer', MOREAU, '--oui');
    expect(erased.code).toBe(0);
    expect(erased.out).toContain(`Personne ${MOREAU} effacée`);
    expect(erased.out).toContain('inscrit dans l’historique de 1 gouvernance');

    const after = await box.run('person', 'export', MOREAU, '--fichier', 'moreau.json');
    expect(after.code).toBe(0);
    const text = readFileSync(join(box.folder, 'moreau.json'), 'utf8');
    expect(text).not.toContain('Claire Moreau');
    expect(JSON.parse(text).person.erasedAt).toBe(NOW);

    const again = await box.run('person', 'erase', MOREAU, '--oui');
    expect(again.code).toBe(1);
    expect(again.err).toBe('Erreur : Cette personne est déjà effacée.');
    const unknown = await box.run('person', 'export', 'per_inconnue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Erreur : Personne introuvable : per_inconnue.');
  });
});

describe('maille person courriel', () => {
  it('sets the address and the medium of reminders, and refuses a bad address in French', async () => {
    await seeded();
    const refused = await box.run('person', 'courriel', MOREAU, '--adresse', 'claire@@exemple');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Adresse électronique invalide.');
    const wrongMedium = await box.run('person', 'courriel', MOREAU, '--par', 'pigeon');
    expect(wrongMedium.code).toBe(1);
    const set = await box.run(
      'personne',
      'courriel',
      MOREAU,
      '--adresse',
      'Claire.Moreau@Exemple.fr',
      '--par',
      'les_deux',
    );
    expect(set.code).toBe(0);
    expect(set.out).toBe(
      `${MOREAU} : courriel claire.moreau@exemple.fr ; rappels reçus par : Messagerie et courriel.`,
    );
    const shown = await box.run('person', 'courriel', MOREAU);
    expect(shown.out).toContain('claire.moreau@exemple.fr');
  });
});

describe('maille cle', () => {
  it('creates a key whose token the API can verify, lists it and revokes it', async () => {
    await seeded();
    const created = await box.run(
      'cle',
      'creer',
      '--personne',
      MOREAU,
      '--libelle',
      'Tableau de bord',
    );
    expect(created.code).toBe(0);
    const token = /^mai_\S+$/m.exec(created.out)?.[0] as string;
    const id = /Clé d’API créée : (\S+)/.exec(created.out)?.[1] as string;
    expect(token.startsWith(`mai_${id}.`)).toBe(true);

    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      expect(await verifyApiKey(kernelOver(database), { token })).toEqual({
        keyId: id,
        personId: MOREAU,
        instanceAdmin: false,
      });

      const listed = await box.run('cle', 'lister');
      expect(listed.out).toContain(`${id} — Tableau de bord · pour ${MOREAU}`);
      expect(listed.out).not.toContain(token.split('.')[1]);

      const revoked = await box.run('cle', 'revoquer', id);
      expect(revoked.code).toBe(0);
      expect(await verifyApiKey(kernelOver(database), { token })).toBeUndefined();
      expect((await box.run('cle', 'lister')).out).toContain('RÉVOQUÉE le');

      const admin = await box.run('key', 'create', '--admin');
      expect(admin.code).toBe(0);
      const adminToken = /^mai_\S+$/m.exec(admin.out)?.[0] as string;
      expect(await verifyApiKey(kernelOver(database), { token: adminToken })).toMatchObject({
        instanceAdmin: true,
      });
      expect(
        (await listApiKeys(kernelOver(database, { instanceAdmin: true, channel: 'cli' }))).length,
      ).toBe(2);
    } finally {
      await database.close();
    }
  });

  it('refuses a key without a person, and an unknown person or key', async () => {
    await seeded();
    const orphan = await box.run('cle', 'creer');
    expect(orphan.code).toBe(2);
    expect(orphan.err).toContain('--personne per_…');
    const unknown = await box.run('cle', 'creer', '--personne', 'per_inconnue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Erreur : Personne introuvable : per_inconnue.');
    const noKey = await box.run('cle', 'revoquer', 'ABCDEFGHIJKL');
    expect(noKey.code).toBe(1);
    expect(noKey.err).toBe('Erreur : Clé d’API introuvable : ABCDEFGHIJKL.');
    expect((await box.run('cle', 'lister')).out).toBe('Aucune clé d’API.');
  });

  it('revokes a key given its whole token, never printing the secret back', async () => {
    await seeded();
    const created = await box.run('cle', 'creer', '--admin');
    const token = /^mai_\S+$/m.exec(created.out)?.[0] as string;
    const [id, secret] = token.slice('mai_'.length).split('.') as [string, string];

    const unknown = await box.run('cle', 'revoquer', `mai_ABCDEFGHIJKL.${secret}`);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Erreur : Clé d’API introuvable : ABCDEFGHIJKL.');

    const revoked = await box.run('cle', 'revoquer', token);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toBe(`Clé ${id} révoquée : l’API la refuse désormais.`);
    const again = await box.run('cle', 'revoquer', ` ${token} `);
    expect(again.code).toBe(1);
    for (const run of [unknown, revoked, again]) {
      expect(`${run.out}${run.err}`).not.toContain(secret);
    }
  });
});

describe('maille backup and restore', () => {
  it('bring a database back as it was, keeping the one they replace', async () => {
    await seeded();
    const backup = await box.run('backup', 'sauvegarde.db');
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('integrity_check : ok');

    await box.run('person', 'erase', MOREAU, '--oui');
    expect((await box.run('backup', 'sauvegarde.db')).code).toBe(3);

    const restored = await box.run('restore', 'sauvegarde.db');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`Base restaurée depuis ${join(box.folder, 'sauvegarde.db')}`);
    expect(restored.out).toMatch(/L’ancienne base est gardée dans .*avant-restauration-/);
    const person = JSON.parse((await box.run('person', 'export', MOREAU)).out);
    expect(person.person.displayName).toBe('Claire Moreau');
  });

  it('refuse a file that is not a backup, and a missing database', async () => {
    await seeded();
    writeFileSync(join(box.folder, 'notes.txt'), 'pas une base');
    const refused = await box.run('restore', 'notes.txt');
    expect(refused.code).toBe(3);
    expect(refused.err).toContain('n’est pas une base SQLite lisible');
    expect((await box.run('seed', '--demo')).out).toContain('déjà dans la base');

    const missing = await box.runWith(
      { env: { DATABASE_URL: join(box.folder, 'aucune.db') } },
      'backup',
      'copie.db',
    );
    expect(missing.code).toBe(4);
    expect(missing.err).toContain(`La base ${join(box.folder, 'aucune.db')} n’existe pas`);
    expect(existsSync(join(box.folder, 'aucune.db'))).toBe(false);
  });

  it('refuse a SQLite file that is not a Maille database, leaving the database as it was', async () => {
    await seeded();
    const foreign = new SqliteDatabase(join(box.folder, 'autre.db'));
    foreign.exec('create table notes (texte text)');
    foreign.close();
    const refused = await box.run('restore', 'autre.db');
    expect(refused.code).toBe(3);
    expect(refused.err).toBe(
      `Erreur : ${join(box.folder, 'autre.db')} n’est pas une base de Maille (la migration 2026-11-24T0600-initial n’y a jamais été appliquée) : rien n’a été restauré.`,
    );
    expect(readdirSync(box.folder).filter((f) => f.includes('avant-restauration'))).toEqual([]);
    expect((await box.run('seed', '--demo')).out).toContain('déjà dans la base');
  });

  it('keep each replaced database under a name of its own, even within one instant', async () => {
    await seeded();
    expect((await box.run('backup', 'sauvegarde.db')).code).toBe(0);
    const first = await box.run('restore', 'sauvegarde.db');
    const second = await box.run('restore', 'sauvegarde.db');
    expect([first.code, second.code]).toEqual([0, 0]);
    const kept = (out: string) => /L’ancienne base est gardée dans (\S+)\.$/m.exec(out)?.[1];
    expect(kept(first.out)).toBe(`${box.env.DATABASE_URL}.avant-restauration-20261124T090000.000Z`);
    expect(kept(second.out)).toBe(`${kept(first.out)}-2`);
    expect(existsSync(kept(first.out) as string)).toBe(true);
  });

  it('name the destination it cannot write, and never back up over the database itself', async () => {
    await seeded();
    mkdirSync(join(box.folder, 'sauvegardes'));
    const folder = await box.run('backup', 'sauvegardes', '--remplacer');
    expect(folder.code).toBe(3);
    expect(folder.err).toBe(
      `Erreur : ${join(box.folder, 'sauvegardes')} est un dossier, pas un fichier.`,
    );

    const missing = await box.run('backup', 'absent/copie.db');
    expect(missing.code).toBe(3);
    expect(missing.err).toBe(`Erreur : Le dossier ${join(box.folder, 'absent')} n’existe pas.`);

    // Root writes nearly everywhere, but not in /sys.
    const locked = process.getuid?.() === 0 ? '/sys' : '/';
    const denied = await box.run('backup', join(locked, 'maille-copie.db'));
    expect(denied.code).toBe(3);
    expect(denied.err).toBe(
      `Erreur : Impossible d’écrire la sauvegarde ${join(locked, 'maille-copie.db')} : accès refusé.`,
    );

    for (const own of ['', '-wal', '-shm']) {
      const over = await box.run('backup', `maille.db${own}`, '--remplacer');
      expect(over.code).toBe(3);
      expect(over.err).toContain('La sauvegarde ne peut pas remplacer la base elle-même');
    }
    for (const run of [folder, missing, denied]) expect(noStackTrace(run.err)).toBe(true);
    expect((await box.run('seed', '--demo')).out).toContain('déjà dans la base');
  });
});

describe('a database that is not there', () => {
  it('is never created by a command other than start and migrate up', async () => {
    const typo = join(box.folder, 'mailel.db');
    const inMissingFolder = join(box.folder, 'donnes', 'maille.db');
    for (const url of [typo, inMissingFolder]) {
      const env = { DATABASE_URL: url };
      for (const argv of [
        ['cle', 'lister'],
        ['seed', '--demo'],
        ['export', LA_ROCHELLE],
        ['person', 'export', MOREAU],
        ['migrate', 'status'],
        ['migrate', 'down', '--oui'],
        ['backup', 'copie.db'],
      ]) {
        const run = await box.runWith({ env }, ...argv);
        expect(run.code, argv.join(' ')).toBe(4);
        expect(run.err).toBe(
          `Erreur : La base ${url} n’existe pas : vérifiez DATABASE_URL, ou lancez d’abord « maille migrate up » pour la créer.`,
        );
      }
    }
    expect(readdirSync(box.folder)).toEqual([]);

    expect(
      (await box.runWith({ env: { DATABASE_URL: inMissingFolder } }, 'migrate', 'up')).code,
    ).toBe(0);
    expect(existsSync(inMissingFolder)).toBe(true);
    expect((await box.runWith({ env: { DATABASE_URL: typo } }, 'start')).code).toBe(0);
    expect(existsSync(typo)).toBe(true);
  });
});

describe('a database prepared by another version of Maille', () => {
  it('is refused with exit code 4 and a French message, never an internal error', async () => {
    await seeded();
    const raw = new SqliteDatabase(box.env.DATABASE_URL);
    raw
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('2099-01-01T0000-futur', '2099-01-01T00:00:00.000Z');
    raw.close();
    const expected = `Erreur : La base ${box.env.DATABASE_URL} a été préparée par une autre version de Maille (migration inconnue de celle-ci : 2099-01-01T0000-futur) : utilisez la version de Maille qui l’a préparée, ou restaurez une sauvegarde faite avec celle-ci.`;
    for (const argv of [
      ['migrate', 'up'],
      ['migrate', 'down', '--oui'],
      ['migrate', 'status'],
      ['start'],
      ['seed', '--demo'],
      ['cle', 'lister'],
    ]) {
      const run = await box.run(...argv);
      expect(run.code, argv.join(' ')).toBe(4);
      expect(run.err).toBe(expected);
    }
    // Nothing was reverted by `down`.
    const status = await box.run('migrate', 'status');
    expect(status.out).toContain('✓ 2026-11-24T0715-delivery-leases');
  });

  it('is refused as well when its migrations bear the names of an earlier version', async () => {
    await seeded();
    const raw = new SqliteDatabase(box.env.DATABASE_URL);
    raw.exec("update kysely_migration set name = '2026-11-24-initial' where name like '%initial'");
    raw.close();
    const up = await box.run('migrate', 'up');
    expect(up.code).toBe(4);
    expect(up.err).toContain('migration inconnue de celle-ci : 2026-11-24-initial');
  });
});

describe('a locked database', () => {
  it('gives up after the busy timeout with exit code 4 and a French message', async () => {
    await seeded();
    const other = new SqliteDatabase(box.env.DATABASE_URL);
    other.exec('begin exclusive');
    try {
      const { code, err } = await box.runWith(
        { env: { DATABASE_BUSY_TIMEOUT_MS: '50' } },
        'cle',
        'creer',
        '--admin',
      );
      expect(code).toBe(4);
      expect(err).toContain('La base de données est verrouillée par un autre programme');
      expect(noStackTrace(err)).toBe(true);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await box.run('cle', 'lister')).out).toBe('Aucune clé d’API.');
  });
});

describe('maille start', () => {
  it('migrates, seeds once and prints the demo’s health from the database', async () => {
    const first = await box.run('start');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Base de données : ${box.env.DATABASE_URL} (SQLite)`);
    expect(first.out).toContain(`Schéma mis à jour (${MIGRATIONS.length} migrations appliquées).`);
    expect(first.out).toMatch(/Démonstration ajoutée \(\d+ enregistrements\)/);
    expect(first.out).toMatch(/Taux de réalisation des fiches-actions : 50\s%/);
    expect(first.out).toContain('Dronne et Belle');
    expect(first.out).toContain('migrate up|down|status');

    const second = await box.run('start');
    expect(second.code).toBe(0);
    expect(second.out).toContain('Schéma à jour.');
    expect(second.out).toContain('Démonstration déjà présente : rien n’a été ajouté.');
    expect(second.out).toMatch(/Jalons en retard : \d/);
  });

  it('serves the API until stopped, with a demo key that works and replaces the previous one', async () => {
    const answers: { status: number; body: string }[] = [];
    let calendarAnswer = '';
    let webHome = '';
    const call = async (printed: () => string) => {
      const out = printed();
      const url = /à l’écoute sur (http:\/\/\S+)/.exec(out)?.[1];
      const token = /Bearer (mai_\S+)"/.exec(out)?.[1];
      expect(out).toContain(`Documentation de l’API : ${url}/docs`);
      for (const path of ['/roadmaps/rdm_larochelle/health', '/governances/gov_larochelle']) {
        const response = await fetch(`${url}${path}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        answers.push({ status: response.status, body: await response.text() });
      }
      // The web workspace on the same port, with a sign-in link for the demo coordinator.
      const signInLink = /Espace web, .+ : (http:\/\/\S+\/connexion\/\S+)/.exec(out)?.[1];
      expect(signInLink?.startsWith(`${url}/connexion/`)).toBe(true);
      const signedIn = await fetch(String(signInLink), {
        method: 'POST',
        headers: { Origin: String(url), 'Content-Type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      expect(signedIn.status).toBe(303);
      const cookie = (signedIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
      webHome = await (await fetch(`${url}/`, { headers: { Cookie: cookie } })).text();
      const calendar = /agenda \(lien secret\) : (http:\/\/\S+)/.exec(out)?.[1];
      calendarAnswer = await (await fetch(String(calendar))).text();
      // The bot answers in the terminal too, without Discord, as the demo coordinator.
      await vi.waitFor(() => expect(printed()).toContain('Vos jalons'), { timeout: 10_000 });
      return 'SIGINT';
    };
    // The person has typed a command and stays in the chat: only the signal stops Maille.
    const chatInput = new PassThrough();
    chatInput.write('/jalons\n');
    const first = await box.runWith(
      { untilStopped: call, chatInput, env: { LOG_LEVEL: 'info' } },
      'start',
    );
    expect(first.code).toBe(0);
    expect(webHome).toContain('Bonjour Claire Moreau');
    expect(first.out).toContain('Pas de DISCORD_TOKEN : le bot répond ici même');
    expect(first.out).toContain('Arrêt demandé (SIGINT)');
    expect(first.out.trim().split('\n').at(-1)).toBe('Maille est arrêtée.');
    // The request log goes beside the database, never into the chat's terminal.
    const logFile = join(box.folder, 'maille.log');
    expect(first.out).toContain(
      `Journal des requêtes de l’API (une ligne JSON par requête) : ${logFile}`,
    );
    expect(`${first.out}\n${first.err}`).not.toContain('"requestId"');
    const logged = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(
      logged.some((line) => line.status === 200 && String(line.route).startsWith('/governances/')),
    ).toBe(true);
    // The governance is not public: only the key's coordinator reads it.
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers[1]?.body).toContain('La Rochelle');

    // The calendar link it prints opens the demo governance's calendar, without a key.
    const calendar = /agenda \(lien secret\) : (http:\/\/\S+)/.exec(first.out)?.[1];
    expect(calendar).toMatch(/\/calendars\/[^/]+\.ics$/);
    expect(calendarAnswer).toMatch(/^BEGIN:VCALENDAR\r\n/);

    const firstToken = /Bearer (mai_\S+)"/.exec(first.out)?.[1];
    await box.runWith({}, 'start');
    const keys = await box.run('cle', 'lister');
    // One demo key in use at a time: each start revokes the one it printed before.
    expect(keys.out.match(/Démonstration \(maille start\)/g)).toHaveLength(2);
    expect(keys.out.match(/RÉVOQUÉE/g)).toHaveLength(1);
    expect(keys.out).toContain(firstToken?.slice(4, 16));
  });

  it('keeps serving when started with no terminal and its input ends (as a service)', async () => {
    let health = 0;
    const { code, out } = await box.runWith(
      {
        // Readable.from([]): stdin from /dev/null, over at once and no terminal.
        untilStopped: async (printed) => {
          await vi.waitFor(() => expect(printed()).toContain('L’entrée standard est fermée'), {
            timeout: 10_000,
          });
          const url = /à l’écoute sur (http:\/\/\S+)/.exec(printed())?.[1];
          health = (await fetch(`${url}/healthz`)).status;
          return 'SIGTERM';
        },
      },
      'start',
    );
    expect(code).toBe(0);
    expect(health).toBe(200);
    expect(out).not.toContain('Fin de la discussion');
    expect(out).toContain('Arrêt demandé (SIGTERM)');
  });

  it('stops everything when the person leaves the console chat', async () => {
    const { code, out } = await box.runWith(
      {
        chatInput: Readable.from(['/quitter\n']),
        // No signal ever comes: leaving the chat is what stops Maille.
        untilStopped: () => new Promise(() => {}),
      },
      'start',
    );
    expect(code).toBe(0);
    expect(out).toContain('Arrêt : Ctrl+C, /quitter ou Ctrl+D.');
    expect(out).toContain('Fin de la discussion : le bot, les rappels et l’API s’arrêtent');
    expect(out.trim().split('\n').at(-1)).toBe('Maille est arrêtée.');
  });
});

describe('settings', () => {
  it('refuses a malformed setting as a usage error', async () => {
    const { code, err } = await box.runWith(
      { env: { DATABASE_SCHEMA: 'Pas-Valide' } },
      'migrate',
      'status',
    );
    expect(code).toBe(2);
    expect(err).toContain('Réglage invalide dans l’environnement : DATABASE_SCHEMA');
  });

  it('says when PostgreSQL cannot be reached', async () => {
    const { code, err } = await box.runWith(
      { env: { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/test' } },
      'migrate',
      'status',
    );
    expect(code).toBe(4);
    expect(err).toContain(
      'Impossible de joindre PostgreSQL (postgres://postgres:***@127.0.0.1:1/test)',
    );
    expect(err).not.toContain('secret');
  });
});
