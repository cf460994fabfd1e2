import { createApiKey, listApiKeys, revokeApiKey } from '@maille/db';
import {
  argument,
  type Command,
  flag,
  noMoreArguments,
  stringOption,
  subcommand,
} from '../command.ts';
import { withDatabase } from '../context.ts';
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
          createApiKey(database, {
            personId,
            instanceAdmin,
            label: stringOption(invocation, 'libelle') ?? fr.key.defaultLabel(now.slice(0, 10)),
            now,
          }),
        );
        cli.print(fr.key.created(created.id));
        cli.print(fr.key.token);
        cli.print(created.token);
        return;
      }
      case 'revoquer': {
        const id = keyIdOf(argument('cle', invocation, 1, fr.key.idArgument));
        if (!id) throw new UsageError(fr.usage.missingArgument(fr.key.idArgument), 'cle');
        await withDatabase(cli, { migrated: true }, (database) =>
          revokeApiKey(database, id, cli.now()),
        );
        cli.print(fr.key.revoked(id));
        return;
      }
      case 'lister': {
        noMoreArguments('cle', invocation, 1);
        const keys = await withDatabase(cli, { migrated: true }, (database) =>
          listApiKeys(database),
        );
        if (keys.length === 0) cli.print(fr.key.none);
        for (const k of keys) cli.print(fr.key.line(k));
        return;
      }
    }
  },
};

/**
 * The key's id in what the user typed: the id itself, `mai_<id>`, or a whole token
 * `mai_<id>.<secret>` pasted from where it was kept. The secret is dropped here, so no message —
 * result or error — can print it back.
 */
export function keyIdOf(typed: string): string {
  return typed.trim().replace(/^mai_/, '').split('.')[0] ?? '';
}
