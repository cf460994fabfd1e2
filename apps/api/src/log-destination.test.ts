import { execFileSync } from 'node:child_process';
import {
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchedLog } from './log-destination.ts';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'maille-log-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function flushed(log: BatchedLog): Promise<void> {
  return new Promise((resolve) => log.flush(() => resolve()));
}

function messages(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('the request log output', () => {
  it('writes every line of a pino logger, in order, across turns of the event loop', async () => {
    const file = join(folder, 'api.log');
    const fd = openSync(file, 'w');
    const log = new BatchedLog(fd);
    const logger = pino({ level: 'info' }, log);
    const sent: string[] = [];
    for (let turn = 0; turn < 20; turn += 1) {
      for (let line = 0; line < 50; line += 1) {
        const msg = `requête ${turn}-${line}`;
        sent.push(msg);
        logger.info({ requestId: `req_${turn}_${line}` }, msg);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await flushed(log);
    closeSync(fd);
    expect(messages(readFileSync(file, 'utf8'))).toEqual(sent);
  });

  it('writes what is still waiting at once when asked to (the process is exiting)', () => {
    const file = join(folder, 'api.log');
    const fd = openSync(file, 'w');
    const log = new BatchedLog(fd);
    const logger = pino({ level: 'info' }, log);
    logger.info('dernière requête');
    log.flushSync();
    closeSync(fd);
    expect(messages(readFileSync(file, 'utf8'))).toEqual(['dernière requête']);
  });

  it('writes each line once when the exit comes while a write is under way', async () => {
    const file = join(folder, 'api.log');
    const fd = openSync(file, 'w');
    const log = new BatchedLog(fd);
    const logger = pino({ level: 'info' }, log);
    const sent = Array.from({ length: 2_000 }, (_, index) => `requête ${index}`);
    for (const msg of sent.slice(0, 1_000)) logger.info(msg);
    // The first thousand lines are handed to the system, then more come, then the exit.
    await new Promise((resolve) => setImmediate(resolve));
    for (const msg of sent.slice(1_000)) logger.info(msg);
    log.flushSync();
    await new Promise((resolve) => setTimeout(resolve, 200));
    closeSync(fd);
    expect(messages(readFileSync(file, 'utf8')).sort()).toEqual([...sent].sort());
  });

  it('waits for a pipe whose reader lags, then delivers every line whole', async () => {
    // A named pipe holds 64 KiB: about 4 MB of lines fill it many times over, so writes are refused
    // (EAGAIN) or cut short until the reader catches up.
    const fifo = join(folder, 'collector');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const log = new BatchedLog(writer);
    const logger = pino({ level: 'info' }, log);
    const sent = Array.from(
      { length: 20_000 },
      (_, index) => `requête n° ${index} ${'é'.repeat(40)}`,
    );
    for (const msg of sent) logger.info(msg);

    const received: Buffer[] = [];
    const chunk = Buffer.alloc(65_536);
    let done = false;
    const drained = flushed(log).then(() => {
      done = true;
    });
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      for (;;) {
        let read = 0;
        try {
          read = readSync(reader, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') break;
          throw error;
        }
        if (read === 0) break;
        received.push(Buffer.from(chunk.subarray(0, read)));
      }
    }
    await drained;
    closeSync(writer);
    for (let read = readSync(reader, chunk); read > 0; read = readSync(reader, chunk)) {
      received.push(Buffer.from(chunk.subarray(0, read)));
    }
    closeSync(reader);
    expect(messages(Buffer.concat(received).toString('utf8'))).toEqual(sent);
  });

  it('drops lines past its limit when the output cannot keep up, and says how many', async () => {
    const file = join(folder, 'api.log');
    const fd = openSync(file, 'w');
    const log = new BatchedLog(fd);
    const logger = pino({ level: 'info' }, log);
    // Written without giving the event loop a turn: nothing can reach the file meanwhile.
    const line = 'x'.repeat(1_000);
    for (let index = 0; index < 10_000; index += 1) logger.info(line);
    await flushed(log);
    closeSync(fd);
    const written = messages(readFileSync(file, 'utf8'));
    const kept = written.filter((msg) => msg === line).length;
    expect(kept).toBeGreaterThan(7_000);
    expect(kept).toBeLessThan(10_000);
    expect(written.at(-1)).toBe(
      `${10_000 - kept} ligne(s) du journal perdue(s) : la sortie ne suivait pas`,
    );
  });
});
