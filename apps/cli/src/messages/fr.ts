import { formatEuros, plural, type TerritorialDiagnosis } from '@maille/domain';
import type { ApiKey, CalendarFeed, FundingCalendar } from '@maille/domain/use-cases';
import { formatCount, formatDate } from '../french.ts';

/**
 * Every sentence the `maille` command says, in French, in one place. The help texts are in
 * `help.ts`; the roadmap health has its own formatter (`commands/format-health.ts`).
 */

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const bytes = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** An instant as "24 novembre 2026 à 10:00" (Paris time). */
export function formatInstant(instant: string | Date): string {
  return dateTime.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A size as "12,3 Mo". */
export function formatSize(size: number): string {
  if (size < 1024) return `${size} o`;
  if (size < 1024 * 1024) return `${bytes.format(size / 1024)} Ko`;
  return `${bytes.format(size / 1024 / 1024)} Mo`;
}

export const fr = {
  usage: {
    unknownCommand: (name: string) => `Commande inconnue : « ${name} ».`,
    unknownOption: (option: string) => `Option inconnue : ${option}`,
    optionNeedsValue: (option: string) => `L’option ${option} attend une valeur.`,
    optionTakesNoValue: (option: string) => `L’option ${option} ne prend pas de valeur.`,
    malformedOption: 'Option mal formée.',
    seeHelp: (command: string) => `Aide : maille ${command} --help`,
    missingSubcommand: (command: string, choices: string) =>
      `Précisez ce que doit faire « maille ${command} » : ${choices}.`,
    unknownSubcommand: (command: string, name: string, choices: string) =>
      `« maille ${command} » ne connaît pas « ${name} » : ${choices}.`,
    missingArgument: (what: string) => `Il manque ${what}.`,
    tooManyArguments: (extra: string[]) =>
      `Argument en trop : ${extra.map((a) => `« ${a} »`).join(', ')}.`,
    confirm: (what: string) => `${what} Relancez avec --oui pour confirmer.`,
  },
  env: {
    invalid: (name: string, why: string) =>
      `Réglage invalide dans l’environnement : ${name} — ${why}`,
    schemaName:
      'un nom de schéma PostgreSQL en minuscules, chiffres et « _ » est attendu (63 caractères au plus).',
    number: 'un nombre entier de millisecondes est attendu.',
    databaseUrl:
      'postgres://… pour PostgreSQL, ou le chemin d’un fichier SQLite (file:… accepté) est attendu.',
    tooLong: '10 minutes (600000) au plus.',
    demo: '« oui » (la démonstration est ajoutée au premier démarrage) ou « non » (une instance réelle, sans démonstration) est attendu.',
  },
  errors: {
    prefix: (message: string) => `Erreur : ${message}`,
    moreIssues: (count: number) => `  … et ${plural(count, 'autre problème', 'autres problèmes')}.`,
    internal: 'Erreur inattendue : Maille a rencontré un problème interne. Détail technique :',
    busy: 'La base de données est verrouillée par un autre programme qui écrit (le serveur, le bot, une autre commande maille). Réessayez dans un instant ; si cela dure, vérifiez ce qui l’utilise.',
    cantOpen: (where: string) =>
      `Impossible d’ouvrir la base de données ${where} : vérifiez le chemin et les droits sur le fichier et son dossier.`,
    notADatabase: (where: string) => `${where} n’est pas une base de données SQLite.`,
    readOnly: (where: string) =>
      `La base de données ${where} est en lecture seule : vérifiez les droits sur le fichier et son dossier.`,
    diskFull: 'Le disque est plein : libérez de la place, puis recommencez.',
    unreachable: (where: string) =>
      `Impossible de joindre PostgreSQL (${where}) : le serveur est-il démarré, l’adresse est-elle juste ?`,
    refused: (where: string) =>
      `PostgreSQL a refusé la connexion (${where}) : vérifiez l’utilisateur, le mot de passe et la base dans DATABASE_URL.`,
    missingDatabase: (where: string) => `La base PostgreSQL ${where} n’existe pas.`,
    connectionLost: (where: string) =>
      `La connexion à PostgreSQL (${where}) a été coupée : le serveur a-t-il redémarré ? Recommencez dans un instant.`,
    permissionDenied: (where: string) =>
      `PostgreSQL refuse cette opération à l’utilisateur de DATABASE_URL (${where}) : droits insuffisants. Donnez-lui les droits sur la base et le schéma (GRANT), ou utilisez un autre utilisateur.`,
    missingTable: (where: string) =>
      `Une table ou un schéma manque dans ${where} : vérifiez DATABASE_SCHEMA, puis lancez « maille migrate up ».`,
    tooManyConnections: (where: string) =>
      `PostgreSQL n’accepte plus de connexions (${where}) : trop de programmes y sont déjà connectés. Réessayez dans un instant, ou augmentez max_connections sur le serveur.`,
    serverResources: (where: string) =>
      `Le serveur PostgreSQL (${where}) manque de ressources (disque, mémoire) : prévenez son administrateur, puis recommencez.`,
  },
  database: {
    sqlite: (file: string) => `${file} (SQLite)`,
    postgres: (url: string, schema: string | undefined) =>
      `${url}${schema ? `, schéma ${schema}` : ''} (PostgreSQL)`,
    empty: (where: string) =>
      `La base ${where} n’a pas encore de tables : lancez d’abord « maille migrate up ».`,
    behind: (where: string, pending: number) =>
      `La base ${where} n’est pas à jour (${plural(pending, 'migration', 'migrations')} en attente) : lancez « maille migrate up ».`,
    missingFile: (file: string) =>
      `La base ${file} n’existe pas : vérifiez DATABASE_URL, ou lancez d’abord « maille migrate up » pour la créer.`,
    migrationsOutOfOrder: (where: string, name: string) =>
      `Les migrations de la base ${where} ne suivent pas l’ordre de cette version de Maille (${name} y est appliquée avant une migration plus ancienne) : utilisez la version de Maille qui l’a préparée, ou restaurez une sauvegarde.`,
    otherVersion: (where: string, unknown: readonly string[]) =>
      `La base ${where} a été préparée par une autre version de Maille (${unknown.length > 1 ? 'migrations inconnues' : 'migration inconnue'} de celle-ci : ${unknown.join(', ')}) : utilisez la version de Maille qui l’a préparée, ou restaurez une sauvegarde faite avec celle-ci.`,
  },
  files: {
    notFound: (file: string) => `Fichier introuvable : ${file}`,
    isDirectory: (file: string) => `${file} est un dossier, pas un fichier.`,
    denied: (file: string) => `Accès refusé à ${file} : vérifiez ses droits.`,
    unreadable: (file: string, why: string) => `Impossible de lire ${file} : ${why}`,
    unwritable: (file: string, why: string) => `Impossible d’écrire ${file} : ${why}`,
    missingFolder: (folder: string) => `Le dossier ${folder} n’existe pas.`,
    tooLarge: (file: string, size: string) =>
      `${file} pèse ${size} : c’est plus que ce qu’un import peut lire en une fois (512 Mo).`,
    tooLargeFor: (file: string, size: string, limit: string) =>
      `${file} pèse ${size} : un fichier de lieux ne peut dépasser ${limit}. Rien n’a été importé.`,
    malformedJson: (file: string, where: string | undefined) =>
      `${file} n’est pas un JSON valide${where ? ` (${where})` : ''} : rien n’a été importé.`,
    jsonPosition: (line: number, column: number) => `ligne ${line}, colonne ${column}`,
    jsonEnd: 'le fichier s’arrête au milieu',
    exists: (file: string) =>
      `${file} existe déjà : choisissez un autre nom, ou ajoutez --remplacer pour l’écraser.`,
  },
  migrate: {
    database: (where: string) => `Base de données : ${where}`,
    applied: (name: string) => `Migration appliquée : ${name}`,
    upToDate: 'Le schéma est déjà à jour.',
    nowUpToDate: 'Le schéma est à jour.',
    reverted: (name: string) => `Migration annulée : ${name}`,
    nothingToRevert: 'Aucune migration à annuler.',
    downWarning:
      'Annuler la dernière migration supprime les tables qu’elle a créées, avec leurs données (faites d’abord « maille backup » ou « maille export »).',
    statusLine: (name: string, executedAt: Date | undefined) =>
      executedAt
        ? `  ✓ ${name} — appliquée le ${formatInstant(executedAt)}`
        : `  · ${name} — en attente`,
    pending: (count: number) =>
      `${plural(count, 'migration', 'migrations')} en attente : lancez « maille migrate up ».`,
  },
  seed: {
    needsDemo: 'Précisez le jeu de données : « maille seed --demo » (le seul pour l’instant).',
    created: (count: number) =>
      `Démonstration ajoutée : ${plural(count, 'enregistrement écrit', 'enregistrements écrits')}.`,
    already: 'La démonstration est déjà dans la base : rien n’a été ajouté.',
    governance: (name: string, id: string) => `  • ${name} (${id})`,
  },
  funding: {
    needsGovernance: 'Précisez la gouvernance : --gouvernance gov_…',
    badDays: 'Nombre de jours attendu après --jours : un entier de 1 à 366.',
    calendar: (c: FundingCalendar) =>
      [
        c.due.length === 0
          ? `Aucune échéance à tenir dans les ${c.aheadDays} jours : ni dossier à déposer, ni bilan à rendre.`
          : `Échéances à tenir (${c.due.length}) :`,
        ...c.due.map(
          (d) =>
            `  ${formatDate(d.date)} — ${d.label}, ${d.funder}${d.programme ? ` (${d.programme})` : ''}${d.action ? `, ${d.action.code} ${d.action.title}` : ''} : ${d.daysUntil < 0 ? `en retard de ${plural(-d.daysUntil, 'jour', 'jours')}` : d.daysUntil === 0 ? 'aujourd’hui' : `dans ${plural(d.daysUntil, 'jour', 'jours')}`}`,
        ),
        c.funders.length === 0
          ? 'Aucune ligne de financement.'
          : 'Par financeur (demandé, accordé, versé, reste à verser) :',
        ...c.funders.map(
          (f) =>
            `  ${f.label} : ${formatEuros(f.askedCents)}, ${formatEuros(f.grantedCents)}, ${formatEuros(f.paidCents)}, ${formatEuros(f.toBePaidCents)}`,
        ),
      ].join('\n'),
    written: (count: number, file: string) =>
      `${plural(count, 'ligne de financement écrite', 'lignes de financement écrites')} dans ${file}.`,
  },
  places: {
    fileArgument: 'le fichier de lieux à importer (JSON ou CSV)',
    reportArgument: 'l’identifiant du rapport d’import (imp_…)',
    needsGovernance: 'Précisez la gouvernance : --gouvernance gov_…',
    importing: 'Import des lieux',
    reading: (file: string) => `Lecture de ${file}…`,
    imported: (report: {
      id: string;
      counts: Record<'created' | 'updated' | 'unchanged' | 'merged' | 'rejected' | 'fixed', number>;
      duplicateGroups: unknown[];
    }) =>
      [
        `Lieux importés (rapport ${report.id}) : ${plural(report.counts.created, 'créé', 'créés')}, ${plural(report.counts.updated, 'mis à jour', 'mis à jour')}, ${plural(report.counts.unchanged, 'inchangé', 'inchangés')}, ${plural(report.counts.merged, 'fusionné', 'fusionnés')}, ${plural(report.counts.rejected, 'rejeté', 'rejetés')}.`,
        `  ${plural(report.counts.fixed, 'lieu corrigé', 'lieux corrigés')} en chemin (code INSEE retrouvé, téléphone, commune).`,
        report.duplicateGroups.length > 0
          ? `  ${plural(report.duplicateGroups.length, 'doublon probable', 'doublons probables')} à examiner et fusionner (page « Lieux » de la gouvernance, ou POST /places/merges).`
          : '  Aucun doublon probable.',
        `  Le détail : maille lieux rapport ${report.id}`,
      ].join('\n'),
    entry: (e: {
      position: number;
      name?: string | undefined;
      outcome: string;
      reason?: string | undefined;
      fixes: string[];
      warnings: string[];
    }) =>
      `  n° ${e.position}${e.name ? ` — ${e.name}` : ''} : ${e.outcome}${e.reason ? ` — ${e.reason}` : ''}${[...e.fixes, ...e.warnings].length > 0 ? ` (${[...e.fixes, ...e.warnings].join(' ; ')})` : ''}`,
    exported: (count: number, file: string) =>
      `${plural(count, 'lieu exporté', 'lieux exportés')} dans ${file}.`,
    refused: (file: string, why: string) => `${file} : ${why} Rien n’a été importé.`,
    leftOut: (names: string[]) =>
      `${plural(names.length, 'lieu sans adresse n’est', 'lieux sans adresse ne sont')} pas dans l’export (le schéma national exige une adresse) : ${names.join(', ')}.`,
    diagnosis: (d: Pick<TerritorialDiagnosis, 'communes' | 'places'>) =>
      [
        `Communes : ${d.communes.total}, dont ${d.communes.withPlace} avec au moins un lieu et ${d.communes.withoutPlace} sans aucun.`,
        `Population : ${formatCount(d.communes.population)} habitants, dont ${formatCount(d.communes.populationWithoutPlace)} dans une commune sans lieu.`,
        `Lieux : ${d.places.total} ; ouverts le samedi : ${d.places.saturday} ; en soirée : ${d.places.evening} ; itinérants : ${d.places.mobile} ; à actualiser (plus de 18 mois) : ${d.places.byFreshness.a_actualiser ?? 0}.`,
      ].join('\n'),
  },
  territories: {
    loading: 'Répertoire des territoires',
    reading: 'Lecture du répertoire officiel (communes, EPCI, départements, régions)…',
    loaded: (load: {
      edition: string;
      listed: number;
      created: number;
      updated: number;
      unchanged: number;
      retired: number;
    }) =>
      [
        `Répertoire officiel chargé (${load.edition}) : ${formatCount(load.listed)} territoires.`,
        `  ${plural(load.created, 'ajouté', 'ajoutés')}, ${plural(load.updated, 'mis à jour', 'mis à jour')}, ${plural(load.unchanged, 'inchangé', 'inchangés')}, ${plural(load.retired, 'retiré de l’édition (gardé avec son historique)', 'retirés de l’édition (gardés avec leur historique)')}.`,
        load.created + load.updated + load.retired === 0
          ? '  Rien n’a changé : le répertoire était déjà à jour.'
          : '  Créez une gouvernance par le code officiel de son EPCI ou de son département (page d’accueil de l’espace web, ou POST /governances).',
      ].join('\n'),
  },
  exchange: {
    governanceArgument: 'l’identifiant de la gouvernance à exporter (gov_…)',
    fileArgument: 'le fichier à importer',
    writing: 'Écriture',
    importing: 'Import',
    reading: (file: string) => `Lecture de ${file}…`,
    readingGovernance: (id: string) => `Lecture de la gouvernance ${id}…`,
    checking: 'Vérification du document…',
    exported: (name: string, file: string, records: number) =>
      `Gouvernance « ${name} » exportée dans ${file} (${plural(records, 'enregistrement', 'enregistrements')}).`,
    imported: (name: string, id: string, written: number) =>
      `Gouvernance « ${name} » (${id}) importée : ${plural(written, 'enregistrement écrit', 'enregistrements écrits')}.`,
    notAGovernanceId: (id: string) =>
      `« ${id} » n’est pas un identifiant de gouvernance : « gov_ » suivi de 6 à 40 lettres ou chiffres est attendu (par exemple gov_larochelle).`,
    notAnExport: (file: string) =>
      `${file} n’est pas un export Maille (un fichier écrit par « maille export ») : rien n’a été importé.`,
    newerFormat: (file: string, version: number, known: number) =>
      `${file} a été exporté par une version plus récente de Maille (format ${version} ; cette version lit le format ${known}) : importez-le avec une version à jour de Maille. Rien n’a été importé.`,
    invalidDocument:
      'Ce fichier n’est pas une gouvernance exportée par Maille : rien n’a été importé.',
  },
  backup: {
    fileArgument: 'le fichier où écrire la sauvegarde',
    copying: 'Sauvegarde',
    done: (file: string, size: string) =>
      `Sauvegarde écrite et vérifiée (PRAGMA integrity_check : ok) : ${file} (${size}).`,
  },
  restore: {
    fileArgument: 'la sauvegarde à restaurer',
    postgres:
      'La restauration par maille ne concerne que SQLite. Pour PostgreSQL, utilisez pg_restore (voir le README, « Sauvegarde et restauration »).',
    memory: 'La base en mémoire (:memory:) ne se restaure pas.',
    done: (backup: string, target: string) => `Base restaurée depuis ${backup} dans ${target}.`,
    previous: (file: string) => `L’ancienne base est gardée dans ${file}.`,
  },
  person: {
    idArgument: 'l’identifiant de la personne (per_…)',
    exported: (id: string, file: string, tables: number) =>
      `Données de ${id} exportées dans ${file} (${plural(tables, 'table concernée', 'tables concernées')}).`,
    eraseWarning: (id: string) =>
      `L’effacement de ${id} est définitif : son nom, son courriel, son téléphone et ses comptes de discussion disparaissent de toute la base.`,
    erased: (
      id: string,
      report: {
        recordsRewritten: number;
        chatAccountsUnlinked: number;
        calendarFeedsRevoked: number;
        governances: readonly string[];
      },
    ) =>
      `Personne ${id} effacée : ${plural(report.recordsRewritten, 'enregistrement réécrit', 'enregistrements réécrits')}, ${plural(report.chatAccountsUnlinked, 'compte de discussion délié', 'comptes de discussion déliés')}, ${plural(report.calendarFeedsRevoked, 'agenda révoqué', 'agendas révoqués')} ; l’effacement est inscrit dans l’historique de ${plural(report.governances.length, 'gouvernance', 'gouvernances')}.`,
    mail: (id: string, address: string, medium: string) =>
      `${id} : courriel ${address} ; rappels reçus par : ${medium}.`,
    noAddress: '(aucune adresse)',
    automatic: 'automatique (Discord si un compte est lié, sinon courriel)',
  },
  key: {
    needsPerson:
      'Précisez la personne pour qui agit la clé (--personne per_…), ou --admin pour une clé d’administration de l’instance.',
    defaultLabel: (date: string) => `Clé créée le ${formatDate(date)}`,
    created: (id: string) => `Clé d’API créée : ${id}`,
    token: 'Voici son jeton ; il ne sera plus jamais affiché, copiez-le maintenant :',
    revoked: (id: string) => `Clé ${id} révoquée : l’API la refuse désormais.`,
    none: 'Aucune clé d’API.',
    idArgument: 'l’identifiant de la clé à révoquer',
    line: (key: ApiKey) =>
      [
        `${key.id} — ${key.label}`,
        key.instanceAdmin
          ? `administration de l’instance${key.personId ? ` (${key.personId})` : ''}`
          : `pour ${key.personId}`,
        `créée le ${formatInstant(key.createdAt)}`,
        key.lastUsedAt ? `dernier usage le ${formatInstant(key.lastUsedAt)}` : 'jamais utilisée',
        ...(key.revokedAt ? [`RÉVOQUÉE le ${formatInstant(key.revokedAt)}`] : []),
      ].join(' · '),
  },
  calendar: {
    needsGovernance:
      'Précisez la gouvernance dont le calendrier est partagé (--gouvernance gov_…).',
    defaultLabel: (date: string) => `Lien créé le ${formatDate(date)}`,
    created: (id: string, governanceId: string) =>
      `Lien de calendrier créé : ${id} (gouvernance ${governanceId})`,
    path: 'Voici son chemin, à la suite de l’adresse de l’API ; il contient un secret et ne sera plus jamais affiché, copiez-le maintenant :',
    revoked: (id: string) => `Lien ${id} révoqué : le calendrier n’est plus servi à cette adresse.`,
    none: 'Aucun lien de calendrier.',
    idArgument: 'l’identifiant du lien à révoquer (cal_…)',
    line: (feed: CalendarFeed) =>
      [
        `${feed.id} — ${feed.label}`,
        feed.governanceId,
        `créé le ${formatInstant(feed.createdAt)}${feed.createdBy ? ` par ${feed.createdBy}` : ''}`,
        ...(feed.revokedAt ? [`RÉVOQUÉ le ${formatInstant(feed.revokedAt)}`] : []),
      ].join(' · '),
  },
  link: {
    needsPerson: 'Précisez la personne dont le compte sera lié (--personne per_…).',
    created: (personId: string, expiresAt: string) =>
      `Code de liaison créé pour ${personId}, valable jusqu’au ${formatInstant(expiresAt)}, une seule fois.`,
    howTo: (code: string) => `Dans le salon Discord, la personne tape : /lier ${code}`,
  },
  signIn: {
    needsPerson: 'Précisez la personne à connecter (--personne per_…).',
    created: (personId: string, expiresAt: string) =>
      `Lien de connexion créé pour ${personId}, valable jusqu’au ${formatInstant(expiresAt)}, une seule fois :`,
    mailed: (personId: string, address: string, expiresAt: string) =>
      `Lien de connexion envoyé à ${personId} par courriel (${address}), valable jusqu’au ${formatInstant(expiresAt)}, une seule fois.`,
    notMailed: (personId: string, detail: string) =>
      `Le serveur de courriel n’a pas pris le lien de connexion de ${personId} (${detail}) : rien n’est parti. Relancez plus tard, ou donnez-lui le lien affiché sans --courriel.`,
    noAddress: (personId: string) =>
      `${personId} n’a pas d’adresse de courriel : renseignez-la (maille person courriel) ou donnez-lui le lien affiché sans --courriel.`,
  },
  signOut: {
    needsPerson: 'Précisez la personne à déconnecter (--personne per_…).',
    closed: (personId: string, count: number) =>
      count === 0
        ? `Aucune session ouverte pour ${personId}.`
        : `${plural(count, 'session fermée', 'sessions fermées')} pour ${personId}.`,
  },
  demoRemoval: {
    warning:
      'Cette commande retire la démonstration de la base : ses gouvernances et tout ce qui s’y rattache, ses personnes, structures et territoires fictifs (sauf ceux qu’une gouvernance réelle utilise). « maille start » ne l’ajoutera plus.',
    removed: (governances: readonly string[]) =>
      governances.length === 0
        ? 'Aucune gouvernance de démonstration dans la base : rien n’a été retiré, et « maille start » ne l’ajoutera plus.'
        : `Démonstration retirée (${plural(governances.length, 'gouvernance', 'gouvernances')}) : ${governances.map((name) => `« ${name} »`).join(', ')}.`,
    counts: (parts: readonly string[]) => `  Supprimé : ${parts.join(', ')}.`,
    kept: 'Rien d’autre n’a été touché : gouvernances réelles, répertoire officiel des territoires et lieux importés restent tels quels. « maille seed --demo » la remet si besoin.',
  },
  coordinator: {
    verb: 'creer',
    needsName: 'Précisez le nom de la personne (--nom "Prénom Nom").',
    needsEmail: 'Précisez son adresse électronique (--email adresse@exemple.fr).',
    territoryFormat: (given: string) =>
      `--territoire : « ${given} » n’est pas un territoire ; écrivez niveau:code, par exemple epci:200070514 (SIREN de l’EPCI), departement:17 ou commune:17300.`,
    loadDirectoryHint:
      ' Commande : pnpm maille territoires charger (quelques secondes), puis relancez celle-ci.',
    territoryWithoutGovernance:
      '--territoire va avec --gouvernance "Nom de la gouvernance" : précisez les deux, ou aucun.',
    governanceWithoutTerritory:
      '--gouvernance demande son territoire : --territoire niveau:code (par exemple epci:200070514).',
    created: (name: string, id: string) => `Coordinateur·rice créé·e : ${name} (${id}).`,
    governance: (name: string, id: string) =>
      `Gouvernance ouverte, avec cette personne pour coordination : « ${name} » (${id}).`,
    noGovernance:
      'Sa gouvernance n’existe pas encore : une fois connectée, elle l’ouvre depuis l’accueil de l’espace web (« Ouvrir une gouvernance »).',
    already: (name: string, id: string, email: string) =>
      `Une personne a déjà l’adresse ${email} : ${name} (${id}). Rien n’a été créé ; voici un nouveau lien de connexion.`,
    link: (expiresAt: string) =>
      `Lien de connexion à l’espace web, valable jusqu’au ${formatInstant(expiresAt)}, une seule fois :`,
  },
  start: {
    title: 'Maille · démarrage',
    demoOff: 'Instance réelle (MAILLE_DEMO=non) : pas de démonstration.',
    demoRemoved: (at: string) =>
      `Démonstration retirée le ${formatInstant(at)} (« maille demo supprimer ») : elle n’est pas rajoutée.`,
    instanceTitle: (total: number) =>
      total === 0
        ? 'Aucune gouvernance dans cette instance pour l’instant.'
        : `Santé des gouvernances de l’instance (${plural(total, 'gouvernance', 'gouvernances')}), lue dans la base :`,
    firstSteps: [
      'Pour commencer, créez la première personne chargée de la coordination ; la commande affiche son lien de connexion à l’espace web :',
      '  pnpm maille coordination creer --nom "Prénom Nom" --email adresse@exemple.fr [--gouvernance "Nom" --territoire epci:200070514]',
    ],
    noRoadmap: (name: string, demo: boolean) =>
      `━━ ${name}${demo ? ' · Démonstration' : ''} ━━\nPas encore de feuille de route : elle se crée dans l’espace web.`,
    others: (count: number) =>
      `… et ${plural(count, 'autre gouvernance', 'autres gouvernances')} (la liste complète : espace web ou GET /governances).`,
    database: (where: string) => `Base de données : ${where}`,
    migrated: (count: number) =>
      `Schéma mis à jour (${plural(count, 'migration appliquée', 'migrations appliquées')}).`,
    upToDate: 'Schéma à jour.',
    seeded: (count: number) =>
      `Démonstration ajoutée (${plural(count, 'enregistrement', 'enregistrements')}) : La Rochelle et Dronne et Belle, personnes fictives.`,
    alreadySeeded: 'Démonstration déjà présente : rien n’a été ajouté.',
    commandsTitle:
      'La commande maille (depuis la racine : pnpm maille <commande>, aide : --help) :',
    apiListening: (url: string) => `API de Maille à l’écoute sur ${url}`,
    docs: (url: string) => `  Documentation de l’API : ${url}`,
    web: (link: string) =>
      `  Espace web, connecté·e comme Claire Moreau (coordination de La Rochelle ; lien valable un quart d’heure) : ${link}`,
    demoKey: (token: string) =>
      `  Clé d’API de la coordinatrice de démonstration (La Rochelle), remplacée au prochain démarrage : ${token}`,
    curl: (url: string, token: string, roadmapId: string) =>
      `  Essai : curl -H "Authorization: Bearer ${token}" ${url}/roadmaps/${roadmapId}/health`,
    calendar: (url: string) =>
      `  Calendrier des jalons et séances de La Rochelle, à ajouter dans un agenda (lien secret) : ${url}`,
    botOnDiscord: 'Bot connecté à Discord (DISCORD_TOKEN) ; les rappels partent par Discord.',
    botInConsole:
      'Pas de DISCORD_TOKEN : le bot répond ici même, comme sur Discord (tapez /aide, puis /jalons ou /point) ; les rappels qu’il enverrait s’affichent ici.',
    wouldSend: (text: string) => `Rappel (sans Discord, affiché au lieu d’être envoyé) :\n${text}`,
    wouldMail: (text: string) =>
      `Courriel (sans SMTP_HOST, affiché au lieu d’être envoyé) :\n${text}`,
    log: (file: string) => `  Journal des requêtes de l’API (une ligne JSON par requête) : ${file}`,
    stopHint: 'Arrêt : Ctrl+C. Toute la suite de tests : « pnpm test ».',
    stopHintConsole: 'Arrêt : Ctrl+C, /quitter ou Ctrl+D. Toute la suite de tests : « pnpm test ».',
    chatEnded:
      'Fin de la discussion : le bot, les rappels et l’API s’arrêtent, puis la base est fermée.',
    stopping: (signal: string) =>
      `Arrêt demandé (${signal}) : le bot et les requêtes en cours se terminent, puis la base est fermée.`,
    stopped: 'Maille est arrêtée.',
    inputClosed:
      'L’entrée standard est fermée : le bot ne lit plus ce terminal, l’API et les rappels continuent (arrêt : Ctrl+C ou SIGTERM).',
    forced: 'Arrêt forcé : Maille s’arrête sans attendre la fin des requêtes en cours.',
  },
} as const;
