import { integer } from 'drizzle-orm/sqlite-core';

/** Integer surrogate key; SQLite AUTOINCREMENT so an id is never reused after a delete. */
export const id = () => integer().primaryKey({ autoIncrement: true });

/** A UTC instant, stored as milliseconds since the epoch. */
export const instant = () => integer({ mode: 'timestamp_ms' });

export const timestamps = {
  createdAt: instant()
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: instant()
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

export const bool = () => integer({ mode: 'boolean' });
