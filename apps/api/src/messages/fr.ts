/** Every sentence the API says, in French, in one place. */
export const fr = {
  env: {
    invalid: (name: string, message: string) => `Variable d’environnement ${name} : ${message}`,
    databaseUrl:
      'adresse non reconnue : postgres://… pour PostgreSQL, ou un chemin de fichier SQLite.',
    schemaName:
      'nom de schéma invalide : lettres minuscules, chiffres et _ (63 caractères au plus).',
    port: 'un numéro de port entre 1 et 65535 est attendu.',
    bytes: 'un nombre entier d’octets, au moins 1, est attendu.',
    perMinute: 'un nombre entier de requêtes par minute, au moins 1, est attendu.',
    hops: 'un nombre entier de relais de confiance, 0 ou plus, est attendu.',
    origins:
      'une liste d’origines séparées par des virgules est attendue, comme « https://a.example,https://b.example ».',
    logLevel: 'un niveau parmi fatal, error, warn, info, debug, trace ou silent est attendu.',
  },
  problems: {
    validation: {
      title: 'Données invalides',
      detail: (count: number) =>
        new Intl.PluralRules('fr').select(count) === 'one'
          ? 'Une donnée de la requête est invalide.'
          : `${count} données de la requête sont invalides.`,
    },
    malformedJson: {
      title: 'JSON mal formé',
      detail: 'Le corps de la requête n’est pas un document JSON valide.',
    },
    badRequest: { title: 'Requête mal formée', detail: 'La requête est mal formée.' },
    unauthenticated: {
      title: 'Authentification refusée',
      malformed:
        'L’en-tête Authorization doit être de la forme « Bearer mai_<identifiant>.<secret> ».',
      unknownKey: 'Cette clé d’API est inconnue ou révoquée.',
    },
    forbidden: { title: 'Action interdite' },
    notFound: { title: 'Introuvable' },
    unknownRoute: (method: string, path: string) =>
      `Aucune ressource ne répond à ${method} ${path}.`,
    conflict: { title: 'Conflit' },
    preconditionRequired: {
      title: 'Précondition requise',
      detail:
        'Cette modification exige l’en-tête If-Match : renvoyez l’ETag reçu en lisant la ressource, pour ne pas écraser une modification faite entre-temps.',
    },
    preconditionFailed: {
      title: 'Précondition non remplie',
      stale:
        'Cette ressource a été modifiée depuis votre lecture : relisez-la, puis renvoyez sa nouvelle ETag dans If-Match.',
      unknownTag:
        'L’en-tête If-Match ne contient pas l’ETag de cette ressource (une valeur « "<identifiant>.<version>" » est attendue).',
    },
    badCursor:
      'Curseur invalide : reprenez la valeur donnée par l’en-tête Link (rel="next") de la page précédente.',
    invalidTransition: { title: 'Changement d’état impossible' },
    unsupportedMediaType: {
      title: 'Type de contenu non pris en charge',
      detail: 'Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).',
    },
    tooLarge: {
      title: 'Requête trop volumineuse',
      detail: (limit: number) =>
        `Le corps de la requête dépasse la taille autorisée (${limit} octets).`,
    },
    tooManyRequests: {
      title: 'Trop de requêtes',
      detail: (limit: number) =>
        `Limite de ${limit} requêtes par minute atteinte : réessayez après le délai donné par l’en-tête Retry-After (en secondes).`,
    },
    unavailable: {
      title: 'Service indisponible',
      database: 'La base de données ne répond pas.',
    },
    internal: {
      title: 'Erreur interne',
      detail:
        'Une erreur inattendue est survenue. Si elle se répète, transmettez l’identifiant de la requête à l’équipe qui exploite Maille.',
    },
    idempotencyKey: {
      title: 'Clé d’idempotence invalide',
      malformed:
        'L’en-tête Idempotency-Key doit contenir de 1 à 255 caractères ASCII imprimables, de préférence entre guillemets (« "8e03978e-40d5-43e8-bc93-6894a57f9324" »).',
      anonymous:
        'L’en-tête Idempotency-Key exige une clé d’API : sans elle, rien ne distingue vos requêtes de celles d’un autre client.',
    },
    idempotencyKeyReused: {
      title: 'Clé d’idempotence déjà utilisée',
      detail:
        'Cette clé d’idempotence a déjà servi pour une requête au contenu différent : choisissez une nouvelle clé pour une nouvelle requête.',
    },
    requestInProgress: {
      title: 'Requête déjà en cours',
      detail:
        'Une requête avec cette clé d’idempotence est encore en cours : attendez sa réponse, puis réessayez avec la même clé pour la recevoir.',
    },
    idempotencyInterrupted:
      'Une requête précédente avec cette clé d’idempotence a produit son effet, mais sa réponse a été perdue (interruption du serveur) : relisez la ressource plutôt que de renvoyer la requête.',
    methodNotAllowed: {
      title: 'Méthode non autorisée',
      detail: (method: string, path: string, allowed: readonly string[]) =>
        `${path} ne répond pas à ${method} ; méthodes acceptées : ${allowed.join(', ')}.`,
    },
  },
  server: {
    listening: (url: string) => `API de Maille à l’écoute sur ${url}`,
    database: (where: string) => `Base de données : ${where}`,
    migrated: (count: number) =>
      count === 0
        ? 'Schéma à jour.'
        : `Schéma mis à jour (${count} ${new Intl.PluralRules('fr').select(count) === 'one' ? 'migration appliquée' : 'migrations appliquées'}).`,
    stopping: (signal: string) =>
      `Arrêt demandé (${signal}) : les requêtes en cours se terminent, puis la base est fermée.`,
    stopped: 'API arrêtée.',
    failed: (message: string) => `Démarrage impossible : ${message}`,
  },
  openapi: {
    title: 'API de Maille',
    description:
      'L’API de Maille : la gouvernance, la feuille de route, ses jalons et ses points d’étape. Authentification par clé d’API (« Authorization: Bearer mai_… ») ; sans clé, seules les feuilles de route adoptées et publiées sont lisibles. Les erreurs sont des documents application/problem+json (RFC 9457), en français.',
    healthz: 'Le serveur répond',
    readyz: 'Le serveur est prêt : la base de données répond',
    roadmapHealth: 'Santé d’une feuille de route',
    roadmapHealthDescription:
      'Avancement, jalons en retard et à venir, financements : ce que regarde un comité de pilotage. Lisible sans clé pour une feuille de route adoptée et publiée.',
    recordUpdate: 'Publier un point d’étape',
    completeMilestone: 'Marquer un jalon comme atteint',
    problem: 'Un problème (RFC 9457), en français',
    listGovernances: 'Lister les gouvernances visibles',
    getGovernance: 'Lire une gouvernance',
    updateGovernance: 'Modifier une gouvernance',
    listActions: 'Lister les fiches d’une feuille de route',
    getAction: 'Lire une fiche',
    updateAction: 'Modifier une fiche',
    transitionAction: 'Changer le statut d’une fiche',
    etag: 'La version lue, à renvoyer dans If-Match pour la modifier.',
    ifMatch:
      'L’ETag de la version lue (obligatoire) : si la ressource a changé depuis, la modification est refusée (412).',
    link: 'La page suivante, quand il y en a une : <…?cursor=…&limit=…>; rel="next".',
    limit: 'Nombre d’éléments par page, de 1 à 100 (50 par défaut).',
    cursor: 'Où reprendre : la valeur donnée par l’en-tête Link de la page précédente.',
    patch:
      'Les champs à modifier, et eux seuls ; null vide un champ facultatif. Un champ inconnu est refusé.',
    idempotencyKey:
      'Facultatif : une clé unique par opération (1 à 255 caractères, par exemple un UUID entre guillemets). Renvoyée avec le même corps, la requête n’est pas rejouée : la première réponse est renvoyée, avec l’en-tête Idempotency-Replayed: true, pendant 24 heures. Même clé, autre corps : 422 ; requête encore en cours : 409.',
  },
} as const;
