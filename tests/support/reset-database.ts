// Empties every table of the test file's database and its audit checkpoints (and restores the audit triggers a test may
// have dropped to simulate tampering), for tests that need to start from nothing.
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER, sqlite } from '~db/client';

const TRIGGERS_SQL = fs
  .readFileSync(path.join(MIGRATIONS_FOLDER, '0001_audit_append_only.sql'), 'utf8')
  .split('--> statement-breakpoint');
// The money ledger is append-only too; its triggers are the migration's last two statements.
const LEDGER_TRIGGERS_SQL = fs
  .readFileSync(
    path.join(
      MIGRATIONS_FOLDER,
      // Found by name, whatever number the migration has after merging.
      fs.readdirSync(MIGRATIONS_FOLDER).find((file) => file.endsWith('_grants_and_ledger.sql'))!,
    ),
    'utf8',
  )
  .split('--> statement-breakpoint')
  .filter((statement) => statement.includes('CREATE TRIGGER'));

export function resetDatabase() {
  const all = sqlite
    .prepare<[], { name: string; sql: string }>(
      "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'",
    )
    .all();
  // A full-text index (households_search, migration 0023) is emptied through itself: SQLite
  // refuses writes to the shadow tables behind it (households_search_data, …).
  const fullText = all.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
  const tables = all
    .map((t) => t.name)
    .filter((name) => !fullText.some((v) => name === v || name.startsWith(`${v}_`)));
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec(
      'drop trigger if exists audit_log_no_update; drop trigger if exists audit_log_no_delete;' +
        ' drop trigger if exists ledger_entries_no_update; drop trigger if exists ledger_entries_no_delete;',
    );
    for (const table of tables) sqlite.prepare(`delete from "${table}"`).run();
    for (const index of fullText)
      sqlite.prepare(`insert into "${index}"("${index}") values ('delete-all')`).run();
    sqlite.prepare('delete from sqlite_sequence').run();
    for (const statement of [...TRIGGERS_SQL, ...LEDGER_TRIGGERS_SQL]) sqlite.exec(statement);
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  // The audit log's checkpoints outside the database belong to the log just emptied.
  if (process.env.AUDIT_CHECKPOINT_DIR) {
    fs.rmSync(process.env.AUDIT_CHECKPOINT_DIR, { recursive: true, force: true });
  }
}
