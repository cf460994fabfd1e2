import { absence } from './absence.ts';
import { agenda } from './agenda.ts';
import { aide } from './aide.ts';
import type { BotCommand } from './command.ts';
import { configurer } from './configurer.ts';
import { connexion } from './connexion.ts';
import { delier } from './delier.ts';
import { fait } from './fait.ts';
import { feuille } from './feuille.ts';
import { indicateur } from './indicateur.ts';
import { jalons } from './jalons.ts';
import { lier } from './lier.ts';
import { point } from './point.ts';
import { reporter } from './reporter.ts';

/** Every command of the bot, in the order `/aide` lists them and Discord registers them. */
export const COMMANDS: readonly BotCommand[] = [
  jalons,
  point,
  fait,
  reporter,
  indicateur,
  feuille,
  absence,
  lier,
  delier,
  connexion,
  agenda,
  configurer,
  aide,
];

/** The command of this name, if the bot has one. */
export function commandNamed(name: string): BotCommand | undefined {
  return COMMANDS.find((command) => command.definition.name === name);
}
