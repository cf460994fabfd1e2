import { pick, suggestMine } from '../conversation/subjects.ts';
import { checkInForm } from '../interactions/check-in-form.ts';
import { fr } from '../messages/fr.ts';
import { type BotCommand, pickedOption } from './command.ts';

const texts = fr.point;
const KINDS = ['milestone', 'action'] as const;

/** `/point <sujet>`: opens the check-in form on one of my actions or milestones. */
export const point: BotCommand = {
  definition: {
    name: 'point',
    description: texts.description,
    options: [pickedOption('sujet', texts.sujet)],
  },
  texts,
  async execute(call) {
    const subject = await pick(await call.session(), call.text('sujet'), KINDS, fr.subjects.mine);
    return checkInForm({ verb: 'point', subjectId: subject.id }, subject.title);
  },
  autocomplete: ({ ctx, user, query }) => suggestMine(ctx, user, query, KINDS),
};
