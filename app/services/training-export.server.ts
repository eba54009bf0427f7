// The staff list of training sessions as CSV and XLSX: the page's columns (headers are its own
// column labels), its filters and the actor's scope, read in batches. Sessions hold no household's
// data, so a download is not audited.
import { listSessions } from '~/models/training.server';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { csvDelimiterFor, type ExportTable, tableCsv } from './ledger-export.server';
import { programmeTimeZone } from './programme-clock.server';
import { trainingFilterFrom } from './training-view.server';

const COLUMNS = ['date', 'topic', 'village', 'place', 'present', 'status'] as const;
type Column = (typeof COLUMNS)[number];
const BATCH = 500;

/** The filtered sessions the actor may see, as a table, read `BATCH` rows at a time. */
export function trainingTable(actor: SessionUser, url: URL): ExportTable<Column> {
  const locale: Locale = actor.user.locale;
  const t = fixedT(locale);
  const { filter, scope } = trainingFilterFrom(actor, url);
  const timeZone = programmeTimeZone();
  function* rows() {
    for (let offset = 0; ; offset += BATCH) {
      const { rows: batch } = listSessions(scope, filter, { limit: BATCH, offset });
      for (const row of batch) {
        const wall = utcToZonedLocal(row.startsAt, timeZone);
        const text: Record<Column, string> = {
          date: wall.replace('T', ' '),
          topic: t(`training:topics.${row.topic}`),
          village: localityName(
            { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
            locale,
          ),
          place: row.place,
          present: String(Number(row.present)),
          status: t(`training:status.${row.status}`),
        };
        // The programme's wall time as the cell's value, so Excel shows the hour the page shows.
        const cells = { ...text, date: new Date(`${wall}:00Z`), present: Number(row.present) };
        yield { text, cells };
      }
      if (batch.length < BATCH) return;
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: ['present'],
    headers: COLUMNS.map((c) => t(`training:list.columns.${c}`)),
    sheet: t('training:title'),
    numFmts: { date: 'yyyy-mm-dd hh:mm', present: '0' },
    rows: rows(),
  };
}

/** The CSV: BOM, ";" in ky/ru, "," in English. */
export function trainingCsv(actor: SessionUser, url: URL): string {
  return tableCsv(trainingTable(actor, url), { delimiter: csvDelimiterFor(actor.user.locale) });
}
