import { parseArgs } from 'node:util';
import { registerCommands } from './adapters/discord/commands.ts';
import { EnvError, readEnv } from './env.ts';
import { fr } from './messages/fr.ts';

// `pnpm --filter @maille/bot register-commands [--serveur <id>]`: bulk-overwrites the bot's
// commands on one server (visible at once, for trying) or globally (within the hour).

const texts = fr.programs;

async function main(): Promise<void> {
  const env = readEnv();
  if (!env.DISCORD_TOKEN) throw new EnvError(texts.registerNoToken);
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { serveur: { type: 'string' } },
  });
  const names = await registerCommands({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    guildId: values.serveur,
  });
  console.log(
    texts.registered(
      names,
      values.serveur ? texts.registeredOnGuild(values.serveur) : texts.registeredGlobally,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(texts.registerFailed(error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
});
