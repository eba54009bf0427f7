import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Placeholder } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { collationKey } from '../app/utils/collation-key';
import * as people from './schema/people';
import * as auth from './schema/auth';
import * as audit from './schema/audit';
import * as mail from './schema/mail';
import * as competitions from './schema/competitions';
import * as households from './schema/households';
import * as applications from './schema/applications';
import * as jury from './schema/jury';
import * as grants from './schema/grants';
import * as consultations from './schema/consultations';
import * as training from './schema/training';
import * as outcomes from './schema/outcomes';
import * as settings from './schema/settings';
import * as householdReads from './schema/household-reads';

export const schema = {
  ...people,
  ...auth,
  ...audit,
  ...mail,
  ...competitions,
  ...households,
  ...applications,
  ...jury,
  ...grants,
  ...consultations,
  ...training,
  ...outcomes,
  ...settings,
  ...householdReads,
};
export type Db = BetterSQLite3Database<typeof schema>;
/** What a write transaction callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'db/migrations');

export function databasePath(): string {
  return path.resolve(process.env.DATABASE_PATH || 'data/ishenim.db');
}

/** Opens the SQLite file with the pragmas that keep commits durable, and migrates it. */
export function openDatabase(filePath: string): { db: Db; sqlite: Database.Database } {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3's default (NORMAL under WAL) may lose the last commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own LOWER() and LIKE fold only ASCII; fold() lower-cases Cyrillic too, so a search
  // for "айгүл" finds "Айгүл".
  sqlite.function('fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  // collation_key(text, locale) sorts names as the reader's language does, inside the query
  // (better-sqlite3 registers functions, not collations; see app/utils/collation-key.ts).
  sqlite.function('collation_key', { deterministic: true }, (value: unknown, locale: unknown) =>
    typeof value === 'string' ? collationKey(value, String(locale)) : value,
  );
  reusePreparedStatements(sqlite);
  const db = drizzle(sqlite, { schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  refreshPlannerStatistics(sqlite, { allTables: true });
  return { db, sqlite };
}

/**
 * Lets SQLite refresh the statistics its query planner chooses indexes by (ANALYZE, bounded by
 * a sampling limit: under 0.1 s on the 10,000-application programme). Without them the planner
 * guesses: it read all 10,000 applications of a competition through the competition's index
 * to find the 50 of a ranking page by their ids. SQLite's advice for a long-lived connection: all
 * tables when it opens, then now and then (hourly, utils/background.server.ts) the tables whose
 * size has changed much since.
 */
export function refreshPlannerStatistics(
  sqlite: Database.Database,
  options: { allTables?: boolean } = {},
) {
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma(options.allTables ? 'optimize = 0x10002' : 'optimize');
}

/** How many compiled statements the connection keeps (the app has a few hundred query shapes). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Drizzle asks SQLite to compile every query afresh, each time it runs; compiling costs more than
 * running most of the app's queries (a staff page runs a dozen). The connection keeps what it
 * compiled, by SQL text, least recently used first out: the values are bound at each run, so the
 * same text is the same statement. A statement still being iterated is busy, so a second one is
 * compiled for the overlapping use; and each use starts in better-sqlite3's row-object mode, as
 * drizzle switches to raw rows itself when it wants them.
 */
function reusePreparedStatements(sqlite: Database.Database) {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const kept = cache.get(source);
    if (kept && !kept.busy) {
      cache.delete(source);
      cache.set(source, kept);
      if (kept.reader) kept.raw(false);
      return kept;
    }
    const statement = compile(source);
    if (!kept) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

// One connection per process; kept on globalThis so a development rebuild reuses it.
const globalForDb = globalThis as unknown as { __ishenimDb?: ReturnType<typeof openDatabase> };
globalForDb.__ishenimDb ??= openDatabase(databasePath());

export const db: Db = globalForDb.__ishenimDb.db;
export const sqlite: Database.Database = globalForDb.__ishenimDb.sqlite;

/**
 * A stamp that changes whenever anything is written to the database: rows changed by this
 * connection (SQLite's total_changes(), triggers included) and commits by any other connection
 * (PRAGMA data_version). Both are read in microseconds, so what is computed from many rows can be
 * kept until the stamp moves.
 */
export function databaseStamp(): string {
  const connection = globalForDb.__ishenimDb!.sqlite;
  const changes = connection.prepare('select total_changes() as n').get() as { n: number };
  return `${changes.n}:${String(connection.pragma('data_version', { simple: true }))}`;
}

/** How many answers `untilWritten` keeps, all reads together. */
const KEPT_ANSWERS = 200;
const keptAnswers = new Map<string, { stamp: string; value: unknown }>();

/**
 * An aggregate over many rows (a round's loads, its counts over 30,000 assignments), answered
 * again from memory while nothing was written to the database since (`databaseStamp`). The
 * answer is shared by every caller: read it, never change it.
 */
export function untilWritten<A extends (string | number)[], T>(
  name: string,
  read: (...args: A) => T,
): (...args: A) => T {
  return (...args) => {
    const key = `${name}|${args.join(',')}`;
    const stamp = databaseStamp();
    const kept = keptAnswers.get(key);
    if (kept?.stamp === stamp) return kept.value as T;
    const value = read(...args);
    keptAnswers.delete(key);
    if (keptAnswers.size >= KEPT_ANSWERS) keptAnswers.delete(keptAnswers.keys().next().value!);
    keptAnswers.set(key, { stamp, value });
    return value;
  };
}

/**
 * A read that pages run on every request, built by drizzle and compiled by SQLite once: `make`
 * returns drizzle's prepared query (the values as `sql.placeholder`). Building a query costs
 * drizzle far more than SQLite takes to run a small one. For reads outside a transaction; a
 * model given a transaction builds its query on it as usual.
 */
export function preparedOnce<T>(make: (connection: Db) => T): () => T {
  let made: T | undefined;
  return () => (made ??= make(db));
}

/**
 * A read like `preparedOnce` whose LIMIT is written into the statement's text, one statement per
 * limit (callers pass a constant). Through drizzle, a family's bookings query with its LIMIT
 * bound as a value was measured at 0.4–0.8 ms a run at the 10,000-application programme, even
 * with no rows, against 2 µs with the number in the text.
 */
export function preparedPerLimit<T>(
  make: (connection: Db, limit: Placeholder) => T,
): (limit: number) => T {
  const made = new Map<number, T>();
  return (limit) => {
    let query = made.get(limit);
    if (query === undefined) {
      if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`Bad limit: ${limit}`);
      // drizzle's limit() takes a number (bound) or a placeholder; raw SQL goes in as written.
      query = make(db, sql.raw(String(limit)) as unknown as Placeholder);
      made.set(limit, query);
    }
    return query;
  };
}

/**
 * Runs one use case as a single IMMEDIATE transaction: the write lock is taken at BEGIN, so two
 * requests cannot both read a stale state and then write. The callback must be synchronous —
 * with better-sqlite3 an `await` inside would commit early and never roll back.
 */
export function writeTransaction<T>(work: (tx: Tx) => T): T {
  return db.transaction(
    (tx) => {
      const result = work(tx);
      if (result instanceof Promise) {
        throw new Error('writeTransaction callbacks must be synchronous');
      }
      return result;
    },
    { behavior: 'immediate' },
  );
}
