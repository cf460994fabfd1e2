import { completeMilestone } from '@maille/domain/use-cases';
import { privately } from '../conversation/format.ts';
import { pick, suggestMine } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import { type BotCommand, pickedOption } from './command.ts';

const texts = fr.fait;

/** `/fait <jalon>`: marks one of my milestones as reached. */
export const fait: BotCommand = {
  definition: {
    name: 'fait',
    description: texts.description,
    options: [pickedOption('jalon', texts.jalon)],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    const milestone = await pick(me, call.text('jalon'), ['milestone'], fr.subjects.milestones);
    await completeMilestone(me.kernel, { milestoneId: milestone.id });
    return privately(texts.done(milestone.title));
  },
  autocomplete: ({ ctx, user, query }) => suggestMine(ctx, user, query, ['milestone']),
};
