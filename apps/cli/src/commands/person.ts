import { deliveryMediumLabels, type Person } from '@maille/domain';
import {
  erasePersonalData,
  exportPersonalData,
  getPerson,
  updatePerson,
} from '@maille/domain/use-cases';
import { argument, type Command, flag, stringOption, subcommand } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { checkDestination, writeAtomically } from '../files.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/**
 * `maille person export|erase <personne>`: a person's rights of access and erasure;
 * `maille person courriel <personne> [--adresse a] [--par m]`: their address and how reminders
 * reach them.
 */
export const person: Command = {
  name: 'person',
  aliases: ['personne'],
  help: HELP.person,
  options: {
    fichier: { type: 'string', short: 'f' },
    remplacer: { type: 'boolean' },
    oui: { type: 'boolean' },
    adresse: { type: 'string' },
    par: { type: 'string' },
  },
  async run(invocation, cli) {
    const action = subcommand('person', invocation, {
      export: ['exporter'],
      erase: ['effacer'],
      mail: ['courriel'],
    });
    const personId = argument('person', invocation, 1, fr.person.idArgument);
    if (action === 'export') {
      const named = stringOption(invocation, 'fichier');
      const file = named === undefined ? undefined : userPath(cli.env, named);
      if (file) checkDestination(file, flag(invocation, 'remplacer'));
      const data = await withDatabase(cli, { migrated: true }, (database) =>
        exportPersonalData(kernelContext(cli, database), { personId }),
      );
      const text = JSON.stringify(data, null, 2);
      if (!file) {
        cli.print(text);
        return;
      }
      writeAtomically(file, [`${text}\n`]);
      cli.print(fr.person.exported(personId, file, Object.keys(data.records).length));
      return;
    }
    if (action === 'mail') {
      const address = stringOption(invocation, 'adresse');
      const medium = stringOption(invocation, 'par');
      const person = await withDatabase(cli, { migrated: true }, async (database) => {
        const ctx = kernelContext(cli, database);
        // An instance administrator reads the whole record.
        const before = (await getPerson(ctx, { personId })) as Person;
        if (address === undefined && medium === undefined) return before;
        return updatePerson(ctx, {
          id: personId,
          expectedVersion: before.version,
          patch: {
            ...(address === undefined ? {} : { email: address }),
            ...(medium === undefined ? {} : { reminders: { ...before.reminders, medium } }),
          },
        });
      });
      const chosen = person.reminders.medium;
      cli.print(
        fr.person.mail(
          personId,
          person.email ?? fr.person.noAddress,
          chosen === undefined ? fr.person.automatic : deliveryMediumLabels[chosen],
        ),
      );
      return;
    }
    if (!flag(invocation, 'oui')) {
      throw new UsageError(fr.usage.confirm(fr.person.eraseWarning(personId)), 'person');
    }
    const report = await withDatabase(cli, { migrated: true }, (database) =>
      erasePersonalData(kernelContext(cli, database), { personId }),
    );
    cli.print(fr.person.erased(personId, report));
  },
};
