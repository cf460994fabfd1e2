import { parseArgs } from 'node:util';
import { registerCommands } from './adapters/discord/commands.ts';
import { EnvError, readEnv } from './env.ts';

// `pnpm --filter @maille/bot register-commands [--serveur <id>]`: bulk-overwrites the bot's
// commands on one server (visible at once, for trying) or globally (within the hour).

const texts = {
  noToken: 'DISCORD_TOKEN manque : le jeton du bot (portail des développeurs Discord, « Bot »).',
  done: (names: string[], where: string) =>
    `Commandes enregistrées ${where} : ${names.map((n) => `/${n}`).join(', ')}.`,
  onGuild: (id: string) => `sur le serveur ${id}`,
  global: 'pour tous les serveurs du bot (visibles d’ici une heure)',
  failed: (message: string) => `Enregistrement impossible : ${message}`,
};

async function main(): Promise<void> {
  const env = readEnv();
  if (!env.DISCORD_TOKEN) throw new EnvError(texts.noToken);
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { serveur: { type: 'string' } },
  });
  const names = await registerCommands({
    token: env.DISCORD_TOKEN,
    apiUrl: env.DISCORD_API_URL,
    guildId: values.serveur,
  });
  console.log(texts.done(names, values.serveur ? texts.onGuild(values.serveur) : texts.global));
}

main().catch((error: unknown) => {
  console.error(texts.failed(error instanceof Error ? error.message : String(error)));
  process.exitCode = 1;
});
