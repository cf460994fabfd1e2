import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileError } from './errors.ts';
import { formatSize, fr } from './messages/fr.ts';

// Beyond this, a string cannot hold the file in memory: say so rather than crash.
const MAX_JSON_BYTES = 512 * 1024 * 1024;

/** A file's error as a French sentence naming the file. */
export function fileProblem(file: string, error: unknown, writing = false): FileError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') {
    return new FileError(writing ? fr.files.missingFolder(dirname(file)) : fr.files.notFound(file));
  }
  if (code === 'EISDIR') return new FileError(fr.files.isDirectory(file));
  if (code === 'EACCES' || code === 'EPERM') return new FileError(fr.files.denied(file));
  const why = error instanceof Error ? error.message : String(error);
  return new FileError(writing ? fr.files.unwritable(file, why) : fr.files.unreadable(file, why));
}

/**
 * Reads and parses a JSON file, or fails with a `FileError` that says in French what is wrong:
 * missing, a folder, unreadable, too large, or not JSON (with the line and column).
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const { size } = statSync(file);
    if (size > MAX_JSON_BYTES) throw new FileError(fr.files.tooLarge(file, formatSize(size)));
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw fileProblem(file, error);
  }
  // Some editors start a UTF-8 file with a byte-order mark, which JSON does not allow.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FileError(fr.files.malformedJson(file, jsonWhere(text, (error as Error).message)));
  }
}

/** Where a JSON parse failed, from V8's message ("… at position 12"), as a line and a column. */
function jsonWhere(text: string, message: string): string | undefined {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) {
    return /end of JSON input/.test(message) ? fr.files.jsonEnd : undefined;
  }
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return fr.files.jsonPosition(line, column);
}

/**
 * Reads a file's bytes, refusing one over `maxBytes` before reading it (a 200 MB file is not
 * loaded to be refused), with a `FileError` in French.
 */
export async function readFileBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  try {
    const { size } = statSync(file);
    if (size > maxBytes)
      throw new FileError(fr.files.tooLargeFor(file, formatSize(size), formatSize(maxBytes)));
    return await readFile(file);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw fileProblem(file, error);
  }
}

/** Refuses a folder, and an existing file unless asked to overwrite it (`--remplacer`). */
export function checkDestination(file: string, replace: boolean): void {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new FileError(fr.files.isDirectory(file));
  }
  if (!replace && existsSync(file)) throw new FileError(fr.files.exists(file));
  if (!existsSync(dirname(file))) throw new FileError(fr.files.missingFolder(dirname(file)));
}

/**
 * Writes `chunks` to a temporary file beside `file`, then renames it: the file appears whole or
 * not at all, and an existing one is replaced only once the new one is complete.
 */
export function writeAtomically(file: string, chunks: Iterable<string>): void {
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(partial, 'wx');
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    closeSync(fd);
    fd = undefined;
    renameSync(partial, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(partial, { force: true });
    if (error instanceof FileError) throw error;
    throw fileProblem(file, error, true);
  }
}

/**
 * A JSON object as text, one top-level field per line and one record of each list per line:
 * readable, diff-friendly, and written piece by piece. `onRecord` counts the records written.
 */
export function* jsonDocumentChunks(
  document: Record<string, unknown>,
  onRecord: () => void = () => {},
): Generator<string> {
  const entries = Object.entries(document).filter(([, value]) => value !== undefined);
  yield '{\n';
  for (const [index, [key, value]] of entries.entries()) {
    const end = index < entries.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [i, item] of value.entries()) {
        yield `    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}\n`;
        onRecord();
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${end}`;
    }
  }
  yield '}\n';
}

/** How many records the lists of a document hold. */
export function recordCount(document: Record<string, unknown>): number {
  return Object.values(document).reduce<number>(
    (sum, value) => sum + (Array.isArray(value) ? value.length : 0),
    0,
  );
}
