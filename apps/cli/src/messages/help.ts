/** The help texts of the `maille` command, in French. */

/** One line per command, for the general help and for `pnpm start`. */
export const COMMAND_SUMMARIES = [
  [
    'start',
    'Met la base à jour, ajoute la démo si besoin (sauf MAILLE_DEMO=non), lance l’API, le bot et ses rappels',
  ],
  [
    'migrate up|down|status',
    'Met le schéma à jour, annule la dernière migration, ou dit où il en est',
  ],
  ['seed --demo', 'Ajoute les deux territoires de démonstration (une seule fois)'],
  [
    'territoires charger',
    'Charge le répertoire officiel des communes, EPCI, départements et régions',
  ],
  [
    'lieux importer|rapport|exporter|diagnostic',
    'Importe ou exporte le fichier national des lieux ; le diagnostic territorial',
  ],
  [
    'financements --gouvernance <g>',
    'Échéances de financement à tenir et vue par financeur (--fichier f.csv)',
  ],
  ['export <gouvernance>', 'Exporte une gouvernance entière en JSON (--fichier f)'],
  ['import <fichier>', 'Importe une gouvernance exportée par « maille export »'],
  ['backup <fichier>', 'Sauvegarde la base SQLite pendant qu’elle sert, et vérifie la copie'],
  ['restore <fichier>', 'Remplace la base SQLite par une sauvegarde vérifiée'],
  ['person export <personne>', 'Exporte tout ce que la base contient sur une personne'],
  ['person erase <personne>', 'Efface une personne (droit à l’effacement)'],
  ['cle creer|revoquer|lister', 'Crée, révoque ou liste les clés de l’API'],
  ['calendrier creer|revoquer|lister', 'Crée, révoque ou liste les liens de calendrier (ICS)'],
  ['lien creer --personne <personne>', 'Crée un code à usage unique pour lier un compte Discord'],
  ['connexion --personne <personne>', 'Crée un lien de connexion à l’espace web, à usage unique'],
  ['deconnexion --personne <personne>', 'Ferme toutes les sessions web d’une personne'],
  [
    'coordination creer --nom n --email e',
    'Crée la première personne chargée de la coordination et affiche son lien de connexion',
  ],
  ['demo', 'Calcule la démonstration en mémoire, sans base de données'],
  ['demo supprimer --oui', 'Retire la démonstration de la base, et rien d’autre'],
] as const;

const width = Math.max(...COMMAND_SUMMARIES.map(([name]) => name.length)) + 2;

/** The command summaries as aligned lines. */
export function commandLines(indent = '  '): string[] {
  return COMMAND_SUMMARIES.map(([name, summary]) => `${indent}${name.padEnd(width)}${summary}`);
}

const DATABASE = `Base de données :
  SQLite par défaut : data/maille.db à la racine du dépôt, créé par « maille start » ou
  « maille migrate up » ; les autres commandes ne créent jamais de base et refusent un fichier
  absent (code 4).
  DATABASE_URL=postgres://… pour PostgreSQL (DATABASE_SCHEMA=… pour travailler dans un schéma) ;
  DATABASE_URL=chemin/vers/fichier.db pour un autre fichier SQLite.`;

const EXIT_CODES = `Codes de sortie :
  0   fait
  1   refusé : donnée invalide, introuvable, conflit, action interdite
  2   commande mal formée (commande, option ou argument)
  3   fichier absent, illisible, mal formé, ou déjà là
  4   base de données absente, indisponible, verrouillée, pas à jour ou d’une autre version
  70  erreur interne de Maille`;

export const GENERAL_HELP = `maille — l’outil de coordination de l’inclusion numérique

Usage : maille <commande> [options]
Depuis la racine du dépôt : pnpm maille <commande> [options]

Commandes :
${commandLines().join('\n')}

Noms français acceptés aussi : demarrer, migrer (haut|bas|etat), peupler, exporter, importer,
sauvegarder, restaurer, personne (exporter|effacer). « key » (create|revoke|list) vaut « cle »,
« calendar » vaut « calendrier ».

Options :
  -h, --help   Affiche cette aide ; « maille <commande> --help » détaille une commande

${DATABASE}

La ligne de commande agit en administration de l’instance : elle peut tout lire et tout écrire.

${EXIT_CODES}
`;

export const HELP = {
  start: `Usage : maille start

Ce que lance « pnpm start » : applique les migrations en attente, ajoute la démonstration
(La Rochelle, Dronne et Belle ; personnes fictives) si elle n’est pas déjà dans la base,
affiche la santé de ses feuilles de route telle que la base la donne, puis sert l’API jusqu’à
Ctrl+C (ou SIGTERM), en affichant l’adresse de sa documentation, une clé d’API de la
coordinatrice de démonstration et le lien d’abonnement au calendrier de La Rochelle (une clé
et un lien neufs à chaque démarrage, les précédents révoqués).

Il lance aussi le bot et son répartiteur de rappels : sur Discord avec DISCORD_TOKEN, sinon
ici même, dans le terminal (tapez /aide ; les rappels qu’il enverrait s’affichent) ; /quitter
ou Ctrl+D arrêtent alors tout, comme Ctrl+C. Le terminal appartient à la discussion : le
journal des requêtes de l’API va dans un fichier à côté de la base (data/maille.log par défaut).

Instance réelle : MAILLE_DEMO=non démarre sans démonstration ; sur une base vide, la commande dit
comment créer la première personne chargée de la coordination (« maille coordination creer »).
Une démonstration retirée (« maille demo supprimer ») n’est jamais rajoutée. La santé affichée
est celle des gouvernances de l’instance (les dix premières), la démonstration marquée comme telle.

  MAILLE_DEMO           oui (par défaut) : la démonstration au premier démarrage ; non : aucune
  PORT                  le port de l’API (3000 ; 0 : n’importe quel port libre)
  DISCORD_TOKEN         le jeton du bot Discord (aucun : le bot répond dans le terminal)
  DISPATCH_INTERVAL_MS  l’intervalle entre deux passages du répartiteur (60 000)
  LOG_LEVEL             le journal des requêtes (fichier) : info par défaut, silent pour le taire
  Les autres réglages de l’API (limites, CORS, relais) : apps/api/README.md.

${DATABASE}
`,
  migrate: `Usage : maille migrate up|down|status

  up       Applique les migrations en attente (crée la base et ses tables au premier usage ;
           sur PostgreSQL, crée aussi le schéma DATABASE_SCHEMA s’il manque)
  down     Annule la dernière migration : ses tables et leurs données disparaissent.
           Demande --oui ; faites d’abord « maille backup » ou « maille export ».
  status   Liste les migrations, appliquées ou en attente

Options :
  --oui    Confirme « down »

Exemple : maille migrate up
`,
  seed: `Usage : maille seed --demo

Ajoute le jeu de démonstration : la CTIN de la communauté d’agglomération de La Rochelle et la
gouvernance de la communauté de communes de Dronne et Belle (lieux et institutions réels,
personnes fictives), datés par rapport à aujourd’hui. Une seule fois : relancée, la commande
ne change rien.

Exemple : maille seed --demo
`,
  places: `Usage : maille lieux importer <fichier>
       maille lieux rapport <imp_…>
       maille lieux exporter --gouvernance gov_… [--format json|csv] [--fichier f]
       maille lieux diagnostic --gouvernance gov_… [--fichier diagnostic.csv]

importer    Importe un fichier national de lieux de médiation numérique (schéma 1.0.2 ou
            anciens noms de champs ; JSON ou CSV séparé par , ou ; ; UTF-8, avec ou sans BOM ;
            50 Mo au plus), en entier ou pas du tout. Réimporté, le même fichier ne change rien.
            Le rapport est gardé : créés, mis à jour, inchangés, fusionnés, rejetés (avec le
            numéro de l’enregistrement et la raison), corrections faites, doublons probables.
rapport     Relit un rapport d’import, enregistrement par enregistrement.
exporter    Les lieux des communes d’une gouvernance, au schéma national (JSON par défaut).
diagnostic  Le diagnostic territorial : communes avec et sans lieu, population sans lieu,
            ouvertures le samedi et en soirée, itinérance, fiches à actualiser ; --fichier
            l’écrit en CSV (une ligne par commune).

Exemple : maille lieux importer charente.json
`,
  funding: `Usage : maille financements --gouvernance gov_… [--jours 90] [--fichier f.csv] [--remplacer]

Les échéances de financement à tenir — dossiers à déposer (lignes « Envisagé ») et bilans à rendre
(tant qu’ils ne sont pas remis) —, en retard puis dans les --jours à venir (90 par défaut), et par
financeur ce qui a été demandé, accordé et versé. --fichier écrit toutes les lignes et leur
calendrier en CSV (séparateur ;, pour un tableur).

Exemple : maille financements --gouvernance gov_dronnebelle --fichier financements.csv
`,
  territories: `Usage : maille territoires charger

Charge le répertoire officiel des territoires (paquet @etalab/decoupage-administratif, installé
avec Maille : rien n’est téléchargé) : les communes avec leurs codes postaux et leur population,
les EPCI avec leurs communes membres, les départements et les régions. Quelques secondes, en une
transaction. Relancée, la commande ne change rien ; après une nouvelle édition, une commune
fusionnée dans une autre est gardée avec son historique, marquée retirée.

Une gouvernance créée pour un EPCI ou un département par son code officiel prend ensuite son
périmètre (ses communes) dans ce répertoire.

Exemple : maille territoires charger
`,
  export: `Usage : maille export <gouvernance> [--fichier f] [--remplacer]

Exporte une gouvernance entière (instances, séances, feuille de route, fiches, jalons,
financements, points d’étape, indicateurs, historique, et les personnes, structures et
territoires qu’elle nomme) en un document JSON portable, le même depuis SQLite ou PostgreSQL.

Options :
  --fichier f    Écrit dans le fichier f (sinon, sur la sortie standard)
  --remplacer    Écrase f s’il existe déjà

Exemple : maille export gov_larochelle --fichier la-rochelle.json
`,
  import: `Usage : maille import <fichier>

Importe une gouvernance exportée par « maille export », identifiants compris, en une seule
transaction : au moindre problème, rien n’est écrit. La gouvernance ne doit pas déjà exister ;
les personnes, structures et territoires déjà connus sont gardés tels quels.

Exemple : maille import la-rochelle.json
`,
  backup: `Usage : maille backup <fichier> [--remplacer]

Copie la base SQLite pendant que le serveur et le bot continuent d’écrire (sauvegarde en ligne
de SQLite), puis vérifie la copie (PRAGMA integrity_check). La copie est un seul fichier.
Pour PostgreSQL, utilisez pg_dump (voir le README).

Options :
  --remplacer    Écrase le fichier s’il existe déjà

Exemple : maille backup sauvegardes/maille-2026-11-24.db
`,
  restore: `Usage : maille restore <fichier>

Remplace la base SQLite par une sauvegarde faite par « maille backup ». Avant de toucher à quoi
que ce soit, la sauvegarde est copiée à côté de la base et vérifiée : intégrité (PRAGMA
integrity_check), base de Maille, faite par cette version. Puis la base est verrouillée, gardée
à côté sous un nom qui lui est propre (….avant-restauration-<instant>) et remplacée en une fois.
Arrêtez d’abord le serveur et le bot : la commande refuse une base ouverte par un programme.
Pour PostgreSQL, utilisez pg_restore (voir le README).

Exemple : maille restore sauvegardes/maille-2026-11-24.db
`,
  person: `Usage : maille person export <personne> [--fichier f] [--remplacer]
        maille person erase <personne> --oui
        maille person courriel <personne> [--adresse a] [--par discussion|courriel|les_deux]

  export   Exporte en JSON tout ce que la base contient sur la personne (droit d’accès) :
           sa fiche et chaque enregistrement qui la nomme
  erase    Efface la personne (droit à l’effacement) : nom, courriel, téléphone et comptes de
           discussion disparaissent, et chaque texte qui la citait devient « membre supprimé ».
           Définitif : demande --oui.
  courriel Montre ou change l’adresse de la personne et par où lui parviennent ses rappels
           (discussion, courriel ou les_deux ; sans choix : Discord si un compte est lié,
           sinon courriel).

Options :
  --fichier f    export : écrit dans le fichier f (sinon, sur la sortie standard)
  --remplacer    export : écrase f s’il existe déjà
  --oui          erase : confirme l’effacement
  --adresse a    courriel : la nouvelle adresse électronique
  --par m        courriel : discussion, courriel ou les_deux

Exemples :
  maille person export per_lrmoreau --fichier moreau.json
  maille person erase per_lrmoreau --oui
`,
  key: `Usage : maille cle creer --personne <personne> [--libelle "…"]
        maille cle creer --admin [--personne <personne>] [--libelle "…"]
        maille cle revoquer <clé>
        maille cle lister

Les clés de l’API, de la forme mai_<identifiant>.<secret>. Seule une empreinte du secret est
gardée : le jeton s’affiche une fois, à la création.

  creer      Crée une clé qui agit pour une personne (ses rôles s’appliquent) ;
             --admin : une clé d’administration de l’instance
  revoquer   Révoque une clé : l’API la refuse aussitôt
  lister     Liste les clés, sans leurs secrets

Options :
  --personne p   La personne pour qui agit la clé (per_…)
  --admin        Une clé d’administration de l’instance
  --libelle l    À quoi sert la clé (par défaut : « Clé créée le … »)

Exemple : maille cle creer --personne per_lrmoreau --libelle "Tableau de bord"
`,
  calendar: `Usage : maille calendrier creer --gouvernance <gouvernance> [--libelle "…"]
        maille calendrier revoquer <lien>
        maille calendrier lister [--gouvernance <gouvernance>]

Les liens d’abonnement au calendrier d’une gouvernance (jalons et séances, au format ICS). Le
lien contient un secret qui en tient lieu de clé : seule son empreinte est gardée, il s’affiche
une fois, à la création. Ajoutez le chemin affiché à l’adresse de l’API.

  creer      Crée un lien vers le calendrier d’une gouvernance
  revoquer   Révoque un lien : l’API ne sert plus le calendrier à cette adresse
  lister     Liste les liens, sans leurs secrets

Options :
  --gouvernance g   La gouvernance (gov_…) ; pour lister, n’affiche que ses liens
  --libelle l       À quoi sert le lien (par défaut : « Lien créé le … »)

Exemple : maille calendrier creer --gouvernance gov_larochelle --libelle "Agenda des partenaires"
`,
  link: `Usage : maille lien creer --personne <personne>

Un code à usage unique qui lie le compte Discord d’une personne à sa fiche : la personne tape
« /lier CODE » dans le salon, et le bot la reconnaît. Le code vaut 24 heures et ne sert qu’une
fois ; seule son empreinte est gardée, il s’affiche une fois, à la création.

Options :
  --personne p   La personne (per_…)

Exemple : maille lien creer --personne per_lrgiraud
`,
  signIn: `Usage : maille connexion --personne <personne>

Un lien qui connecte la personne à l’espace web de Maille (servi par « maille start »), sans mot
de passe : il ne sert qu’une fois et vaut un quart d’heure ; la session qu’il ouvre dure 30 jours
ou jusqu’à la déconnexion. Seule son empreinte est gardée : il s’affiche une fois, à la création.

Avec --courriel, le lien part à l’adresse de la personne (pour qui n’est pas sur le chat) par le
serveur SMTP_HOST, ou s’affiche ici sans SMTP_HOST ; il vaut alors trois jours, le temps que le
courriel soit lu.

Options :
  --personne p   La personne (per_…)
  --courriel     Envoyer le lien par courriel au lieu de l’afficher

Exemple : maille connexion --personne per_lrmoreau --courriel
`,
  signOut: `Usage : maille deconnexion --personne <personne>

Ferme toutes les sessions de l’espace web ouvertes au nom de la personne (un téléphone perdu, un
départ) : chaque navigateur devra se reconnecter avec un nouveau lien.

Options :
  --personne p   La personne (per_…)

Exemple : maille deconnexion --personne per_lrgiraud
`,
  demo: `Usage : maille demo
       maille demo supprimer --oui

(sans sous-commande)
            Construit en mémoire les territoires de démonstration et affiche la santé de leurs
            feuilles de route telle que le noyau la calcule. Aucune base de données.
supprimer   Retire la démonstration de la base, en une transaction : ses gouvernances et tout
            ce qui s’y rattache (instances, séances, feuilles de route, fiches, jalons,
            financements, points d’étape, indicateurs, mesures, rappels, liens de calendrier),
            ses personnes fictives (avec leurs clés et sessions), structures et territoires — sauf
            ceux qu’une gouvernance réelle utilise, et jamais le répertoire officiel ni les lieux
            importés. L’historique garde la trace du retrait ; « maille start » ne la rajoute
            plus (« maille seed --demo » la remet). Demande --oui.

Exemple : maille demo supprimer --oui
`,
  coordination: `Usage : maille coordination creer --nom "Prénom Nom" --email adresse
                                  [--gouvernance "Nom" --territoire niveau:code]

Crée la personne chargée de la coordination (fonction « coordinateur »), et, avec --gouvernance,
sa gouvernance, dont elle est coordinatrice ; affiche un lien de connexion à l’espace web (un quart
d’heure, une seule fois). Connectée, elle fait tout le reste dans l’espace web, créer sa
gouvernance comprise. Relancée avec la même adresse, la commande ne crée rien et donne un nouveau
lien.

Options :
  --nom n           Son nom, tel qu’il s’affiche
  --email e         Son adresse électronique (une seule personne par adresse)
  --gouvernance g   Le nom de sa gouvernance, à ouvrir tout de suite
  --territoire t    Le territoire de la gouvernance : epci:<SIREN>, departement:17, region:75…
                    (après « maille territoires charger », il doit être au répertoire officiel)

Exemple : maille coordination creer --nom "Awa Diallo" --email awa.diallo@exemple.fr --gouvernance "Coordination du Grand Cognac" --territoire epci:200070514
`,
} as const;
