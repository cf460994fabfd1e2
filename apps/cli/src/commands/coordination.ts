import { ValidationError } from '@maille/domain';
import { TerritoryLevel } from '@maille/domain/actors';
import { createCoordinator, issueSignInLink } from '@maille/domain/use-cases';
import { type Command, noMoreArguments, stringOption, subcommand } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { signInUrl } from './sign-in.ts';

/**
 * `maille coordination creer --nom "…" --email … [--gouvernance "…" --territoire epci:…]`: the
 * first coordinator of an instance (and their governance, if named), with a sign-in link to the
 * web workspace. Run again with the same e-mail, it creates nothing and gives a new link.
 */
export const coordination: Command = {
  name: 'coordination',
  aliases: ['coordinateur', 'coordinator'],
  help: HELP.coordination,
  options: {
    nom: { type: 'string' },
    email: { type: 'string' },
    gouvernance: { type: 'string' },
    territoire: { type: 'string' },
  },
  async run(invocation, cli) {
    subcommand('coordination', invocation, { creer: ['créer', 'create'] });
    noMoreArguments('coordination', invocation, 1);
    const displayName = stringOption(invocation, 'nom');
    const email = stringOption(invocation, 'email');
    if (!displayName) throw new UsageError(fr.coordinator.needsName, 'coordination');
    if (!email) throw new UsageError(fr.coordinator.needsEmail, 'coordination');
    const name = stringOption(invocation, 'gouvernance');
    const where = stringOption(invocation, 'territoire');
    if (where !== undefined && name === undefined)
      throw new UsageError(fr.coordinator.territoryWithoutGovernance, 'coordination');
    if (name !== undefined && where === undefined)
      throw new UsageError(fr.coordinator.governanceWithoutTerritory, 'coordination');
    const governance =
      name !== undefined && where !== undefined
        ? { name, territory: territoryRef(where) }
        : undefined;

    const { result, link } = await withDatabase(cli, { migrated: true }, async (database) => {
      const ctx = kernelContext(cli, database);
      const result = await createCoordinator(ctx, { displayName, email, governance }).catch(
        (error: unknown) => {
          throw error instanceof ValidationError ? namingOptions(error) : error;
        },
      );
      const link = await issueSignInLink(ctx, { personId: result.person.id });
      return { result, link };
    });
    const { person } = result;
    if (!result.created) {
      cli.print(fr.coordinator.already(person.displayName, person.id, person.email ?? email));
    } else {
      cli.print(fr.coordinator.created(person.displayName, person.id));
      cli.print(
        result.governance
          ? fr.coordinator.governance(result.governance.name, result.governance.id)
          : fr.coordinator.noGovernance,
      );
    }
    cli.print(fr.coordinator.link(link.expiresAt));
    cli.print(signInUrl(cli.env.WEB_URL ?? `http://localhost:${cli.env.PORT}`, link.secret));
  },
};

/** The kernel names its fields (`governance.territory.code`); the person typed options. */
const OPTIONS: [prefix: string, option: string][] = [
  ['displayName', '--nom'],
  ['email', '--email'],
  ['governance.name', '--gouvernance'],
  ['governance.territory', '--territoire'],
];

function namingOptions(error: ValidationError): ValidationError {
  const issues = error.issues.map((issue) => {
    const field = issue.path.join('.');
    const option = OPTIONS.find(([prefix]) => field.startsWith(prefix))?.[1];
    // The whole territory refused, not its code: the directory is missing, say how to load it.
    const hint = field === 'governance.territory' ? fr.coordinator.loadDirectoryHint : '';
    return option ? { path: [option], message: `${issue.message}${hint}` } : issue;
  });
  return new ValidationError(issues);
}

/** `epci:200070514` as a territory reference; anything else is refused, naming the option. */
function territoryRef(text: string): { level: TerritoryLevel; code: string } {
  const match = /^([a-z]+):([0-9AB]{1,9})$/i.exec(text.trim());
  const level = TerritoryLevel.safeParse(match?.[1]?.toLowerCase());
  if (!match?.[2] || !level.success)
    throw new UsageError(fr.coordinator.territoryFormat(text), 'coordination');
  return { level: level.data, code: match[2].toUpperCase() };
}
