import { exportFundingLinesCsv, getFundingCalendar } from '@maille/domain/use-cases';
import { type Command, flag, noMoreArguments, stringOption } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { checkDestination, writeAtomically } from '../files.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/**
 * `maille financements --gouvernance gov_…`: the funding deadlines to meet and what each funder
 * was asked, granted and paid; `--fichier` writes every line and its calendar as CSV.
 */
export const funding: Command = {
  name: 'financements',
  aliases: ['funding'],
  help: HELP.funding,
  options: {
    gouvernance: { type: 'string' },
    jours: { type: 'string' },
    fichier: { type: 'string', short: 'f' },
    remplacer: { type: 'boolean' },
  },
  async run(invocation, cli) {
    noMoreArguments('financements', invocation, 0);
    const governanceId = stringOption(invocation, 'gouvernance');
    if (!governanceId) throw new UsageError(fr.funding.needsGovernance, 'financements');
    const days = stringOption(invocation, 'jours');
    const aheadDays = days === undefined ? undefined : Number(days);
    if (
      aheadDays !== undefined &&
      !(Number.isInteger(aheadDays) && aheadDays >= 1 && aheadDays <= 366)
    )
      throw new UsageError(fr.funding.badDays, 'financements');
    const named = stringOption(invocation, 'fichier');
    const file = named === undefined ? undefined : userPath(cli.env, named);
    if (file) checkDestination(file, flag(invocation, 'remplacer'));
    const { calendar, csv } = await withDatabase(cli, { migrated: true }, async (database) => {
      const ctx = kernelContext(cli, database);
      return {
        calendar: await getFundingCalendar(ctx, {
          governanceId,
          ...(aheadDays === undefined ? {} : { aheadDays }),
        }),
        csv: file ? (await exportFundingLinesCsv(ctx, { governanceId })).csv : undefined,
      };
    });
    cli.print(fr.funding.calendar(calendar));
    if (file && csv !== undefined) {
      writeAtomically(file, [csv]);
      cli.print(fr.funding.written(calendar.lines.length, file));
    }
  },
};
