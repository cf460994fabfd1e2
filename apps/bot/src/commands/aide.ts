import { privately } from '../conversation/format.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.aide;

/** `/aide`: every command and what it does, then what the reminders' buttons do. */
export const aide: BotCommand = {
  definition: { name: 'aide', description: texts.description, options: [] },
  texts,
  async execute({ commands }) {
    return privately(
      [
        texts.title,
        ...commands.map(({ definition }) => texts.line(definition.name, definition.description)),
        '',
        texts.buttons,
      ].join('\n'),
    );
  },
};
