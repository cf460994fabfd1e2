/** What the console itself says around the bot's messages, in French. */
export const fr = {
  welcome: (name: string | undefined, personId: string | undefined) =>
    [
      'Maille — le bot, dans un terminal, sans Discord.',
      name && personId
        ? `Vous parlez en tant que ${name} (${personId}).`
        : 'Vous n’êtes lié·e à aucune personne : tapez /lier CODE.',
      'Tapez /aide pour les commandes, un numéro pour appuyer sur un bouton, /quitter pour sortir.',
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
  choose: (what: string) => `${what} — tapez un numéro :`,
  noChoice: 'Aucune suggestion.',
  noSuchNumber: (count: number) => `Tapez un numéro entre 1 et ${count}.`,
  typeACommand: 'Tapez une commande commençant par « / » (par exemple /aide).',
  unexpected: 'Désolé, la console a rencontré une erreur. Réessayez.',
  goodbye: 'À bientôt !',
} as const;
