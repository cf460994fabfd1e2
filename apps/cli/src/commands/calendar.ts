import {
  calendarFeedPath,
  createCalendarFeed,
  listCalendarFeeds,
  revokeCalendarFeed,
} from '@maille/domain/use-cases';
import { argument, type Command, noMoreArguments, stringOption, subcommand } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille calendrier creer|revoquer|lister`: the secret links of governances' calendars. */
export const calendar: Command = {
  name: 'calendrier',
  aliases: ['calendriers', 'calendar', 'calendars'],
  help: HELP.calendar,
  options: {
    gouvernance: { type: 'string' },
    libelle: { type: 'string' },
  },
  async run(invocation, cli) {
    const action = subcommand('calendrier', invocation, {
      creer: ['créer', 'create'],
      revoquer: ['révoquer', 'revoke'],
      lister: ['list'],
    });
    switch (action) {
      case 'creer': {
        noMoreArguments('calendrier', invocation, 1);
        const governanceId = stringOption(invocation, 'gouvernance');
        if (!governanceId) throw new UsageError(fr.calendar.needsGovernance, 'calendrier');
        const now = cli.now();
        const { feed, token } = await withDatabase(cli, { migrated: true }, (database) =>
          createCalendarFeed(kernelContext(cli, database), {
            governanceId,
            label:
              stringOption(invocation, 'libelle') ?? fr.calendar.defaultLabel(now.slice(0, 10)),
          }),
        );
        cli.print(fr.calendar.created(feed.id, governanceId));
        cli.print(fr.calendar.path);
        cli.print(calendarFeedPath(token));
        return;
      }
      case 'revoquer': {
        const id = argument('calendrier', invocation, 1, fr.calendar.idArgument).trim();
        await withDatabase(cli, { migrated: true }, (database) =>
          revokeCalendarFeed(kernelContext(cli, database), { feedId: id }),
        );
        cli.print(fr.calendar.revoked(id));
        return;
      }
      case 'lister': {
        noMoreArguments('calendrier', invocation, 1);
        const governanceId = stringOption(invocation, 'gouvernance');
        const feeds = await withDatabase(cli, { migrated: true }, (database) =>
          listCalendarFeeds(kernelContext(cli, database), { governanceId }),
        );
        if (feeds.length === 0) cli.print(fr.calendar.none);
        for (const feed of feeds) cli.print(fr.calendar.line(feed));
        return;
      }
    }
  },
};
