import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './dialects.ts';

/*
 * SQLite keeps prepared statements by SQL text (kysely would prepare each query anew): the
 * answers must stay those of the database as it is now.
 */

let test: TestDatabase;
beforeEach(async () => {
  test = await openTestDatabase('sqlite', { migrate: false });
});
afterEach(() => test.drop());

it('answers with the table as it is now, after its schema changed under a kept statement', async () => {
  const { db } = test.database;
  await sql`create table notes (id integer primary key, text text)`.execute(db);
  await sql`insert into notes (text) values ('avant')`.execute(db);
  const all = () => sql<Record<string, unknown>>`select * from notes`.execute(db);
  expect((await all()).rows).toEqual([{ id: 1, text: 'avant' }]);
  await sql`alter table notes add column author text`.execute(db);
  await sql`update notes set author = 'Claire'`.execute(db);
  expect((await all()).rows).toEqual([{ id: 1, text: 'avant', author: 'Claire' }]);
});

it('still answers every query right when more distinct queries run than it keeps', async () => {
  const { db } = test.database;
  await sql`create table numbers (n integer)`.execute(db);
  for (let n = 0; n < 5; n++) await sql`insert into numbers values (${n})`.execute(db);
  // 600 distinct texts (over the 500 kept), then the first ones again.
  for (const round of [0, 1]) {
    for (let k = 0; k < 600; k += round === 0 ? 1 : 150) {
      const { rows } = await sql<{
        total: number;
      }>`select count(*) + ${sql.raw(String(k))} as total from numbers`.execute(db);
      expect(rows[0]?.total).toBe(5 + k);
    }
  }
});
