import { rescheduleMilestone } from '@maille/domain/use-cases';
import { dayStamp, privately } from '../conversation/format.ts';
import { pick, suggestMine } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import { type BotCommand, pickedOption } from './command.ts';

const texts = fr.reporter;

/** `/reporter <jalon> <date> <raison>`: moves one of my milestones, saying why. */
export const reporter: BotCommand = {
  definition: {
    name: 'reporter',
    description: texts.description,
    options: [
      pickedOption('jalon', texts.jalon),
      { name: 'date', description: texts.date, type: 'string', required: true, maxLength: 10 },
      {
        name: 'raison',
        description: texts.raison,
        type: 'string',
        required: true,
        maxLength: 1000,
      },
    ],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    const milestone = await pick(me, call.text('jalon'), ['milestone'], fr.subjects.milestones);
    const to = call.day('date');
    await rescheduleMilestone(me.kernel, {
      milestoneId: milestone.id,
      to,
      reason: call.text('raison'),
    });
    return privately(
      texts.rescheduled(milestone.title, dayStamp(to, milestone.work.governance.timeZone)),
    );
  },
  autocomplete: ({ ctx, user, query }) => suggestMine(ctx, user, query, ['milestone']),
};
