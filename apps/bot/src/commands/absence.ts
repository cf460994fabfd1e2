import { DEFAULT_TIME_ZONE, searchKey } from '@maille/domain';
import { pauseReminders } from '@maille/domain/use-cases';
import { dayStamp, privately } from '../conversation/format.ts';
import { myWork } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.absence;

/** `/absence <date>`: no reminders until that day; `/absence fin` resumes them. */
export const absence: BotCommand = {
  definition: {
    name: 'absence',
    description: texts.description,
    options: [
      { name: 'date', description: texts.date, type: 'string', required: true, maxLength: 10 },
    ],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    if (searchKey(call.text('date')) === 'fin') {
      await pauseReminders(me.kernel, { personId: me.personId, until: null });
      return privately(texts.resumed);
    }
    const until = call.day('date');
    await pauseReminders(me.kernel, { personId: me.personId, until });
    const [first] = await myWork(me, 0);
    return privately(
      texts.paused(dayStamp(until, first?.governance.timeZone ?? DEFAULT_TIME_ZONE)),
    );
  },
};
