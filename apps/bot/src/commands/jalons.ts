import type { Milestone } from '@maille/domain';
import { dayStamp, privately } from '../conversation/format.ts';
import { LIST_HORIZON_DAYS, myWork } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

/** The day of the meeting whose decision moved the milestone to its current date, if one did. */
function decidedOn(milestone: Milestone, timeZone: string): string | undefined {
  const decided =
    milestone.status === 'reporte' ? milestone.reschedules.at(-1)?.decidedBy : undefined;
  return decided ? dayStamp(decided.on, timeZone) : undefined;
}

const texts = fr.jalons;

/** `/jalons`: my late milestones and those due within 30 days, governance by governance. */
export const jalons: BotCommand = {
  definition: { name: 'jalons', description: texts.description, options: [] },
  texts,
  async execute(call) {
    const work = await myWork(await call.session(), LIST_HORIZON_DAYS);
    if (work.length === 0) return privately(texts.noGovernance);
    const sections = work
      .filter((entry) => entry.milestones.length > 0)
      .map((entry) =>
        [
          // Demonstration data says so wherever it is named.
          texts.governance(entry.governance.name, entry.governance.demo === true),
          ...entry.milestones.map(({ milestone, state, actionTitle }) =>
            texts.line({
              title: milestone.title,
              actionTitle,
              due: dayStamp(milestone.dueDate, entry.governance.timeZone),
              daysLate:
                state === 'en_retard'
                  ? Math.round(
                      (Date.parse(entry.today) - Date.parse(milestone.dueDate)) / 86_400_000,
                    )
                  : 0,
              decidedOn: decidedOn(milestone, entry.governance.timeZone),
            }),
          ),
        ].join('\n'),
      );
    if (sections.length === 0) return privately(texts.none);
    return privately([`**${texts.title}**`, ...sections, '', texts.hint].join('\n'));
  },
};
