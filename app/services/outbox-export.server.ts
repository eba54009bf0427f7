// The outbox (/staff/outbox) as CSV and XLSX: the page's status filter and columns (when written,
// to whom and at which address, subject, status, when a waiting notice goes) — never a body —
// read newest first in keyset batches of ids. It names the people written to, so each download
// writes an audit line ('outbox.exported') with its filter and number of rows.
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { appendAudit } from '~/models/audit.server';
import { countOutboxByStatus, outboxRowsBefore } from '~/models/outbox.server';
import { MAIL_STATUSES, type MailStatus } from '~/schemas/enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ExportTable } from './ledger-export.server';

const TIME_ZONE = 'Asia/Bishkek';

/** The page's status filter from its query string; an unknown status is no filter. */
export function outboxStatusFrom(params: URLSearchParams): MailStatus | undefined {
  const status = params.get('status') ?? '';
  return (MAIL_STATUSES as readonly string[]).includes(status) ? (status as MailStatus) : undefined;
}

/** Every mail the filter finds, newest first, a batch of ids at a time. */
export function* outboxExportRows(status: MailStatus | undefined, batchSize = 1000) {
  let beforeId: number | undefined;
  for (;;) {
    const batch = outboxRowsBefore({ status, beforeId, limit: batchSize });
    yield* batch;
    if (batch.length < batchSize) return;
    beforeId = batch[batch.length - 1]!.id;
  }
}

const COLUMNS = ['created', 'to', 'address', 'subject', 'status', 'notBefore'] as const;
type Column = (typeof COLUMNS)[number];

/** A wall-clock Date of Bishkek's time, which Excel shows as written. */
const bishkekCell = (instant: Date) => new Date(`${utcToZonedLocal(instant, TIME_ZONE)}:00Z`);

/** The filtered outbox with the page's columns in the reader's language. */
export function outboxTable(
  status: MailStatus | undefined,
  locale: Locale,
  batchSize?: number,
): ExportTable<Column> {
  const t = fixedT(locale);
  function* rows() {
    for (const row of outboxExportRows(status, batchSize)) {
      // A notice written for later (a reminder): when it will go, while it still waits.
      const notBefore = row.status === 'pending' && row.notBefore ? row.notBefore : null;
      const text: Record<Column, string> = {
        created: formatDateTime(row.createdAt, locale, TIME_ZONE),
        to: row.toName,
        address: row.toAddress ?? '',
        subject: row.subject,
        status: t(`admin:outbox.status.${row.status}`),
        notBefore: notBefore ? formatDateTime(notBefore, locale, TIME_ZONE) : '',
      };
      const cells = {
        ...text,
        created: bishkekCell(row.createdAt),
        notBefore: notBefore ? bishkekCell(notBefore) : null,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: [],
    dateColumns: ['created', 'notBefore'],
    headers: [
      t('admin:outbox.created'),
      t('admin:outbox.to'),
      t('admin:invite.email'),
      t('admin:outbox.subject'),
      t('admin:outbox.statusFilter'),
      t('admin:outbox.notBefore'),
    ],
    sheet: t('admin:outbox.title'),
    rows: rows(),
  };
}

/** The outbox of a download, after its audit line naming its filter and rows. */
export function exportOutbox(
  request: Request,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
): ExportTable<Column> {
  const status = outboxStatusFrom(new URL(request.url).searchParams);
  const counts = countOutboxByStatus();
  const rows = status ? counts[status] : MAIL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'outbox.exported',
      entityType: 'outbox',
      entityId: null,
      after: { format, status: status ?? null, rows },
      ipAddress: clientIp(request),
    }),
  );
  return outboxTable(status, actor.user.locale);
}
