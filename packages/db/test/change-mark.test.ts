import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { changeMark, openDatabase } from '../src/index.ts';
import { openTestDatabase, type TestDatabase } from './dialects.ts';

/*
 * The change mark lets a cached read be kept while nothing was written: it must move for every
 * writer, this connection or another process's.
 */

let test: TestDatabase;
beforeEach(async () => {
  test = await openTestDatabase('sqlite', { migrate: false });
  await sql`create table notes (id integer primary key, text text)`.execute(test.database.db);
});
afterEach(() => test.drop());

it('stays while nothing is written, and moves with a write of this connection or of another', async () => {
  const mark = changeMark(test.database);
  const first = mark();
  expect(first).toBeDefined();
  await sql`select * from notes`.execute(test.database.db);
  expect(mark()).toBe(first);

  await sql`insert into notes (text) values ('ici')`.execute(test.database.db);
  const afterOwnWrite = mark();
  expect(afterOwnWrite).not.toBe(first);

  // Another process on the same file: the bot, the `maille` command.
  const other = openDatabase({ url: test.database.file });
  try {
    await sql`insert into notes (text) values ('ailleurs')`.execute(other.db);
  } finally {
    await other.close();
  }
  expect(mark()).not.toBe(afterOwnWrite);
});

it('has no mark on PostgreSQL: a reader reads again', async () => {
  const postgres = await openTestDatabase('postgres', { migrate: false });
  try {
    expect(changeMark(postgres.database)()).toBeUndefined();
  } finally {
    await postgres.drop();
  }
});
