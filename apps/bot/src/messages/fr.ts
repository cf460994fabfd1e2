import { plural, pluralWord } from '@maille/domain';
import { discordTime, frenchDate, frenchShortDate } from './dates.ts';

/**
 * Every sentence of the bot, in French, in one place: the conversation (a section per command),
 * the check-in form, the reminders and the digest, the dispatcher's reasons, the console and the
 * programs. Times are Discord timestamps (`<t:UNIX:D>`): each reader sees them in their own time
 * zone, the console in the governance's.
 */

/** A calendar day as a Discord timestamp: noon in the governance's zone, shown as a date. */
type DayStamp = string;

/** A date as people type it: `2026-12-01` or `01/12/2026`. */
const DATE_HINT = 'AAAA-MM-JJ ou JJ/MM/AAAA';
const SEARCH_HINT = '(tapez pour chercher)';

export const fr = {
  // ─── The conversation, whatever the command ──────────────────────────────────────────────
  unlinked:
    'Je ne vous connais pas encore. Demandez un code de liaison à la coordination de votre gouvernance, puis tapez `/lier CODE` ici.',
  unknownCommand: (name: string) =>
    `Je ne connais pas la commande « /${name} ». Tapez \`/aide\` pour voir ce que je sais faire.`,
  missingOption: (name: string) => `Il manque « ${name} ».`,
  optionTooLong: (name: string, length: number, max: number) =>
    `« ${name} » est trop long : ${plural(length, 'caractère', 'caractères')} pour ${max} au plus. Rien n’a été enregistré.`,
  /** The line under a refused option: the command written as it should be. */
  example: (line: string) => `Par exemple : \`${line}\``,
  unexpected:
    'Désolé, quelque chose s’est mal passé de mon côté. Réessayez dans un instant ; si cela persiste, prévenez la coordination.',
  refused: (message: string) => `⚠️ ${message}`,
  invalid: (messages: string[]) =>
    messages.length === 1
      ? `⚠️ ${messages[0]}`
      : `⚠️ Plusieurs choses ne vont pas :\n${messages.map((m) => `• ${m}`).join('\n')}`,
  invalidDate: (text: string) =>
    `« ${text} » n’est pas une date que je comprends : écrivez-la 2026-12-01 ou 01/12/2026.`,
  invalidNumber: (text: string) => `« ${text} » n’est pas un nombre.`,
  outdatedButton:
    'Ce bouton vient d’une ancienne version du bot et ne fonctionne plus. Utilisez les commandes (`/jalons`, `/point`) à la place.',
  unknownButton: 'Je ne reconnais pas ce bouton. Utilisez les commandes (`/jalons`, `/point`).',
  alreadyNoted: 'Déjà noté : ce rappel a déjà reçu une réponse. Merci !',
  notFoundAmongMine: (kind: string, text: string) =>
    `Je ne trouve pas « ${text} » parmi ${kind}. Choisissez dans la liste proposée, ou tapez \`/jalons\`.`,
  ambiguous: (text: string, names: string[]) =>
    `« ${text} » désigne plusieurs choses : ${names.map((n) => `« ${n} »`).join(', ')}. Précisez.`,
  truncated: '\n… (la suite est coupée : voyez le détail dans Maille)',

  subjects: {
    mine: 'vos actions et jalons',
    milestones: 'vos jalons',
    indicators: 'les indicateurs de vos gouvernances',
    governances: 'les gouvernances que vous coordonnez',
    milestone: (title: string, due: string) => `Jalon · ${title} (${due})`,
    action: (code: string, title: string) => `Action ${code} · ${title}`,
  },

  // ─── One section per command: its description, its options, an example, its answers ─────
  aide: {
    description: 'Ce que le bot sait faire',
    example: '/aide',
    title: 'Ce que je sais faire :',
    line: (name: string, description: string) => `• \`/${name}\` — ${description}`,
    buttons:
      'Sous mes rappels, les boutons « Fait », « Point d’étape », « Reporter d’une semaine » et « Rien de neuf » répondent en un clic.',
  },

  jalons: {
    description: 'Mes jalons à venir et en retard (vous seul·e voyez la réponse)',
    example: '/jalons',
    title: 'Vos jalons',
    governance: (name: string, demo = false) => `__${name}__${demo ? ' (démonstration)' : ''}`,
    line: (m: {
      title: string;
      actionTitle?: string | undefined;
      due: DayStamp;
      daysLate: number;
      /** The day of the meeting whose decision rescheduled it, if one did. */
      decidedOn?: DayStamp | undefined;
    }) =>
      `• **${m.title}**${m.actionTitle ? ` (${m.actionTitle})` : ''} — ${m.daysLate > 0 ? `🔴 en retard de ${plural(m.daysLate, 'jour', 'jours')} (prévu le ${m.due})` : `pour le ${m.due}`}${m.decidedOn ? ` · reporté par décision de la séance du ${m.decidedOn}` : ''}`,
    none: 'Aucun jalon en retard ni dans les 30 prochains jours. 🎉',
    noGovernance: 'Vous ne faites partie d’aucune gouvernance pour l’instant.',
    hint: 'Pour en parler : `/point`, `/fait`, `/reporter`.',
  },

  point: {
    description: 'Donner un point d’étape sur une de mes actions ou un de mes jalons',
    sujet: `L’action ou le jalon ${SEARCH_HINT}`,
    example: '/point sujet:"Charte de la communauté"',
  },

  fait: {
    description: 'Marquer un de mes jalons comme atteint',
    jalon: `Le jalon ${SEARCH_HINT}`,
    example: '/fait jalon:"Charte de la communauté"',
    done: (title: string) => `✅ « ${title} » est atteint. Bravo !`,
  },

  reporter: {
    description: 'Reporter un de mes jalons à une nouvelle date, en disant pourquoi',
    jalon: `Le jalon ${SEARCH_HINT}`,
    date: `La nouvelle date (${DATE_HINT})`,
    raison: 'Pourquoi ce report',
    example: '/reporter jalon:"Bilan annuel" date:05/02/2027 raison:Salle prise',
    rescheduled: (title: string, day: DayStamp) => `📅 « ${title} » est reporté au ${day}.`,
  },

  indicateur: {
    description: 'Saisir la valeur d’un indicateur pour la période en cours',
    indicateur: `L’indicateur ${SEARCH_HINT}`,
    valeur: 'La valeur',
    example: '/indicateur indicateur:participants valeur:12',
    recorded: (label: string, value: string, period: string) =>
      `📊 ${value} enregistré pour « ${label} » (${period}), en provisoire : la coordination le validera.`,
  },

  feuille: {
    description: 'La santé de la feuille de route, en bref',
    example: '/feuille',
    title: 'Santé des feuilles de route',
    roadmap: (r: {
      title: string;
      progress: number;
      actions: number;
      done: number;
      late: number;
      upcoming: number;
      withoutOwner: number;
    }) =>
      [
        `**${r.title}** — avancement ${r.progress} %`,
        `  ${plural(r.actions, 'fiche', 'fiches')}, ${plural(r.done, 'réalisée', 'réalisées')} · ${r.late > 0 ? `🔴 ${plural(r.late, 'jalon en retard', 'jalons en retard')}` : 'aucun jalon en retard'} · ${plural(r.upcoming, 'jalon', 'jalons')} dans les 30 jours${r.withoutOwner > 0 ? ` · ${plural(r.withoutOwner, 'fiche sans porteur', 'fiches sans porteur')}` : ''}`,
      ].join('\n'),
    computed: (
      governance: string,
      figures: { label: string; value: number | null; unit: string; period: string }[],
    ) =>
      [
        `**Indicateurs calculés — ${governance}**`,
        ...figures.map(
          (f) =>
            `  ${f.label} (${f.period}) : ${f.value === null ? 'pas de donnée à compter' : `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(f.value)}${f.unit === 'pourcentage' ? ' %' : f.unit === 'euros' ? ' €' : ''}`}`,
        ),
      ].join('\n'),
    none: 'Aucune feuille de route à montrer.',
  },

  absence: {
    description: 'Suspendre mes rappels jusqu’à une date (« fin » pour les reprendre)',
    date: `Le jour du retour (${DATE_HINT}), ou « fin »`,
    example: '/absence date:15/12/2026',
    paused: (day: DayStamp) =>
      `🌴 Vos rappels sont suspendus jusqu’au ${day}. Tapez \`/absence fin\` pour les reprendre plus tôt.`,
    resumed: 'Vos rappels reprennent. Bon retour !',
  },

  lier: {
    description: 'Lier mon compte à ma fiche avec le code reçu de la coordination',
    code: 'Le code, comme ABCD-EFGH',
    example: '/lier code:ABCD-EFGH',
    done: (name: string) =>
      `Bienvenue ${name} ! Votre compte est lié : je vous enverrai vos rappels ici. Tapez \`/jalons\` pour voir ce que vous portez, \`/aide\` pour le reste.`,
    badCode:
      'Ce code est inconnu, expiré ou déjà utilisé. Demandez-en un nouveau à la coordination (il vaut 24 heures, une fois).',
    already: (name: string) =>
      `Votre compte est déjà lié à ${name}. Tapez \`/delier\` d’abord pour le lier à une autre fiche.`,
    taken: 'Ce compte est déjà lié à une autre personne : il faut d’abord l’en délier.',
  },

  delier: {
    description: 'Délier mon compte de ma fiche',
    example: '/delier',
    unlinked: 'Votre compte est délié : je ne vous enverrai plus de rappels ici.',
  },

  connexion: {
    description: 'Recevoir un lien de connexion à l’espace web (visible de vous seul·e)',
    example: '/connexion',
    link: (url: string, until: string) =>
      `Votre lien de connexion à l’espace web, à usage unique, valable jusqu’à ${until} : ${url}\nNe le partagez pas : il ouvre une session à votre nom.`,
    noAddress:
      'L’adresse de l’espace web n’est pas réglée sur ce serveur (variable WEB_URL) : demandez un lien à votre coordination.',
  },

  agenda: {
    description:
      'Recevoir le lien de votre agenda à ajouter à votre calendrier (visible de vous seul·e)',
    renouveler: 'Tapez « oui » pour un nouveau lien : l’ancien cesse aussitôt de fonctionner',
    example: '/agenda renouveler:oui',
    link: (url: string) =>
      `Votre agenda (vos jalons et les séances de vos instances) : ${url}\nAjoutez ce lien à votre calendrier (Outlook, Google Agenda, Thunderbird : « s’abonner à un calendrier par URL »). Ne le partagez pas ; s’il a circulé, tapez /agenda renouveler:oui.`,
    renewed: (url: string) =>
      `Nouveau lien de votre agenda : ${url}\nL’ancien ne fonctionne plus : remplacez-le dans votre calendrier.`,
    renewHow:
      'Pour changer de lien, tapez /agenda renouveler:oui (l’ancien cessera de fonctionner).',
    noAddress:
      'L’adresse de l’espace web n’est pas réglée sur ce serveur (variable WEB_URL) : demandez votre lien d’agenda à votre coordination.',
  },

  configurer: {
    description: 'Coordination : faire de ce salon celui de la communauté de la gouvernance',
    gouvernance: 'La gouvernance, si vous en coordonnez plusieurs',
    example: '/configurer gouvernance:"La Rochelle"',
    notInChannel: 'Tapez `/configurer` dans le salon de la communauté, sur le serveur.',
    notCoordinator: 'Seule la coordination d’une gouvernance peut choisir son salon.',
    choose: (names: string[]) =>
      `Vous coordonnez plusieurs gouvernances : précisez laquelle (${names.map((n) => `« ${n} »`).join(', ')}).`,
    done: (name: string) =>
      `✅ Ce salon est désormais celui de la communauté de « ${name} » : le résumé de la semaine et les rappels en mention y arriveront.`,
  },

  // ─── Buttons and forms ───────────────────────────────────────────────────────────────────
  checkIn: {
    formTitle: 'Point d’étape',
    text: 'Où en êtes-vous ?',
    status: 'Nouveau statut (facultatif)',
    progress: 'Avancement en % (facultatif)',
    recorded: (title: string) => `📝 Point d’étape enregistré sur « ${title} ». Merci !`,
    share: 'Partager dans le salon',
    shared: (author: string, title: string, text: string) =>
      `📣 **${author}** donne un point d’étape sur « ${title} » :\n> ${text.replace(/\n/g, '\n> ')}`,
    notYours: 'Seul·e l’auteur·rice d’un point d’étape peut le partager.',
    noCommunityChannel:
      'Aucun salon de la communauté n’est configuré pour cette gouvernance : demandez à la coordination de taper `/configurer` dans ce salon.',
    sharedConfirmation: '📣 Partagé dans le salon de la communauté.',
    badProgress: (text: string) =>
      `« ${text} » n’est pas un avancement : un nombre entier de 0 à 100 est attendu.`,
    badStatus: (text: string, allowed: string[]) =>
      `« ${text} » n’est pas un statut possible ici. Possibles : ${allowed.join(', ')}.`,
    emptyText: 'Écrivez quelques mots sur l’avancement.',
    keptText: (text: string) =>
      `Rien n’est enregistré. Votre texte, pour le recopier dans \`/point\` :\n> ${text.replace(/\n/g, '\n> ')}`,
    textTooLong: (max: number) => `Le texte est trop long : ${max} caractères au plus.`,
    nothingNew: 'Rien de neuf.',
    nothingNewNoted: (title: string) => `👍 Noté : rien de neuf sur « ${title} ».`,
  },

  weekLater: 'Reporté d’une semaine depuis un rappel.',

  reminderButtons: {
    done: 'Fait',
    checkIn: 'Point d’étape',
    postpone: 'Reporter d’une semaine',
    nothingNew: 'Rien de neuf',
  },

  // ─── Reminders and the weekly digest ─────────────────────────────────────────────────────
  reminders: {
    milestoneIn(days: number): string {
      if (days <= 0) return '🎯 **Jalon aujourd’hui**';
      if (days === 1) return '⏳ **Jalon demain**';
      return `⏳ **Jalon dans ${days} jours**`;
    },
    milestoneLate: (days: number) => `⚠️ **Jalon en retard de ${plural(days, 'jour', 'jours')}**`,
    milestoneDue: (date: string) => `Échéance : **${frenchDate(date)}**.`,
    milestoneWasDue: (date: string) => `Il était prévu pour le **${frenchDate(date)}**.`,
    milestoneAsk: 'Où en êtes-vous ? Répondez en un clic :',
    milestoneLateAsk: 'Atteint, à reporter, ou un point d’étape pour dire où il en est ?',
    ofAction: (action: string) => `Action ${action}.`,
    checkinTitle: (action: string) => `🗓️ **Point de la semaine** sur l’action **${action}**`,
    checkinAsk: 'Où en est-elle ? Un point d’étape en deux clics, ou « Rien de neuf ».',
    collectionTitle: (label: string, period: string) =>
      `📊 **Collecte d’indicateur** : « ${label} », ${period}`,
    collectionPerson: 'La période est terminée : saisissez sa valeur avec `/indicateur`.',
    collectionChannel:
      'La période est terminée : sa valeur est attendue. Vous avez le chiffre ? Transmettez-le aux coordinateur·rices, qui le saisissent avec `/indicateur`.',
    meetingTitle: (body: string, title: string | undefined) =>
      `🏛️ **${body}** — ${title ?? 'séance'}`,
    meetingWhen: (instant: string) => `Le ${discordTime(instant)}.`,
    meetingPlace: (place: string) => `Lieu : ${place}.`,
    meetingLink: (link: string) => `Lien : ${link}`,
    meetingAgenda: '**Ordre du jour**',
    meetingNoAgenda: 'L’ordre du jour n’est pas encore publié.',
    fundingIn(deadline: 'depot' | 'bilan', days: number): string {
      const what =
        deadline === 'depot' ? 'Dépôt du dossier de financement' : 'Bilan à rendre au financeur';
      if (days <= 0) return `💶 **${what} : aujourd’hui**`;
      if (days === 1) return `💶 **${what} : demain**`;
      return `💶 **${what} dans ${days} jours**`;
    },
    fundingDue: (date: string) => `Date limite : **${frenchDate(date)}**.`,
    fundingFunder: (funder: string, amount: string) => `Financeur : ${funder}, ${amount}.`,
    fundingDepotAsk:
      'Une fois le dossier déposé, passez le financement à « Demandé » : les rappels s’arrêtent.',
    fundingBilanAsk:
      'Une fois le bilan remis, indiquez sa date de remise sur le financement : les rappels s’arrêtent.',
    digestFunding: (count: number) => `**Financements : échéances à tenir (${count})**`,
    digestFundingLine: (label: string, funder: string, date: string, late: boolean) =>
      `- ${label} — ${funder}, ${frenchShortDate(date)}${late ? ' (dépassée)' : ''}`,
    digestTitle: (name: string) => `📰 **La semaine de ${name}**`,
    digestLate: (count: number) => `**Jalons en retard (${count})**`,
    digestUpcoming: (count: number) => `**À venir dans les 7 jours (${count})**`,
    digestUpdates: (count: number) => `**Points d’étape depuis le dernier résumé (${count})**`,
    digestQuiet: 'Rien de neuf cette semaine : ni retard, ni échéance proche, ni point d’étape.',
    digestMissed: (count: number) =>
      `**Pour les coordinateur·rices : ${plural(count, 'rappel non envoyé', 'rappels non envoyés')} depuis le dernier résumé**`,
    digestMore: (count: number) => `… et ${count} de plus.`,
    digestMilestone: (title: string, date: string, owner: string | undefined) =>
      `- « ${title} », ${frenchShortDate(date)}${owner ? ` (${owner})` : ''}`,
    digestUpdate: (author: string, subject: string, text: string) =>
      `- ${author} sur « ${subject} » : ${text}`,
    digestMissedLine: (kind: string, who: string, reason: string) =>
      `- ${kind}, ${who} : ${reason}`,
    unknownRecipient: 'membre inconnu',
    channel: 'salon',
    noReason: 'raison inconnue',
  },

  // ─── The dispatcher: reasons recorded on deliveries, notices to coordinators ──────────────
  dispatcher: {
    nowhere: 'Aucun destinataire joignable pour cet envoi.',
    dmRefusedToChannel: (person: string) =>
      `${person} refuse les messages privés du bot : le rappel a été posté dans le salon de la communauté, avec une mention.`,
    dmRefusedNoChannel: (person: string) =>
      `${person} refuse les messages privés du bot, et aucun salon de communauté n’est actif : rappel impossible à remettre.`,
    unknownChannel:
      'Le salon de la communauté est introuvable ou inaccessible au bot : la liaison est désactivée.',
    directInstead: 'Le rappel a été envoyé en message privé à la place.',
    directRefusedToo: 'Les messages privés sont refusés aussi : rappel impossible à remettre.',
    rateLimited: (seconds: number) => `Discord limite le débit : nouvel essai dans ${seconds} s.`,
    serverError: (attempt: number, detail: string) =>
      `Discord ne répond pas (tentative ${attempt}) : ${detail}. Nouvel essai plus tard.`,
    failedAfter: (attempts: number, detail: string) =>
      `Abandon après ${attempts} tentatives : ${detail}.`,
    invalid: (detail: string) => `Discord refuse ce message : ${detail}.`,
    coordinatorsTold: (count: number | 'already') =>
      count === 'already'
        ? 'Coordinateur·rices déjà prévenu·es.'
        : count === 0
          ? 'Aucun·e coordinateur·rice joignable pour le signaler.'
          : `${count} ${pluralWord(count, 'coordinateur·rice prévenu·e', 'coordinateur·rices prévenu·es')}.`,
    /** A notice to a coordinator by direct message: a member refuses the bot's messages. */
    dmRefusedNotice: (person: string, governance: string, toChannel: boolean) =>
      [
        `ℹ️ **${governance}** : ${person} n’accepte pas les messages privés du bot.`,
        toChannel
          ? 'Ses rappels sont postés dans le salon de la communauté, avec une mention.'
          : 'Aucun salon de communauté n’est actif : ses rappels ne lui parviennent pas.',
        'Proposez-lui d’ouvrir ses messages privés aux membres du serveur, ou de choisir la mention dans le salon dans ses préférences.',
      ].join('\n'),
    /** A notice to a coordinator by direct message: the community channel is gone. */
    channelLostNotice: (governance: string) =>
      [
        `⚠️ **${governance}** : le salon de la communauté est introuvable ou le bot n’y a plus accès.`,
        'La liaison est désactivée : plus de résumé ni de message dans le salon. Relancez `/configurer` dans le salon voulu.',
      ].join('\n'),
    /** How the console sender heads what it would have sent. */
    wouldSendDirect: (userId: string) => `message privé à ${userId}`,
    wouldSendToChannel: (channelId: string) => `salon ${channelId}`,
  },

  // ─── The console chat ────────────────────────────────────────────────────────────────────
  console: {
    welcome: (name: string | undefined, personId: string | undefined) =>
      [
        'Maille — le bot, dans un terminal, sans Discord.',
        name && personId
          ? `Vous parlez en tant que ${name} (${personId}).`
          : 'Vous n’êtes lié·e à aucune personne : tapez /lier CODE.',
        'Tapez /aide pour les commandes, un numéro pour appuyer sur un bouton, /quitter (ou Ctrl+D) pour sortir.',
      ].join('\n'),
    prompt: '> ',
    privateTag: '🔒',
    publicTag: '📢',
    channelTag: (channelId: string) => `📢 [salon ${channelId}]`,
    updated: '✏️ (message modifié)',
    pressHint: 'Tapez le numéro d’un bouton pour appuyer dessus.',
    formTitle: (title: string) => `— ${title} — (une ligne par champ)`,
    fieldPrompt: (label: string, required: boolean) =>
      `${label}${required ? '' : ' [Entrée pour passer]'} :`,
    requiredField: 'Ce champ est obligatoire.',
    askOption: (description: string) => `${description} (Entrée seule pour abandonner) :`,
    abandoned: 'Commande abandonnée.',
    /** A field refused as it was typed: the form goes on from that field, nothing else is lost. */
    fieldAgain: 'Tapez ce champ à nouveau ; les champs précédents sont gardés.',
    tooLong: (length: number, max: number, putBack: boolean) =>
      `Trop long : ${plural(length, 'caractère', 'caractères')} pour ${max} au plus, rien n’a été coupé. ${putBack ? 'Votre texte est remis sur la ligne : raccourcissez-le puis Entrée.' : 'Tapez-le à nouveau, plus court.'}`,
    choose: (what: string) => `${what} — tapez un numéro :`,
    noChoice: 'Aucune suggestion.',
    noSuchNumber: (count: number) => `Tapez un numéro entre 1 et ${count}.`,
    typeACommand: 'Tapez une commande commençant par « / » (par exemple /aide).',
    unexpected: 'Désolé, la console a rencontré une erreur. Réessayez.',
    goodbye: 'À bientôt !',
    usage:
      'Usage : pnpm --filter @maille/bot console [--personne per_…] [--base url] [--serveur id --salon id]',
  },

  // ─── The programs: the bot alone, the dispatcher alone, the registration of commands ──────
  programs: {
    database: (where: string) => `Base de données : ${where}`,
    botOnDiscord: 'Bot connecté à Discord : les commandes /jalons, /point… répondent.',
    botInConsole:
      'Pas de DISCORD_TOKEN : le bot répond ici, dans le terminal (tapez /aide ; /quitter ou Ctrl+D pour sortir).',
    botStopped: 'Bot arrêté.',
    botFailed: (message: string) => `Le bot n’a pas pu démarrer : ${message}`,
    dispatchToConsole:
      'Pas de DISCORD_TOKEN : les messages sont affichés ici au lieu d’être envoyés.',
    dispatchToDiscord: 'Envoi des rappels par Discord.',
    dispatchStarted: (ms: number) =>
      `Répartiteur des rappels démarré : un passage toutes les ${ms / 1000} s.`,
    dispatchStopping: (signal: string) => `${signal} reçu : fin du passage en cours…`,
    dispatchStopped: 'Répartiteur arrêté.',
    dispatchFailed: (message: string) => `Le répartiteur n’a pas pu démarrer : ${message}`,
    registerNoToken:
      'DISCORD_TOKEN manque : le jeton du bot (portail des développeurs Discord, « Bot »).',
    registered: (names: string[], where: string) =>
      `Commandes enregistrées ${where} : ${names.map((n) => `/${n}`).join(', ')}.`,
    registeredOnGuild: (id: string) => `sur le serveur ${id}`,
    registeredGlobally: 'pour tous les serveurs du bot (visibles d’ici une heure)',
    registerFailed: (message: string) => `Enregistrement impossible : ${message}`,
  },

  // ─── Settings from the environment ───────────────────────────────────────────────────────
  env: {
    invalid: (name: string, message: string) => `Variable d’environnement ${name} : ${message}`,
    databaseUrl:
      'adresse non reconnue : postgres://… pour PostgreSQL, ou un chemin de fichier SQLite.',
    schemaName:
      'nom de schéma invalide : lettres minuscules, chiffres et _ (63 caractères au plus).',
    interval: 'un nombre entier de millisecondes, de 1 000 à 3 600 000, est attendu.',
    horizon: 'un nombre entier de jours, de 1 à 30, est attendu.',
    attempts: 'un nombre entier de tentatives, de 1 à 20, est attendu.',
    lease: 'un nombre entier de millisecondes, de 2 000 à 240 000, est attendu.',
    token: 'le jeton du bot Discord ne peut pas contenir d’espace.',
    apiUrl: 'une adresse http:// ou https:// est attendue.',
    webUrl: 'l’adresse de l’espace web, http:// ou https://, est attendue.',
    smtpHost: 'le nom ou l’adresse du serveur SMTP ne peut pas contenir d’espace.',
    smtpPort: 'un numéro de port, de 1 à 65 535, est attendu.',
    smtpFlag: 'oui ou non (true ou false) est attendu.',
    smtpFrom:
      'l’adresse d’expédition, « Nom <adresse@domaine.fr> » ou adresse@domaine.fr, est attendue.',
    smtpCredentials: 'SMTP_USER et SMTP_PASSWORD vont ensemble : donnez les deux, ou aucun.',
    smtpFromMissing: 'SMTP_FROM manque : l’adresse d’expédition des courriels.',
  },

  // ─── E-mail: what a mailbox receives, and what the dispatcher records ────────────────────
  mail: {
    subject: (kind: string, title: string) => `[Maille] ${kind} : ${title}`,
    greeting: (name: string) => `Bonjour ${name},`,
    open: 'Ouvrir dans l’espace de travail',
    openText: (url: string) => `Ouvrir dans l’espace de travail : ${url}`,
    why: (governance: string) =>
      `Vous recevez ce courriel parce que vous participez à « ${governance} » sur Maille.`,
    unsubscribe: (kind: string) => `Ne plus recevoir ce type de rappel (${kind.toLowerCase()})`,
    unsubscribeText: (kind: string, url: string) =>
      `Ne plus recevoir ce type de rappel (${kind.toLowerCase()}) : ${url}`,
    refused: (detail: string) =>
      `Le serveur de courriel a refusé définitivement ce message (adresse inconnue ?) : ${detail}`,
    temporary: (attempt: number, detail: string) =>
      `Le serveur de courriel a refusé ce message pour l’instant (tentative ${attempt}) : ${detail}`,
    meetingFile: 'seance.ics',
    signInSubject: '[Maille] Votre lien de connexion',
    signInLead: (until: string) =>
      `Voici votre lien de connexion à l’espace de travail de Maille, valable jusqu’au ${until} et une seule fois :`,
    signInOpen: 'Me connecter à Maille',
    signInWhy:
      'Vous recevez ce courriel parce que votre coordination vous a envoyé un lien de connexion. Si vous n’attendiez rien, ignorez-le : sans ce lien, personne ne se connecte à votre place.',
    printed: (to: string, messageId: string) => `── Courriel pour ${to} (${messageId})`,
    dispatchToConsole: 'Pas de SMTP_HOST : les courriels sont affichés ici au lieu d’être envoyés.',
    dispatchToSmtp: (host: string, port: number) =>
      `Envoi des courriels par le serveur SMTP ${host}:${port}.`,
  },
} as const;
