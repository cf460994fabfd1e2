/**
 * The command's own errors, besides the kernel's (`DomainError`) and the storage's
 * (`BackupError`). `main` maps each family to an exit code, once.
 */

/** The command line is malformed: unknown command or option, missing argument (exit code 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point to. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file is missing, unreadable, malformed or already there (exit code 3). */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** The database has no tables yet, or misses migrations (exit code 4). */
export class NotMigratedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotMigratedError';
  }
}

/**
 * The SMTP server did not take an e-mail the command had to send (exit code 1, like a refusal):
 * its French message says what was not sent and what to do instead.
 */
export class MailNotSentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailNotSentError';
  }
}
