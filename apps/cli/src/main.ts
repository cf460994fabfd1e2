import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { BackupError } from '@maille/db';
import { isDomainError, NotFoundError, ValidationError } from '@maille/domain';
import type { Command } from './command.ts';
import { backup } from './commands/backup.ts';
import { calendar } from './commands/calendar.ts';
import { coordination } from './commands/coordination.ts';
import { demo } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { funding } from './commands/funding.ts';
import { importCommand } from './commands/import.ts';
import { key } from './commands/key.ts';
import { link } from './commands/link.ts';
import { migrate } from './commands/migrate.ts';
import { person } from './commands/person.ts';
import { places } from './commands/places.ts';
import { restore } from './commands/restore.ts';
import { seed } from './commands/seed.ts';
import { signIn } from './commands/sign-in.ts';
import { signOut } from './commands/sign-out.ts';
import { start } from './commands/start.ts';
import { territories } from './commands/territories.ts';
import type { Cli } from './context.ts';
import { databaseLocation, describeDatabase } from './context.ts';
import { type Env, EnvError, readEnv } from './env.ts';
import { FileError, MailNotSentError, NotMigratedError, UsageError } from './errors.ts';
import { fr } from './messages/fr.ts';
import { GENERAL_HELP } from './messages/help.ts';
import { createProgress, type ProgressOutput } from './progress.ts';

const COMMANDS: readonly Command[] = [
  start,
  migrate,
  seed,
  territories,
  places,
  funding,
  exportCommand,
  importCommand,
  backup,
  restore,
  person,
  key,
  calendar,
  link,
  signIn,
  signOut,
  coordination,
  demo,
];

/** Exit codes: what a script calling `maille` can rely on. */
export const EXIT = {
  ok: 0,
  /** The kernel refused: invalid data, not found, conflict, forbidden. */
  refused: 1,
  usage: 2,
  /** A file is missing, unreadable, malformed, or already there. */
  file: 3,
  /** The database is unavailable, locked, or its schema is behind. */
  database: 4,
  /** A bug of Maille (sysexits' EX_SOFTWARE). */
  internal: 70,
  /** Stopped by force: a third Ctrl+C while stopping (128 + SIGINT, as a shell reports it). */
  interrupted: 130,
} as const;

/** What a test (or another program) may set instead of the process's own. */
export interface MainOptions {
  /** The environment to read settings from (default: the process's). */
  env?: Record<string, string | undefined>;
  /** The clock (default: the system's). */
  now?: () => string;
  /** Where progress goes (default: stderr, rewritten in place on a terminal). */
  progress?: ProgressOutput;
  /** When a long-running command must stop (default: at SIGINT or SIGTERM). */
  untilStopped?: () => Promise<string>;
  /** The console chat's input and output (default: the terminal). */
  chatInput?: Readable;
  chatOutput?: Writable;
}

/**
 * Runs the `maille` command with `argv` (without `node` and the script) and returns its exit
 * code. Every error is turned into a French message and an exit code here, and only here.
 *
 * @example
 * const code = await main(['migrate', 'up'], console.log, console.error, { env: { DATABASE_URL: 'x.db' } });
 */
export async function main(
  argv: string[],
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
  options: MainOptions = {},
): Promise<number> {
  let command: Command | undefined;
  let env: Env | undefined;
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '-h' || name === '--help' || name === 'aide') {
      (name === undefined ? printError : print)(GENERAL_HELP);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    command = COMMANDS.find((c) => c.name === name || c.aliases.includes(name));
    if (!command) {
      if (name.startsWith('-')) throw new UsageError(fr.usage.unknownOption(name));
      printError(`${fr.usage.unknownCommand(name)}\n\n${GENERAL_HELP}`);
      return EXIT.usage;
    }
    const invocation = parse(command, rest);
    if (invocation.values.help) {
      print(command.help);
      return EXIT.ok;
    }
    // Read once help is out of the way: a broken setting must not hide the help.
    env = options.env ? readEnv(options.env) : readEnv();
    const progressOutput =
      options.progress ??
      (printError === console.error && process.stderr.isTTY
        ? { tty: true, write: (chunk: string) => process.stderr.write(chunk) }
        : { tty: false, line: printError });
    const cli: Cli = {
      env,
      print,
      printError,
      now: options.now ?? (() => new Date().toISOString()),
      progress: (label) => createProgress(progressOutput, label),
      untilStopped: options.untilStopped ?? untilSignal,
      chatInput: options.chatInput ?? process.stdin,
      chatOutput: options.chatOutput ?? process.stdout,
    };
    await command.run(invocation, cli);
    return EXIT.ok;
  } catch (error) {
    const { code, lines } = failure(error, command, env);
    for (const line of lines) printError(line);
    return code;
  }
}

/**
 * The first SIGINT (Ctrl+C) or SIGTERM; the command then stops cleanly instead of dying. Under
 * `pnpm start`, one Ctrl+C reaches both pnpm and this process, and pnpm sends it once more: the
 * second signal is that echo and must not kill the stop under way. A third one is the person
 * insisting on a stop that hangs: the process leaves at once (SQLite's journal keeps the file whole).
 */
function untilSignal(): Promise<string> {
  let received = 0;
  return new Promise((resolve) => {
    const onSignal = (signal: string) => {
      received += 1;
      if (received === 1) resolve(signal);
      if (received === 3) {
        process.stderr.write(`${fr.start.forced}\n`);
        process.exit(EXIT.interrupted);
      }
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function parse(command: Command, args: string[]) {
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    });
    return { positionals, values: values as Record<string, string | boolean | undefined> };
  } catch (error) {
    // Node's messages are English: keep only the option they name.
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      throw new UsageError(fr.usage.unknownOption(option), command.name);
    }
    // "Option '-f, --fichier <value>' argument missing": name the long form.
    const named = /(--[\w-]+)/.exec(message)?.[1] ?? option;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && named) {
      throw new UsageError(
        /does not take/.test(message)
          ? fr.usage.optionTakesNoValue(named)
          : fr.usage.optionNeedsValue(named),
        command.name,
      );
    }
    throw new UsageError(fr.usage.malformedOption, command.name);
  }
}

/**
 * The one place where an error becomes an exit code and French lines, never a stack trace.
 * Exported for the tests, which feed it errors no command can be made to meet on demand.
 */
export function failure(
  error: unknown,
  command: Command | undefined,
  env: Env | undefined,
): { code: number; lines: string[] } {
  if (error instanceof UsageError) {
    const help = error.command ?? command?.name;
    return {
      code: EXIT.usage,
      lines: [fr.errors.prefix(error.message), ...(help ? [fr.usage.seeHelp(help)] : [])],
    };
  }
  if (error instanceof EnvError)
    return { code: EXIT.usage, lines: [fr.errors.prefix(error.message)] };
  if (error instanceof FileError)
    return { code: EXIT.file, lines: [fr.errors.prefix(error.message)] };
  if (error instanceof MailNotSentError) {
    return { code: EXIT.refused, lines: [fr.errors.prefix(error.message)] };
  }
  if (error instanceof NotMigratedError) {
    return { code: EXIT.database, lines: [fr.errors.prefix(error.message)] };
  }
  if (error instanceof BackupError) {
    const code = {
      'invalid-file': EXIT.file,
      'file-system': EXIT.file,
      'in-use': EXIT.database,
      unsupported: EXIT.usage,
    }[error.reason];
    return { code, lines: [fr.errors.prefix(error.message)] };
  }
  if (error instanceof ValidationError) {
    // A lone issue is already in the message the kernel wrote: say it once.
    if (error.issues.length === 1 && error.message === new ValidationError(error.issues).message) {
      return { code: EXIT.refused, lines: [fr.errors.prefix(error.message)] };
    }
    const shown = error.issues.slice(0, 20);
    return {
      code: EXIT.refused,
      lines: [
        fr.errors.prefix(error.message),
        ...shown.map((issue) => `  • ${issuePath(issue.path)}${issue.message}`),
        ...(error.issues.length > shown.length
          ? [fr.errors.moreIssues(error.issues.length - shown.length)]
          : []),
      ],
    };
  }
  // A SQLite file opened without `create` that is not there: a mistyped DATABASE_URL, or no
  // `maille migrate up` yet. The database is unavailable, not a record of the kernel's.
  if (error instanceof NotFoundError && error.entity === 'Base de données') {
    return { code: EXIT.database, lines: [fr.errors.prefix(fr.database.missingFile(error.id))] };
  }
  if (isDomainError(error)) return { code: EXIT.refused, lines: [fr.errors.prefix(error.message)] };
  const unavailable = databaseProblem(error, env);
  if (unavailable) return { code: EXIT.database, lines: [fr.errors.prefix(unavailable)] };
  return {
    code: EXIT.internal,
    lines: [fr.errors.internal, error instanceof Error ? error.message : String(error)],
  };
}

/** `bodies[3].name — ` for a field deep in a document. */
function issuePath(path: (string | number)[]): string {
  if (path.length === 0) return '';
  const text = path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
  return `${text} — `;
}

// Node's codes for a network that fails between the command and PostgreSQL.
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EADDRNOTAVAIL',
];

/**
 * A French explanation when `error` says the database cannot be reached, written or used by this
 * version of Maille now: SQLite's and Node's codes, PostgreSQL's SQLSTATEs, pg's and kysely's
 * messages (which carry no code).
 */
function databaseProblem(error: unknown, env: Env | undefined): string | undefined {
  const codes = errorCodes(error);
  const messages = errorMessages(error);
  const where = env ? databaseLocation(env) : '';
  const described = env ? describeDatabase(env) : '';
  const has = (test: (code: string) => boolean) => codes.some(test);
  const says = (pattern: RegExp) => messages.some((m) => pattern.test(m));

  // Kysely refuses to migrate a database whose bookkeeping names a migration it does not know.
  const unknown = messages
    .map((m) => /^corrupted migrations: previously executed migration (.+) is missing$/.exec(m))
    .find((match) => match)?.[1];
  if (unknown) return fr.database.otherVersion(where, [unknown]);
  const misplaced = messages
    .map((m) => /^corrupted migrations: expected previously executed migration (\S+)/.exec(m))
    .find((match) => match)?.[1];
  if (misplaced) return fr.database.migrationsOutOfOrder(where, misplaced);

  if (has((c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'))) {
    return fr.errors.busy;
  }
  if (has((c) => c === 'SQLITE_NOTADB')) return fr.errors.notADatabase(where);
  if (has((c) => c.startsWith('SQLITE_READONLY'))) return fr.errors.readOnly(where);
  if (has((c) => c === 'SQLITE_FULL' || c === 'ENOSPC' || c === '53100')) return fr.errors.diskFull;
  if (has((c) => c.startsWith('SQLITE_CANTOPEN') || c === 'EACCES' || c === 'EROFS')) {
    return fr.errors.cantOpen(where);
  }
  if (has((c) => NETWORK_CODES.includes(c) || c.startsWith('08') || c.startsWith('57P'))) {
    return fr.errors.unreachable(where);
  }
  if (says(/^Connection terminated|^timeout expired|^Client has encountered a connection error/)) {
    return fr.errors.connectionLost(where);
  }
  if (has((c) => c.startsWith('28'))) return fr.errors.refused(where);
  if (has((c) => c === '3D000')) return fr.errors.missingDatabase(where);
  if (has((c) => c === '53300')) return fr.errors.tooManyConnections(where);
  if (has((c) => c.startsWith('53'))) return fr.errors.serverResources(where);
  if (has((c) => c === '42501')) return fr.errors.permissionDenied(where);
  if (has((c) => c === '42P01' || c === '3F000')) return fr.errors.missingTable(described);
  return undefined;
}

/** The messages of an error and of the errors it wraps. */
function errorMessages(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const { message, errors, cause } = error as {
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  return [
    ...(typeof message === 'string' ? [message] : []),
    ...(Array.isArray(errors) ? errors.flatMap((e) => errorMessages(e, depth + 1)) : []),
    ...errorMessages(cause, depth + 1),
  ];
}

/** The `code` of an error and of the errors it wraps (pg's AggregateError, `cause`). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 3) return [];
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  return [
    ...(typeof code === 'string' ? [code] : []),
    ...(Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : []),
    ...errorCodes(cause, depth + 1),
  ];
}
