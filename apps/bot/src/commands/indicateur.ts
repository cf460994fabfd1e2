import { formatPeriodLabel, periodContaining } from '@maille/domain';
import { recordMeasurement } from '@maille/domain/use-cases';
import { ChatError } from '../conversation/errors.ts';
import { privately } from '../conversation/format.ts';
import { pick, suggestMine } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import { type BotCommand, pickedOption } from './command.ts';

const texts = fr.indicateur;

/** `/indicateur <indicateur> <valeur>`: a provisional value for the current period. */
export const indicateur: BotCommand = {
  definition: {
    name: 'indicateur',
    description: texts.description,
    options: [
      pickedOption('indicateur', texts.indicateur),
      { name: 'valeur', description: texts.valeur, type: 'number', required: true },
    ],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    const typed = call.text('indicateur');
    const indicator = await pick(me, typed, ['indicator'], fr.subjects.indicators);
    const value = call.number('valeur');
    const found = indicator.work.indicators.find((i) => i.id === indicator.id);
    if (!found) throw new ChatError(fr.notFoundAmongMine(fr.subjects.indicators, typed));
    const period = periodContaining(indicator.work.today, found.periodicity);
    await recordMeasurement(me.kernel, {
      indicatorId: found.id,
      territory: indicator.work.governance.territory,
      period,
      value,
    });
    return privately(
      texts.recorded(found.label, value.toLocaleString('fr-FR'), formatPeriodLabel(period)),
    );
  },
  autocomplete: ({ ctx, user, query }) => suggestMine(ctx, user, query, ['indicator']),
};
