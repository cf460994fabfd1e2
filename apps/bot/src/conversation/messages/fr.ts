/**
 * Every sentence the bot says, in French. Times are Discord timestamps (`<t:UNIX:D>`): each
 * reader sees them in their own time zone, the console in the governance's.
 */

/** A calendar day as a Discord timestamp: noon in the governance's zone, shown as a date. */
export type DayStamp = string;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export const fr = {
  unlinked:
    'Je ne vous connais pas encore. Demandez un code de liaison à la coordination de votre gouvernance, puis tapez `/lier CODE` ici.',
  unknownCommand: (name: string) =>
    `Je ne connais pas la commande « /${name} ». Tapez \`/aide\` pour voir ce que je sais faire.`,
  missingOption: (name: string) => `Il manque « ${name} ».`,
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

  link: {
    done: (name: string) =>
      `Bienvenue ${name} ! Votre compte est lié : je vous enverrai vos rappels ici. Tapez \`/jalons\` pour voir ce que vous portez, \`/aide\` pour le reste.`,
    badCode:
      'Ce code est inconnu, expiré ou déjà utilisé. Demandez-en un nouveau à la coordination (il vaut 24 heures, une fois).',
    already: (name: string) =>
      `Votre compte est déjà lié à ${name}. Tapez \`/delier\` d’abord pour le lier à une autre fiche.`,
    taken: 'Ce compte est déjà lié à une autre personne : il faut d’abord l’en délier.',
    unlinked: 'Votre compte est délié : je ne vous enverrai plus de rappels ici.',
  },

  milestones: {
    title: 'Vos jalons',
    governance: (name: string) => `__${name}__`,
    line: (m: {
      title: string;
      actionTitle?: string | undefined;
      due: DayStamp;
      daysLate: number;
    }) =>
      `• **${m.title}**${m.actionTitle ? ` (${m.actionTitle})` : ''} — ${m.daysLate > 0 ? `🔴 en retard de ${plural(m.daysLate, 'jour', 'jours')} (prévu le ${m.due})` : `pour le ${m.due}`}`,
    none: 'Aucun jalon en retard ni dans les 30 prochains jours. 🎉',
    noGovernance: 'Vous ne faites partie d’aucune gouvernance pour l’instant.',
    hint: 'Pour en parler : `/point`, `/fait`, `/reporter`.',
  },

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
    textTooLong: (max: number) => `Le texte est trop long : ${max} caractères au plus.`,
    nothingNew: 'Rien de neuf.',
    nothingNewNoted: (title: string) => `👍 Noté : rien de neuf sur « ${title} ».`,
  },

  done: (title: string) => `✅ « ${title} » est atteint. Bravo !`,
  rescheduled: (title: string, day: DayStamp) => `📅 « ${title} » est reporté au ${day}.`,
  weekLater: 'Reporté d’une semaine depuis un rappel.',

  indicator: {
    recorded: (label: string, value: string, period: string) =>
      `📊 ${value} enregistré pour « ${label} » (${period}), en provisoire : la coordination le validera.`,
  },

  health: {
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
    none: 'Aucune feuille de route à montrer.',
  },

  absence: {
    paused: (day: DayStamp) =>
      `🌴 Vos rappels sont suspendus jusqu’au ${day}. Tapez \`/absence fin\` pour les reprendre plus tôt.`,
    resumed: 'Vos rappels reprennent. Bon retour !',
  },

  configure: {
    notInChannel: 'Tapez `/configurer` dans le salon de la communauté, sur le serveur.',
    notCoordinator: 'Seule la coordination d’une gouvernance peut choisir son salon.',
    choose: (names: string[]) =>
      `Vous coordonnez plusieurs gouvernances : précisez laquelle (${names.map((n) => `« ${n} »`).join(', ')}).`,
    done: (name: string) =>
      `✅ Ce salon est désormais celui de la communauté de « ${name} » : le résumé de la semaine et les rappels en mention y arriveront.`,
  },

  help: {
    title: 'Ce que je sais faire :',
    line: (name: string, description: string) => `• \`/${name}\` — ${description}`,
    buttons:
      'Sous mes rappels, les boutons « Fait », « Point d’étape », « Reporter d’une semaine » et « Rien de neuf » répondent en un clic.',
  },

  reminderButtons: {
    done: 'Fait',
    checkIn: 'Point d’étape',
    postpone: 'Reporter d’une semaine',
    nothingNew: 'Rien de neuf',
  },

  subjects: {
    mine: 'vos actions et jalons',
    milestones: 'vos jalons',
    indicators: 'les indicateurs de vos gouvernances',
    governances: 'les gouvernances que vous coordonnez',
    milestone: (title: string, due: string) => `Jalon · ${title} (${due})`,
    action: (code: string, title: string) => `Action ${code} · ${title}`,
  },
} as const;
