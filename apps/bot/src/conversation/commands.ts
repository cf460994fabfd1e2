/**
 * The bot's commands, as data: French names, descriptions and options. The Discord adapter
 * registers them from this list (`register-commands.ts`), the console adapter parses typed lines
 * with it, `/aide` lists it, and `converse` runs them. Discord's rules hold here: names in lower
 * case (1–32 characters), descriptions of at most 100 characters, at most 25 options, required
 * options first.
 */

export type CommandOptionType = 'string' | 'number';

export interface CommandOption {
  name: string;
  description: string;
  type: CommandOptionType;
  required: boolean;
  /** The value is chosen among suggestions computed as the person types (`autocomplete` events). */
  autocomplete?: boolean;
  maxLength?: number;
}

export interface CommandSpec {
  name: string;
  description: string;
  options: CommandOption[];
}

/** A date as people type it: `2026-12-01` or `01/12/2026`. */
const DATE_HINT = 'AAAA-MM-JJ ou JJ/MM/AAAA';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'jalons',
    description: 'Mes jalons à venir et en retard (vous seul·e voyez la réponse)',
    options: [],
  },
  {
    name: 'point',
    description: 'Donner un point d’étape sur une de mes actions ou un de mes jalons',
    options: [
      {
        name: 'sujet',
        description: 'L’action ou le jalon (tapez pour chercher)',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  {
    name: 'fait',
    description: 'Marquer un de mes jalons comme atteint',
    options: [
      {
        name: 'jalon',
        description: 'Le jalon (tapez pour chercher)',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  {
    name: 'reporter',
    description: 'Reporter un de mes jalons à une nouvelle date, en disant pourquoi',
    options: [
      {
        name: 'jalon',
        description: 'Le jalon (tapez pour chercher)',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
      {
        name: 'date',
        description: `La nouvelle date (${DATE_HINT})`,
        type: 'string',
        required: true,
        maxLength: 10,
      },
      {
        name: 'raison',
        description: 'Pourquoi ce report',
        type: 'string',
        required: true,
        maxLength: 1000,
      },
    ],
  },
  {
    name: 'indicateur',
    description: 'Saisir la valeur d’un indicateur pour la période en cours',
    options: [
      {
        name: 'indicateur',
        description: 'L’indicateur (tapez pour chercher)',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 100,
      },
      { name: 'valeur', description: 'La valeur', type: 'number', required: true },
    ],
  },
  {
    name: 'feuille',
    description: 'La santé de la feuille de route, en bref',
    options: [],
  },
  {
    name: 'absence',
    description: 'Suspendre mes rappels jusqu’à une date (« fin » pour les reprendre)',
    options: [
      {
        name: 'date',
        description: `Le jour du retour (${DATE_HINT}), ou « fin »`,
        type: 'string',
        required: true,
        maxLength: 10,
      },
    ],
  },
  {
    name: 'lier',
    description: 'Lier mon compte à ma fiche avec le code reçu de la coordination',
    options: [
      {
        name: 'code',
        description: 'Le code, comme ABCD-EFGH',
        type: 'string',
        required: true,
        maxLength: 20,
      },
    ],
  },
  { name: 'delier', description: 'Délier mon compte de ma fiche', options: [] },
  {
    name: 'configurer',
    description: 'Coordination : faire de ce salon celui de la communauté de la gouvernance',
    options: [
      {
        name: 'gouvernance',
        description: 'La gouvernance, si vous en coordonnez plusieurs',
        type: 'string',
        required: false,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  { name: 'aide', description: 'Ce que le bot sait faire', options: [] },
];

/** The command of this name, if the bot has one. */
export function commandNamed(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
