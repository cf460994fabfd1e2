import { write as writeAsync, writeSync } from 'node:fs';

/** Lines held while the output does not keep up (a stalled collector): past this, lines are dropped and counted. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;
/** How long to wait before writing again to an output that said it is full (`EAGAIN`). */
const FULL_OUTPUT_PAUSE_MS = 20;

/**
 * Where the request log goes (pino's destination): the lines that arrive while a write is under
 * way are written together, in one asynchronous write, when it ends; a lone line is written at the
 * end of its turn of the event loop.
 *
 * Why not pino's own destination (sonic-boom): under load its cost per line grew with its buffer
 * (it measures the buffer's UTF-8 length at every line, then encodes it once more after each
 * write); a cached read took about a tenth more CPU with it than with this one. Here a line costs
 * an array push; the join and the encoding happen once per write.
 *
 * A full output (a pipe whose reader lags, `EAGAIN`) is retried after a pause; meanwhile lines
 * wait, up to MAX_PENDING_CHARS, then are dropped and their count written once the output
 * recovers. `flushSync` writes what is left, for the process's exit.
 *
 * @example
 * const logger = pino({ level: 'info' }, new BatchedLog(1));
 */
export class BatchedLog {
  readonly #fd: number;
  #pending: string[] = [];
  #pendingChars = 0;
  #dropped = 0;
  /** The bytes being written, or null when no write is under way. */
  #writing: Buffer | null = null;
  /** Whether those bytes are with the system now (not waiting for a full output to recover). */
  #inFlight = false;
  #scheduled = false;
  #drained: (() => void)[] = [];

  constructor(fd: number) {
    this.#fd = fd;
  }

  /** Takes one line (pino gives it with its newline). */
  write(line: string): void {
    if (this.#pendingChars + line.length > MAX_PENDING_CHARS) {
      this.#dropped += 1;
      return;
    }
    this.#pending.push(line);
    this.#pendingChars += line.length;
    if (this.#writing === null && !this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#writeNext);
    }
  }

  /** Calls `done` once every line taken so far is written (pino's `logger.flush`). */
  flush(done: (error?: Error) => void = () => {}): void {
    if (this.#writing === null && this.#pending.length === 0) done();
    else this.#drained.push(() => done());
  }

  /**
   * Writes every waiting line now, blocking: for the process's last moment. A write the system
   * holds already is left to it (written twice, its lines would show twice).
   */
  flushSync(): void {
    const unsent = this.#writing !== null && !this.#inFlight ? [this.#writing] : [];
    let rest = Buffer.concat([...unsent, this.#take()]);
    this.#writing = null;
    this.#inFlight = false;
    for (let tries = 0; rest.byteLength > 0 && tries < 100; tries += 1) {
      try {
        rest = rest.subarray(writeSync(this.#fd, rest));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') break;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
      }
    }
    for (const done of this.#drained.splice(0)) done();
  }

  readonly #writeNext = (): void => {
    this.#scheduled = false;
    if (this.#writing !== null) return;
    const bytes = this.#take();
    if (bytes.byteLength === 0) {
      for (const done of this.#drained.splice(0)) done();
      return;
    }
    this.#writing = bytes;
    this.#writeWriting();
  };

  #writeWriting(): void {
    const bytes = this.#writing;
    if (bytes === null) return;
    this.#inFlight = true;
    writeAsync(this.#fd, bytes, 0, bytes.byteLength, null, (error, written) => {
      if (this.#writing !== bytes) return; // flushSync took over meanwhile
      this.#inFlight = false;
      if (error?.code === 'EAGAIN') {
        setTimeout(() => {
          if (this.#writing === bytes) this.#writeWriting();
        }, FULL_OUTPUT_PAUSE_MS);
        return;
      }
      // Any other failure (the output closed): these lines cannot go anywhere.
      this.#writing = error || written >= bytes.byteLength ? null : bytes.subarray(written);
      if (this.#writing === null) this.#writeNext();
      else this.#writeWriting();
    });
  }

  /** The waiting lines as bytes, with the count of those dropped, which are no longer waiting. */
  #take(): Buffer {
    if (this.#dropped > 0) {
      this.#pending.push(droppedLine(this.#dropped));
      this.#dropped = 0;
    }
    const text = this.#pending.join('');
    this.#pending = [];
    this.#pendingChars = 0;
    return Buffer.from(text);
  }
}

/** The line that takes the place of lines the output could not take in time (pino's format). */
function droppedLine(count: number): string {
  return `${JSON.stringify({
    level: 40,
    time: Date.now(),
    msg: `${count} ligne(s) du journal perdue(s) : la sortie ne suivait pas`,
  })}\n`;
}
