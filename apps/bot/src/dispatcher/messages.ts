import type { OutgoingMessage } from '../conversation/chat.ts';

/**
 * What the dispatcher writes: the reasons it records on deliveries (read by coordinators in the
 * digest and through the API) and its notices to coordinators. French, like every text a user
 * reads.
 */
export const dispatcherTexts = {
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
        : count === 1
          ? '1 coordinateur·rice prévenu·e.'
          : `${count} coordinateur·rices prévenu·es.`,
};

/** The notices a coordinator receives by direct message. */
export const coordinatorNotices = {
  dmRefused(person: string, governance: string, toChannel: boolean): OutgoingMessage {
    return {
      text: [
        `ℹ️ **${governance}** : ${person} n’accepte pas les messages privés du bot.`,
        toChannel
          ? 'Ses rappels sont postés dans le salon de la communauté, avec une mention.'
          : 'Aucun salon de communauté n’est actif : ses rappels ne lui parviennent pas.',
        'Proposez-lui d’ouvrir ses messages privés aux membres du serveur, ou de choisir la mention dans le salon dans ses préférences.',
      ].join('\n'),
    };
  },
  channelLost(governance: string): OutgoingMessage {
    return {
      text: [
        `⚠️ **${governance}** : le salon de la communauté est introuvable ou le bot n’y a plus accès.`,
        'La liaison est désactivée : plus de résumé ni de message dans le salon. Relancez `/configurer` dans le salon voulu.',
      ].join('\n'),
    };
  },
};
