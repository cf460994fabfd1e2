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
    location: 'Où lire la ressource créée.',
    appendOnly:
      'Enregistrement en ajout seul : jamais modifié une fois écrit, il n’a ni version ni ETag, et aucune requête ne prend If-Match pour lui.',
    listRoadmaps: 'Lister les feuilles de route d’une gouvernance',
    listRoadmapsDescription:
      'Toutes pour qui lit la gouvernance ; sans clé, ou pour une personne sans rôle, seulement celles adoptées et publiées.',
    getRoadmap: 'Lire une feuille de route',
    createRoadmap: 'Créer une feuille de route (en brouillon)',
    createRoadmapDescription:
      'Les axes et les étapes de méthode font partie de la feuille de route : envoyez-les sans identifiant, le serveur leur en donne un.',
    updateRoadmap: 'Modifier une feuille de route (titre, période, axes, méthode, publication…)',
    updateRoadmapDescription:
      'Pour modifier les axes, envoyez la liste complète : un axe avec son identifiant est conservé, un axe sans identifiant est créé, un axe absent est retiré (409 s’il porte encore des fiches). Une feuille de route archivée ne change plus (409). Le statut change par /transitions, l’adoption par /adoption.',
    transitionRoadmap: 'Changer le statut d’une feuille de route',
    transitionRoadmapDescription:
      'Concertation, retour au brouillon, révision ou archivage ; l’adoption passe par /adoption. Un changement que le circuit ne prévoit pas reçoit 422.',
    adoptRoadmap: 'Adopter une feuille de route',
    adoptRoadmapDescription:
      'Enregistre la délibération et fige une version (1 à la première adoption, la suivante à chaque révision) : 201, Location vers la version créée. La version est en ajout seul (ni ETag ni If-Match) ; la feuille de route, elle, change de version : relisez-la pour son nouvel ETag.',
    listRoadmapVersions: 'Lister les versions figées d’une feuille de route',
    listRoadmapVersionsDescription:
      'De la plus ancienne (version 1) à la plus récente. Les versions sont en ajout seul : ni ETag ni If-Match.',
    getRoadmapVersion: 'Lire une version figée d’une feuille de route',
    versionNumber: 'Le numéro de la version (1 pour la première adoption).',
    createAction: 'Créer une fiche (fiche-projet « à mûrir »)',
    promoteAction: 'Promouvoir une fiche-projet en fiche-action',
    promoteActionDescription:
      'Refusé (422), chaque manque nommé, tant que la fiche n’a pas de responsable, de structure porteuse ou de jalon daté.',
    listRoadmapMilestones:
      'Lister les jalons d’une feuille de route (les siens et ceux de ses fiches)',
    listActionMilestones: 'Lister les jalons d’une fiche',
    getMilestone: 'Lire un jalon',
    createMilestone: 'Ajouter un jalon (à une fiche, ou à la feuille de route sans actionId)',
    updateMilestone: 'Modifier un jalon (titre, description, responsable, poids)',
    updateMilestoneDescription:
      'La date d’échéance ne change que par un report (/reschedule), qui garde l’ancienne date et la raison.',
    rescheduleMilestone: 'Reporter un jalon',
    rescheduleMilestoneDescription:
      'La nouvelle date et la raison ; l’historique des reports est conservé. Un jalon atteint ou annulé ne se reporte pas (409).',
    cancelMilestone: 'Annuler un jalon',
    cancelMilestoneDescription:
      'Il ne compte plus dans l’avancement et ne reçoit plus de rappels. Un jalon atteint ou déjà annulé : 409.',
    listFundingLines: 'Lister les financements d’une fiche',
    getFundingLine: 'Lire un financement',
    addFundingLine: 'Ajouter un financement à une fiche',
    updateFundingLine: 'Modifier un financement (montant, statut, financeur…)',
    getUpdate: 'Lire un point d’étape',
    listActionUpdates: 'Lister les points d’étape d’une fiche',
    listMilestoneUpdates: 'Lister les points d’étape d’un jalon',
    listRoadmapUpdates: 'Lister les points d’étape d’une feuille de route',
    listUpdatesDescription:
      'Du plus récent au plus ancien. Les points d’étape sont en ajout seul (ni ETag ni If-Match) : un point publié pendant la lecture apparaît en tête et ne décale pas les pages suivantes.',
    listIndicators: 'Lister les indicateurs d’une gouvernance',
    getIndicator: 'Lire un indicateur',
    createIndicator: 'Créer un indicateur',
    updateIndicator: 'Modifier un indicateur (définition, cibles)',
    installDefaultIndicators: 'Installer le référentiel d’indicateurs par défaut',
    installDefaultIndicatorsDescription:
      'Ajoute les indicateurs du référentiel de Maille dont la gouvernance n’utilise pas encore le code ; répond ceux qui ont été créés (une liste vide la deuxième fois).',
    listMeasurements: 'Lister les valeurs d’un indicateur',
    listMeasurementsDescription:
      'Toutes les révisions, par période, territoire puis révision : la dernière révision d’une valeur est la valeur en cours. Les mesures sont en ajout seul : ni ETag ni If-Match.',
    getMeasurement: 'Lire une valeur d’indicateur',
    recordMeasurement: 'Saisir une valeur d’indicateur',
    recordMeasurementDescription:
      'Une nouvelle saisie pour le même territoire et la même période ajoute une révision, sans rien écraser. Les mesures sont en ajout seul : ni ETag ni If-Match.',
    validateMeasurement: 'Valider une valeur d’indicateur',
    validateMeasurementDescription:
      'Ajoute une révision validée de la valeur en cours (201, Location vers elle). Une valeur dépassée par une révision plus récente, ou déjà validée : 409.',
  },
} as const;
