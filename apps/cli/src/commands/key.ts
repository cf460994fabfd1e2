import { createApiKey, listApiKeys, revokeApiKey } from '@maille/domain/use-cases';
import {
  argument,
  type Command,
  flag,
  noMoreArguments,
  stringOption,
  subcommand,
} from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille cle creer|revoquer|lister`: the API's keys. */
export const key: Command = {
  name: 'cle',
  aliases: ['clé', 'cles', 'clés', 'key', 'keys'],
  help: HELP.key,
  options: {
    personne: { type: 'string' },
    admin: { type: 'boolean' },
    libelle: { type: 'string' },
  },
  async run(invocation, cli) {
    const action = subcommand('cle', invocation, {
      creer: ['créer', 'create'],
      revoquer: ['révoquer', 'revoke'],
      lister: ['list'],
    });
    switch (action) {
      case 'creer': {
        noMoreArguments('cle', invocation, 1);
        const personId = stringOption(invocation, 'personne');
        const instanceAdmin = flag(invocation, 'admin');
        if (!personId && !instanceAdmin) throw new UsageError(fr.key.needsPerson, 'cle');
        const now = cli.now();
        const created = await withDatabase(cli, { migrated: true }, (database) =>
          createApiKey(kernelContext(cli, database), {
            personId,
            instanceAdmin,
            label: stringOption(invocation, 'libelle') ?? fr.key.defaultLabel(now.slice(0, 10)),
          }),
        );
        cli.print(fr.key.created(created.key.id));
        cli.print(fr.key.token);
        cli.print(created.token);
        return;
      }
      case 'revoquer': {
        // The kernel keeps the id alone from what was typed, so no message prints a secret back.
        const keyId = argument('cle', invocation, 1, fr.key.idArgument);
        const revoked = await withDatabase(cli, { migrated: true }, (database) =>
          revokeApiKey(kernelContext(cli, database), { keyId }),
        );
        cli.print(fr.key.revoked(revoked.id));
        return;
      }
      case 'lister': {
        noMoreArguments('cle', invocation, 1);
        const keys = await withDatabase(cli, { migrated: true }, (database) =>
          listApiKeys(kernelContext(cli, database)),
        );
        if (keys.length === 0) cli.print(fr.key.none);
        for (const k of keys) cli.print(fr.key.line(k));
        return;
      }
    }
  },
};
