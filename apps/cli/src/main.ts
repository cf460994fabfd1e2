#!/usr/bin/env -S node --import tsx
import { parseArgs } from 'node:util';
import { isDomainError } from '@maille/domain';
import { runDemo } from './commands/demo.ts';

const HELP = `maille — l'outil de coordination de l'inclusion numérique

Usage : maille <commande> [options]

Commandes :
  demo     Construit les territoires de démonstration en mémoire et affiche la santé de leurs feuilles de route

Options :
  -h, --help   Affiche cette aide
`;

/** Exit codes: 0 done, 1 the user's input or request was refused, 2 a usage error, 70 a bug. */
export async function main(
  argv: string[],
  print = console.log,
  printError = console.error,
): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    // Node's message is English: keep only the option it names.
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    printError(`${option ? `Option inconnue : ${option}` : 'Option mal formée.'}\n\n${HELP}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    print(HELP);
    return command || parsed.values.help ? 0 : 2;
  }
  try {
    switch (command) {
      case 'demo':
        await runDemo(new Date().toISOString(), print);
        return 0;
      default:
        printError(`Commande inconnue : « ${command} ».\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (isDomainError(error)) {
      printError(`Erreur : ${error.message}`);
      return 1;
    }
    printError('Erreur inattendue : Maille a rencontré un problème interne. Détail technique :');
    printError(error instanceof Error ? error.message : String(error));
    return 70;
  }
}

// Run when started as a program, not when imported by a test.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, '/'))) {
  process.exitCode = await main(process.argv.slice(2));
}
