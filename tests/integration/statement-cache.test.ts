// The connection keeps the statements it compiled (db/client.ts): the same SQL runs the same
// statement again with new values, in the row mode each use asks for, and a statement still being
// iterated is never handed out twice. And the stamp that tells whether anything was written.
import { describe, expect, test } from 'vitest';
import { databaseStamp, sqlite, untilWritten } from '~db/client';
import { createUser } from '../support/factories';

describe('the connection’s compiled statements', () => {
  test('the same SQL is compiled once and runs with each use’s own values and row mode', () => {
    const source = 'select ? as a, ? as b';
    const first = sqlite.prepare(source);
    expect(sqlite.prepare(source)).toBe(first);
    expect(first.raw().get(1, 2)).toEqual([1, 2]);
    // The next use asks for row objects (as drizzle's raw SQL reads do): it gets them.
    expect(sqlite.prepare(source).get(3, 4)).toEqual({ a: 3, b: 4 });
  });

  test('a statement being iterated is not handed out again: a second one runs beside it', () => {
    const source = 'select value from json_each(?)';
    const outer = sqlite.prepare(source);
    const seen: number[][] = [];
    for (const row of outer.iterate('[1, 2]') as Iterable<{ value: number }>) {
      const inner = sqlite.prepare(source);
      expect(inner).not.toBe(outer);
      seen.push((inner.all('[7, 8]') as { value: number }[]).map((r) => r.value + row.value));
    }
    expect(seen).toEqual([
      [8, 9],
      [9, 10],
    ]);
  });
});

describe('the database stamp', () => {
  test('stays while the database is only read, and moves with any write', async () => {
    const before = databaseStamp();
    sqlite.prepare('select count(*) from users').get();
    expect(databaseStamp()).toBe(before);
    await createUser({ roles: ['staff'] });
    expect(databaseStamp()).not.toBe(before);
  });
});

describe('answers kept until the database is written', () => {
  test('a read runs again only after a write', async () => {
    let reads = 0;
    const staffCount = untilWritten('test-staff-count', (role: string) => {
      reads += 1;
      return (
        sqlite.prepare('select count(*) as n from user_roles where role = ?').get(role) as {
          n: number;
        }
      ).n;
    });
    const before = staffCount('staff');
    expect(staffCount('staff')).toBe(before);
    expect(reads).toBe(1);
    await createUser({ roles: ['staff'] });
    expect(staffCount('staff')).toBe(before + 1);
    expect(reads).toBe(2);
  });
});
