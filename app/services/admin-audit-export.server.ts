// The admin's audit log (/admin/audit): its filters, and the filtered log as CSV and XLSX, read
// newest first in keyset batches of ids (the log has 100,000+ lines); the chain is not verified
// per export (the page's verdict and the hourly watch do that).
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { listAuditPage, type AuditFilter } from '~/models/audit.server';
import { isAuditAction, isAuditEntityType } from '~/utils/audit-actions';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ExportTable } from './ledger-export.server';

const TIME_ZONE = 'Asia/Bishkek';

/** "2026-11-23" in Asia/Bishkek → the UTC instant of that day's start. */
function dayStart(value: string | null, plusDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00+06:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() + plusDays * 24 * 60 * 60_000);
}

export function positiveInt(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/** The log's filters from the page's query string; unknown values are no filter. */
export function auditFilterFrom(
  params: URLSearchParams,
): Omit<AuditFilter, 'before' | 'after' | 'pageSize'> {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const action = get('action');
  const entityType = get('entityType');
  return {
    action: action && isAuditAction(action) ? action : undefined,
    entityType: entityType && isAuditEntityType(entityType) ? entityType : undefined,
    entityId: get('entityId'),
    actorUserId: positiveInt(get('actor')),
    from: dayStart(params.get('from')),
    to: dayStart(params.get('to'), 1),
  };
}

/** Every line the filters find, newest first, a batch of ids at a time. */
export function* auditLines(
  filter: Omit<AuditFilter, 'before' | 'after' | 'pageSize'>,
  batchSize = 1000,
) {
  let before: number | undefined;
  for (;;) {
    const page = listAuditPage({ ...filter, before, pageSize: batchSize });
    yield* page.rows;
    if (!page.hasOlder || page.rows.length === 0) return;
    before = page.rows[page.rows.length - 1]!.id;
  }
}

const COLUMNS = ['id', 'when', 'who', 'action', 'record', 'before', 'after'] as const;
type Column = (typeof COLUMNS)[number];

/** The filtered log with the page's columns, in the reader's language. */
export function auditTable(
  filter: Omit<AuditFilter, 'before' | 'after' | 'pageSize'>,
  locale: Locale,
  batchSize?: number,
): ExportTable<Column> {
  const t = fixedT(locale);
  function* rows() {
    for (const row of auditLines(filter, batchSize)) {
      const typeLabel = isAuditEntityType(row.entityType)
        ? t(`admin:audit.entityTypes.${row.entityType}`)
        : row.entityType;
      const text: Record<Column, string> = {
        id: String(row.id),
        when: formatDateTime(row.createdAt, locale, TIME_ZONE),
        who: row.actorUserId
          ? (row.actorName ?? t('admin:audit.removedPerson'))
          : t('admin:audit.system'),
        action: isAuditAction(row.action) ? t(`admin:audit.actions.${row.action}`) : row.action,
        record: row.entityUserName
          ? `${typeLabel}: ${row.entityUserName}`
          : row.entityId
            ? `${typeLabel} №${row.entityId}`
            : typeLabel,
        before: row.before ?? '',
        after: row.after ?? '',
      };
      const when = new Date(`${utcToZonedLocal(row.createdAt, TIME_ZONE)}:00Z`);
      yield { text, cells: { ...text, id: row.id, when } };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: ['id'],
    dateColumns: ['when'],
    headers: [
      '#',
      t('admin:audit.when'),
      t('admin:audit.who'),
      t('admin:audit.action'),
      t('admin:audit.record'),
      t('admin:audit.before'),
      t('admin:audit.after'),
    ],
    sheet: t('admin:audit.title'),
    rows: rows(),
  };
}
