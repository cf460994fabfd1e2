import { plural } from '@maille/domain';

/** Every sentence the API says, in French, in one place. */
export const fr = {
  env: {
    invalid: (name: string, message: string) => `Variable d’environnement ${name} : ${message}`,
    databaseUrl:
      'adresse non reconnue : postgres://… pour PostgreSQL, ou un chemin de fichier SQLite.',
    schemaName:
      'nom de schéma invalide : lettres minuscules, chiffres et _ (63 caractères au plus).',
    port: 'un numéro de port de 0 à 65535 est attendu (0 : n’importe quel port libre).',
    bytes: 'un nombre entier d’octets, au moins 1, est attendu.',
    perMinute: 'un nombre entier de requêtes par minute, au moins 1, est attendu.',
    milliseconds: 'un nombre entier de millisecondes, de 0 à 60 000, est attendu.',
    hops: 'un nombre entier de relais de confiance, 0 ou plus, est attendu.',
    origins:
      'une liste d’origines séparées par des virgules est attendue, comme « https://a.example,https://b.example ».',
    logLevel: 'un niveau parmi fatal, error, warn, info, debug, trace ou silent est attendu.',
  },
  problems: {
    validation: {
      title: 'Données invalides',
      detail: (count: number) =>
        count === 1
          ? 'Une donnée de la requête est invalide.'
          : `${plural(count, 'donnée', 'données')} de la requête sont invalides.`,
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
      writeNeedsKey:
        'Une clé d’API est nécessaire pour modifier : envoyez l’en-tête « Authorization: Bearer mai_<identifiant>.<secret> » (une clé se crée avec « maille cle creer »).',
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
      modified: (read: number, current: number) =>
        `Cette ressource a été modifiée depuis votre lecture : vous avez lu sa version ${read}, elle en est à la version ${current}. Relisez-la, puis renvoyez sa nouvelle ETag dans If-Match.`,
      unknownVersion: (sent: number, current: number) =>
        `La version ${sent} de cette ressource n’existe pas : elle en est à la version ${current}. Relisez-la, puis renvoyez l’ETag qu’elle donne dans If-Match.`,
      otherEntity: (entityId: string) =>
        `L’en-tête If-Match contient l’ETag d’une autre ressource, pas celle de ${entityId} : lisez ${entityId}, puis renvoyez l’ETag qu’elle donne dans If-Match.`,
      unknownTag:
        'L’en-tête If-Match ne contient pas l’ETag de cette ressource (une valeur « "<identifiant>.<version>" » est attendue).',
    },
    erasureConfirmation: (personId: string) =>
      `Confirmation attendue : l’effacement est définitif. Renvoyez {"confirmation": "${personId}"}, l’identifiant de la personne à effacer.`,
    badCursor:
      'Curseur invalide : reprenez la valeur donnée par l’en-tête Link (rel="next") de la page précédente.',
    invalidTransition: { title: 'Changement d’état impossible' },
    unsupportedMediaType: {
      title: 'Type de contenu non pris en charge',
      detail: 'Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).',
      missing:
        'Cette opération attend un corps JSON : envoyez-le avec l’en-tête Content-Type: application/json.',
    },
    tooLarge: {
      title: 'Requête trop volumineuse',
      detail: (limit: number) =>
        `Le corps de la requête dépasse la taille autorisée (${limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} Mo` : limit >= 1024 ? `${Math.round(limit / 1024)} Ko` : `${limit} octets`}).`,
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
        : `Schéma mis à jour (${plural(count, 'migration appliquée', 'migrations appliquées')}).`,
    stopping: (signal: string) =>
      `Arrêt demandé (${signal}) : les requêtes en cours se terminent, puis la base est fermée.`,
    stopped: 'API arrêtée.',
    failed: (message: string) => `Démarrage impossible : ${message}`,
  },
  openapi: {
    title: 'API de Maille',
    description:
      'L’API de Maille : la gouvernance, la feuille de route, ses jalons et ses points d’étape. Authentification par clé d’API (« Authorization: Bearer mai_… ») ; sans clé, seules les feuilles de route adoptées et publiées sont lisibles. Les erreurs sont des documents application/problem+json (RFC 9457), en français.',
    server: 'Le serveur qui publie ce document, à son adresse.',
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
    governanceDashboard: 'Tableau de bord d’une gouvernance',
    governanceDashboardDescription:
      'Ce qu’ouvre un·e coordinateur·rice avant un comité de pilotage : jalons en retard et à venir, derniers points d’étape, indicateurs face à leurs cibles, financements obtenus face aux budgets et santé de chaque feuille de route en cours (les feuilles de route archivées sont laissées de côté). Lisible par qui peut consulter la gouvernance.',
    indicatorSeries: 'Série d’un indicateur, consolidée par territoire',
    indicatorSeriesDescription:
      'Les valeurs d’un indicateur période par période, pour les territoires du niveau demandé : saisies pour eux, ou consolidées à partir des territoires qu’ils contiennent selon la règle de l’indicateur. Chaque point dit combien de territoires y contribuent et combien l’annuaire en attend : une consolidation partielle se voit. Lisible par qui peut consulter la gouvernance.',
    readModels: {
      days: 'Combien de jours regarder pour les jalons à venir, de 1 à 366 (30 par défaut).',
      updatesCount: 'Combien de derniers points d’étape montrer, de 1 à 100 (10 par défaut).',
      personName: 'Le nom affiché (« membre supprimé » pour une personne effacée).',
      dueDate: 'L’échéance, jour du calendrier dans le fuseau de la gouvernance.',
      owner: 'La personne responsable du jalon, s’il y en a une.',
      milestoneAction: 'La fiche du jalon ; null pour un jalon de la feuille de route elle-même.',
      today: 'La date du jour dans le fuseau horaire de la gouvernance.',
      lateMilestones:
        'Les jalons en retard des feuilles de route en cours, les plus en retard d’abord.',
      upcomingMilestones:
        'Les jalons dus d’aujourd’hui à aujourd’hui + upcomingDays, les plus proches d’abord.',
      recentUpdates: 'Les derniers points d’étape, du plus récent au plus ancien.',
      subjectTitle:
        'Le titre de ce dont parle le point d’étape (fiche, jalon, feuille de route, gouvernance).',
      indicators: 'Chaque indicateur sur le territoire de la gouvernance, face à sa cible.',
      standingPeriod:
        'La période jugée : la période en cours si elle a une valeur, sinon la dernière période complète si elle en a une, sinon la période en cours.',
      running: 'La période n’est pas terminée : la cible est jugée au prorata du temps écoulé.',
      standingValue:
        'La valeur du territoire de la gouvernance : saisie pour lui, ou consolidée à partir des territoires qu’il contient.',
      contributors: 'Combien de territoires font la valeur (0 sans valeur).',
      provisional: 'Au moins une des valeurs utilisées est encore provisoire.',
      gap: 'Écart à la cible : valeur moins cible ; null sans l’une ou l’autre.',
      ratio: 'Taux d’atteinte de la cible (1 = cible atteinte exactement), plafonné à 10.',
      budgetCents: 'Budget des fiches non abandonnées, en centimes d’euro.',
      securedCents: 'Financements accordés ou versés, en centimes d’euro.',
      pendingCents: 'Financements demandés ou en instruction, en centimes d’euro.',
      gapCents:
        'Ce qui reste à trouver (budget moins financements obtenus, jamais négatif), en centimes.',
      securedRatio: 'Part du budget obtenue ; null sans budget ; peut dépasser 1.',
      fundingSummary: 'Le résumé en toutes lettres, tel qu’un lecteur français l’écrit.',
      roadmaps: 'La santé de chaque feuille de route en cours, la plus récente d’abord.',
      doneRate: 'Taux de réalisation des fiches-actions (0 à 1) ; null sans fiche-action.',
      progress: 'Avancement pondéré des fiches, de 0 à 100.',
      promotable: 'Fiches-projets complètes, qui peuvent devenir fiches-actions dès maintenant.',
      axes: 'Avancement pondéré de chaque axe, dans l’ordre de la feuille de route (puis « Sans axe »).',
      from: 'Première période montrée, incluse (ex. 2024, 2024-S1, 2024-T2, 2024-05).',
      to: 'Dernière période montrée, incluse ; 2024 va jusqu’en décembre 2024.',
      niveau:
        'Le niveau des territoires montrés (commune, epci, departement, region, pays) ; celui du territoire de la gouvernance par défaut.',
      level: 'Le niveau des territoires montrés.',
      entryLevel:
        'Le niveau où la plupart des valeurs sont saisies : celui dans lequel « expected » compte les territoires attendus. null sans valeur.',
      periods:
        'Les périodes, de la plus ancienne à la plus récente ; les périodes sans valeur entre deux valeurs sont listées, vides.',
      source:
        'mesure : saisie pour ce territoire ; consolidation : calculée à partir des territoires qu’il contient.',
      pointContributors:
        'Combien de territoires mesurés font la valeur (1 pour un territoire mesuré).',
      expected:
        'Combien de territoires du niveau de saisie l’annuaire place dans ce territoire (1 pour un territoire mesuré).',
      partial:
        'Moins de contributeurs qu’attendu : des territoires n’ont pas encore transmis leur valeur.',
      periodicite:
        'Agréger les valeurs dans des périodes plus longues (trimestrielle, semestrielle, annuelle), selon la règle d’agrégation de l’indicateur (somme, dernière valeur, moyenne, maximum) ; sa périodicité par défaut.',
      seriesPeriodicity: 'La périodicité des périodes de la série.',
      method:
        'saisie : valeurs saisies ; calcul : indicateur calculé à partir des données, dont seules les valeurs enregistrées sont montrées ici.',
    },
    calendarFeed: 'Le calendrier d’une gouvernance (iCalendar)',
    calendarFeedDescription:
      'Les jalons (journées entières) et les séances de la gouvernance, au format iCalendar, pour s’y abonner depuis un agenda. Sans clé d’API : le jeton secret du lien en tient lieu. Un lien inconnu ou révoqué répond 404.',
    calendarFeedToken: 'Le jeton secret du flux suivi de « .ics », tel que donné à sa création.',
    createCalendarFeed: 'Créer un lien d’abonnement au calendrier',
    createCalendarFeedDescription:
      'Réservé à la coordination. Le lien contient un secret : il n’est donné qu’une fois, dans cette réponse. Qui le détient lit le calendrier, jusqu’à sa révocation.',
    listCalendarFeeds: 'Lister les liens de calendrier d’une gouvernance (sans leur secret)',
    revokeCalendarFeed: 'Révoquer un lien de calendrier',
    personalCalendarFeed: 'Le lien de l’agenda personnel d’une personne',
    personalCalendarFeedDescription:
      'Le lien d’abonnement à l’agenda de la personne : les jalons qu’elle porte et les séances des instances où elle siège, dans toutes ses gouvernances. Réservé à la personne elle-même et à l’administration. 404 tant qu’aucun lien n’a été créé (POST).',
    renewPersonalCalendarFeed: 'Créer ou renouveler le lien de l’agenda personnel',
    renewPersonalCalendarFeedDescription:
      'Donne un nouveau lien et révoque aussitôt l’ancien, qui répond alors 404 : à faire si le lien a circulé. Réservé à la personne elle-même et à l’administration.',
    calendarFeedLabel: 'Un libellé pour retrouver le lien (ex. « Agenda du comité de pilotage »).',
    actionsCsv: 'Exporter les fiches d’une feuille de route (CSV)',
    milestonesCsv: 'Exporter les jalons d’une feuille de route (CSV)',
    measurementsCsv: 'Exporter les mesures des indicateurs d’une gouvernance (CSV)',
    organizationsCsv: 'Exporter la cartographie des structures d’une gouvernance (CSV)',
    organizationsCsvDescription:
      'Les structures situées sur le territoire de la gouvernance ou à l’intérieur, et celles qui portent ou accompagnent une de ses fiches.',
    csvDescription:
      'Pour un tableur français : séparateur « ; », encodage UTF-8 avec BOM, fins de ligne CRLF, dates AAAA-MM-JJ, montants en euros avec une virgule. Une cellule qui commencerait par = + - @ est précédée d’une apostrophe.',
    exportGovernance: 'Exporter une gouvernance entière (JSON)',
    exportGovernanceDescription:
      'Le document « maille.gouvernance » : instances, séances, feuilles de route, fiches, jalons, financements, points d’étape, indicateurs, mesures, historique, et les personnes, structures et territoires qu’ils citent. Contient des données personnelles : réservé à la coordination.',
    listTerritories: 'Lister les territoires',
    exportPersonalData: 'Exporter les données personnelles d’une personne',
    exportPersonalDataDescription:
      'Tout ce que la base garde sur la personne (droit d’accès) : sa fiche, et chaque enregistrement qui la nomme par son identifiant, son nom, son courriel, son téléphone ou son compte de discussion. Pour la personne elle-même, sa coordination ou l’administration de l’instance ; l’historique garde qui l’a demandé et quand.',
    erasePersonalData: 'Effacer une personne (droit à l’effacement)',
    erasePersonalDataDescription:
      'Efface le nom, le courriel et le téléphone de la personne, ses liens de discussion et ses sessions, et réécrit en « membre supprimé » chaque texte qui la citait ; ses points d’étape et l’historique restent, sans la nommer. En une transaction, comme « maille person erase --oui ». Le corps confirme l’effacement : {"confirmation": "<identifiant de la personne>"} (400 sinon, rien n’est effacé). 403 pour un·e administrateur·rice ou un·e coordinateur·rice qui voudrait s’effacer soi-même ; 409 si elle est déjà effacée. La réponse compte ce qui a été effacé ; l’historique de chaque gouvernance où elle participait garde qui l’a demandé, quand et par quel canal.',
    erasureConfirmation:
      'L’identifiant de la personne à effacer, recopié : l’effacement est définitif.',
    importPlaces: 'Importer un fichier national de lieux de médiation numérique',
    importPlacesDescription:
      'Le fichier tel que publié, en corps de la requête (JSON ou CSV séparé par « , » ou « ; », UTF-8 avec ou sans BOM, 50 Mo au plus ; le schéma 1.0.2 ou les anciens noms de champs), importé en entier ou pas du tout. Réimporté, le même fichier ne change rien. Répond le rapport, gardé : chaque enregistrement créé, mis à jour, inchangé, fusionné ou rejeté (avec sa position et la raison), les corrections faites et les doublons probables. Pour l’administration ou une coordination.',
    importPlacesBody: 'Le fichier de lieux, tel quel.',
    getPlacesImport: 'Lire le rapport d’un import de lieux',
    listPlacesImports: 'Lister les derniers imports de lieux',
    listGovernancePlaces: 'Lister les lieux d’une gouvernance',
    listGovernancePlacesDescription:
      'Les lieux de médiation situés dans les communes de la gouvernance, chacun avec la fraîcheur de sa fiche (« à vérifier » après 12 mois, « à actualiser » après 18), et les doublons probables à fusionner.',
    exportPlaces: 'Exporter les lieux d’une gouvernance au schéma national (JSON ou CSV)',
    diagnosis: 'Diagnostic territorial d’une gouvernance',
    diagnosisDescription:
      'Les communes du périmètre avec et sans lieu de médiation, la population des communes sans lieu, les lieux par service et par public, ouverts le samedi ou en soirée, itinérants, et ceux dont la fiche a plus de 18 mois.',
    diagnosisCsv: 'Diagnostic territorial en CSV (une ligne par commune)',
    mergePlaces: 'Fusionner deux fiches d’un même lieu',
    mergePlacesDescription:
      'Le lieu gardé prend les identifiants nationaux et les sources de l’autre, les listes des deux et les champs qui lui manquaient ; pour un champ qui diffère, « choices » dit quelle valeur garder (la sienne par défaut). Les conflits sont rendus et gardés dans l’historique : aucun champ n’est perdu en silence.',
    listTerritoriesDescription:
      'Les territoires de référence (communes, EPCI, départements, régions), lisibles par tous, sans clé.',
    getTerritory: 'Lire un territoire',
    createTerritory: 'Ajouter un territoire',
    updateTerritory: 'Modifier un territoire (administration de l’instance)',
    levelFilter:
      'Seulement les territoires de ce niveau (commune, epci, departement, region, pays).',
    searchQuery:
      'Seulement ceux dont le nom contient ce texte, sans tenir compte des accents ni des majuscules.',
    listOrganizations: 'Lister ou chercher les structures de l’annuaire',
    getOrganization: 'Lire une structure',
    createOrganization: 'Ajouter une structure à l’annuaire',
    updateOrganization: 'Modifier une structure',
    getPerson: 'Lire la fiche d’une personne',
    getPersonDescription:
      'Données personnelles : la fiche entière pour la personne elle-même, l’administration, la coordination d’une gouvernance où elle a un rôle ou un siège, et qui l’a ajoutée ; sans adresse électronique, téléphone, comptes de messagerie ni préférences de rappel pour les autres membres de ses gouvernances ; introuvable (404) pour tous les autres.',
    createPerson: 'Ajouter une personne à l’annuaire',
    updatePerson: 'Modifier la fiche d’une personne',
    createGovernance: 'Créer une gouvernance (vous en devenez coordinateur·rice)',
    assignRole: 'Donner ou changer le rôle d’une personne dans une gouvernance',
    removeRole: 'Retirer son rôle à une personne dans une gouvernance',
    addGovernanceOrganization:
      'Ajouter une structure à une gouvernance (membre ou co-porteur), ou changer son rôle',
    removeGovernanceOrganization: 'Retirer une structure d’une gouvernance',
    removeGovernanceOrganizationDescription:
      'Répond 204 sans corps, y compris si la structure n’en faisait pas partie : relisez la gouvernance pour son nouvel ETag.',
    listBodies: 'Lister les instances d’une gouvernance',
    listHistory: 'Lire l’historique d’une gouvernance : qui a modifié quoi, quand, par quel canal',
    listHistoryDescription:
      'Du plus récent au plus ancien, page par page (en-tête Link). Chaque élément donne l’événement tel qu’il est conservé (event) et sa lecture en français (line). Les champs personnels n’y figurent jamais ; après l’effacement d’une personne, ses modifications restent, attribuées à « membre supprimé ». Pour la coordination, les membres et les observateurs de la gouvernance.',
    historyEntity:
      'Seulement un type d’élément, par son nom français (gouvernance, feuille_de_route, action, jalon, financement, point_etape, instance, seance, indicateur, mesure, structure, personne, territoire, import_lieux) ou son code (governance, roadmap, milestone, funding_line…). Synonyme : entity.',
    historyEntityId:
      'Seulement l’historique de cet élément (son identifiant, ex. act_…), son type lu dans l’identifiant ; celui d’une action comprend ses jalons, financements et points d’étape, celui d’une feuille de route ses actions et les leurs. Synonyme : entityId.',
    historyAdded:
      'Pour une liste (versements, décisions, membres…) : les éléments ajoutés, chacun en quelques mots.',
    historyRemoved: 'Pour une liste : les éléments retirés.',
    historyChanged:
      'Pour une liste d’éléments identifiés (décisions, axes…) : ceux modifiés, tels qu’ils sont désormais.',
    historyDecision:
      'La décision de séance qui a fait la modification : « Décidé en Comité de pilotage du 12 mars 2027 : … ».',
    historyAuthor:
      'Le nom de l’auteur ; « membre supprimé » après un effacement, « administration de l’instance » pour une clé d’administration sans personne, « Maille » pour la ligne de commande ou un traitement sans auteur.',
    historyLine:
      'L’événement lu en français : qui, quand, par quel canal, quoi, et les champs modifiés avant → après.',
    getBody: 'Lire une instance et ses membres',
    createBody: 'Créer une instance',
    updateBody: 'Modifier une instance ; ses membres se modifient en renvoyant la liste entière',
    listMeetings: 'Lister les séances d’une gouvernance',
    bodyFilter: 'Seulement les séances de cette instance.',
    getMeeting: 'Lire une séance',
    scheduleMeeting: 'Programmer une séance d’une instance',
    updateMeeting: 'Modifier une séance : ordre du jour, compte rendu, décisions, présences',
    recordDecision:
      'Consigner une décision de séance, qui peut agir : adopter une feuille de route, créer ou modifier une action, reporter un jalon',
    recordDecisionDescription:
      'La décision et son effet s’écrivent ensemble ou pas du tout : 201 avec la séance, où la décision porte son effet et ce qu’il a changé (outcome) ; l’action, le jalon ou la feuille de route changés la nomment (decidedBy), comme leur historique. Il faut pouvoir gérer les séances et faire soi-même le changement. Seule une séance tenue, ou prévue ce jour ou avant, consigne une décision (409 si elle est à venir ou annulée) ; ce que vise l’effet doit être de la gouvernance de la séance (400, le champ nommé). Les règles du changement valent : un jalon atteint (409), une feuille de route déjà adoptée (422), une date identique (400). Une décision qui a agi ne se retire ni ne se reformule ensuite (PATCH de la séance : 400).',
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
    updateFundingLine:
      'Modifier un financement (montant, statut, financeur, dates du calendrier…) ; chaque changement de statut est gardé avec sa date et son auteur',
    recordFundingPayment: 'Enregistrer un versement reçu sur un financement accordé',
    recordFundingPaymentDescription:
      'Ajoute un versement (date, montant, note). Refusé si les versements dépassent le montant accordé ou précèdent la décision. Le versement qui complète le montant accordé passe le financement à « Versé ».',
    correctFundingPayment: 'Corriger un versement enregistré par erreur',
    correctFundingPaymentDescription:
      'Remplace le versement de ce rang (date, montant, note) sous If-Match. Refusé si les versements dépassent le montant accordé, précèdent la décision ou sont datés dans le futur ; un rang inconnu : 404. Un financement « Versé » qui n’est plus entièrement versé repasse à « Accordé ».',
    deleteFundingPayment: 'Supprimer un versement enregistré par erreur',
    deleteFundingPaymentDescription:
      'Retire le versement de ce rang sous If-Match ; un rang inconnu : 404. Un financement « Versé » qui n’est plus entièrement versé repasse à « Accordé ».',
    fundingCalendar: 'Calendrier des financements et vue par financeur',
    fundingCalendarDescription:
      'Les échéances à tenir (dépôts de dossier, bilans, en retard puis à venir), chaque financement avec ses dates, montants accordés et versés, et par financeur ce qui a été demandé, accordé et versé.',
    fundingLinesCsv: 'Les financements de la gouvernance et leur calendrier (CSV)',
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
    idempotencyKey:
      'Facultatif : une clé unique par opération (1 à 255 caractères, par exemple un UUID entre guillemets). Renvoyée avec le même corps, la requête n’est pas rejouée : la première réponse est renvoyée, avec l’en-tête Idempotency-Replayed: true, pendant 24 heures. Même clé, autre corps : 422 ; requête encore en cours : 409.',
    createLinkCode: 'Créer un code de liaison d’un compte de messagerie (Discord)',
    createLinkCodeDescription:
      'Un code à usage unique, valable 24 heures, que la personne tape dans le salon avec « /lier CODE » pour lier son compte Discord à sa fiche. Donné une seule fois, dans cette réponse ; seule son empreinte est conservée. Réservé à la personne elle-même, à la coordination d’une gouvernance où elle intervient et à l’administration.',
  },
  calendars: {
    defaultLabel: (date: string) => `Lien créé le ${date}`,
    unknownFeed: 'Ce lien de calendrier est inconnu ou a été révoqué.',
    noPersonalFeed:
      'Cette personne n’a pas encore de lien d’agenda : créez-le avec POST sur la même adresse.',
  },
  linkCodes: {
    howTo: (code: string) => `Dans le salon Discord, tapez : /lier ${code}`,
  },
  places: {
    alreadyMerged: (id: string, into: string) =>
      `La fiche ${id} a déjà été fusionnée dans ${into} : rien n’a été fait. Relisez les lieux et leurs doublons, puis recommencez.`,
  },
} as const;
