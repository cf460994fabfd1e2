/** Every text the web workspace shows, in French. */
export const fr = {
  appName: 'Maille',
  nav: {
    label: 'Navigation principale',
    home: 'Accueil',
    signOut: 'Se déconnecter',
    signedInAs: (name: string) => `Connecté·e : ${name}`,
  },
  home: {
    title: 'Accueil',
    welcome: (name: string) => `Bonjour ${name}`,
    noGovernance:
      'Vous ne participez encore à aucune gouvernance. Demandez à votre coordination de vous y ajouter.',
    myMilestones: 'Mes jalons',
    noMilestone: 'Aucun jalon à venir dans les 30 prochains jours.',
    myActions: 'Mes actions',
    noAction: 'Aucune action en cours à votre nom.',
    openGovernance: (name: string) => `Ouvrir la gouvernance ${name}`,
  },
  signedOut: {
    title: 'Connexion',
    lead: 'Maille se connecte sans mot de passe : votre coordination vous envoie un lien de connexion, valable un quart d’heure et utilisable une seule fois.',
    how: 'Pour en obtenir un : la commande « maille connexion --personne <identifiant> » sur le serveur, ou votre coordination.',
  },
  signIn: {
    title: 'Se connecter',
    lead: 'Ce lien ouvre une session à votre nom sur cet appareil, pour 30 jours ou jusqu’à votre déconnexion.',
    button: 'Me connecter',
    invalidTitle: 'Lien de connexion invalide',
    invalid:
      'Ce lien de connexion n’est plus valable : il a déjà servi, il a expiré (un quart d’heure) ou il est incomplet. Demandez-en un nouveau à votre coordination.',
  },
  governance: {
    late: 'Jalons en retard',
    noLate: 'Aucun jalon en retard.',
    upcoming: (days: number) => `Jalons des ${days} prochains jours`,
    noUpcoming: 'Aucun jalon dans cette période.',
    daysLate: (days: number) => (days === 1 ? 'en retard d’un jour' : `en retard de ${days} jours`),
    daysUntil: (days: number) =>
      days === 0 ? 'aujourd’hui' : days === 1 ? 'demain' : `dans ${days} jours`,
    roadmaps: 'Feuilles de route',
    progress: 'Avancement',
    funding: 'Financements',
    indicators: 'Indicateurs',
    indicator: 'Indicateur',
    period: 'Période',
    value: 'Valeur',
    target: 'Cible',
    noValue: '—',
    recentUpdates: 'Derniers points d’étape',
    noUpdate: 'Aucun point d’étape pour l’instant.',
    owner: (name: string) => `responsable : ${name}`,
    noOwner: 'sans responsable',
  },
  errors: {
    notFoundTitle: 'Page introuvable',
    notFound:
      'Cette page n’existe pas, ou vous n’avez pas accès à ce qu’elle montre. Vérifiez l’adresse, ou revenez à l’accueil.',
    forbiddenTitle: 'Envoi refusé',
    forbidden:
      'Ce formulaire ne vient pas d’une page de Maille : il a été refusé et rien n’a été enregistré. Rechargez la page et recommencez.',
    signInFirstTitle: 'Connexion nécessaire',
    signInFirst: 'Connectez-vous pour voir cette page.',
    failureTitle: 'Une erreur est survenue',
    failure:
      'Maille n’a pas pu afficher cette page. Rien de ce que vous aviez envoyé n’a été enregistré à moitié ; réessayez dans un instant.',
    backHome: 'Revenir à l’accueil',
  },
} as const;
