// The staff list of consultations as a file: CSV for Excel (UTF-8 with BOM, ";") and XLSX, both
// streamed a batch of rows at a time; headers and values in the reader's language, times on the
// programme's wall clock.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { utcToZonedLocal } from '~/utils/timezone';
import type { StaffListRow } from './consultation-view.server';
import { CSV_DELIMITER, UTF8_BOM, csvField, safeSheetName } from './screening-export.server';

const COLUMNS = [
  'startsAt',
  'minutes',
  'consultant',
  'village',
  'family',
  'reference',
  'mode',
  'status',
  'attendance',
  'advice',
] as const;
type Column = (typeof COLUMNS)[number];

const WIDTHS: Record<Column, number> = {
  startsAt: 18,
  minutes: 9,
  consultant: 24,
  village: 16,
  family: 26,
  reference: 16,
  mode: 14,
  status: 14,
  attendance: 22,
  advice: 50,
};

function headerRow(locale: Locale): string[] {
  const t = fixedT(locale);
  return COLUMNS.map((column) => t(`consultant:staff.columns.${column}`));
}

function textValues(row: StaffListRow, locale: Locale, timeZone: string): Record<Column, string> {
  const t = fixedT(locale);
  return {
    startsAt: utcToZonedLocal(row.startsAt, timeZone).replace('T', ' '),
    minutes: String(row.minutes),
    consultant: row.consultant,
    village: row.village,
    family: row.family,
    reference: row.reference ?? '',
    mode: t(`consultant:modes.${row.mode}`),
    status: t(`consultant:bookingStatuses.${row.status}`),
    attendance: row.attendance ? t(`consultant:attendance.${row.attendance}`) : '',
    advice: row.advice ?? '',
  };
}

const CSV_CHUNK = 64 * 1024;

export function* consultationCsvChunks(
  rows: Iterable<StaffListRow>,
  locale: Locale,
  timeZone: string,
): Generator<string> {
  let chunk =
    UTF8_BOM +
    headerRow(locale)
      .map((h) => csvField(h))
      .join(CSV_DELIMITER) +
    '\r\n';
  for (const row of rows) {
    const values = textValues(row, locale, timeZone);
    chunk +=
      COLUMNS.map((column) =>
        csvField(values[column], { isText: column !== 'minutes' && column !== 'startsAt' }),
      ).join(CSV_DELIMITER) + '\r\n';
    if (chunk.length >= CSV_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export async function writeConsultationXlsx(
  rows: Iterable<StaffListRow>,
  locale: Locale,
  timeZone: string,
  output: Writable,
): Promise<void> {
  const t = fixedT(locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Ishenim';
  const sheet = workbook.addWorksheet(safeSheetName(t('consultant:staff.sheet')), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const header = headerRow(locale);
  sheet.columns = COLUMNS.map((column, index) => ({
    header: header[index],
    key: column,
    width: WIDTHS[column],
    style: column === 'startsAt' ? { numFmt: 'yyyy-mm-dd hh:mm' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of rows) {
    const values = textValues(row, locale, timeZone);
    sheet
      .addRow({
        ...values,
        minutes: row.minutes,
        // Excel dates have no time zone: the cell holds the programme's wall-clock time.
        startsAt: new Date(`${utcToZonedLocal(row.startsAt, timeZone)}:00Z`),
      })
      .commit();
    written += 1;
    if (written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** "ishenim-consultations-2026-12-06.csv", dated on the programme's clock. */
export function consultationFileName(
  extension: 'csv' | 'xlsx',
  timeZone: string,
  now = new Date(),
) {
  return `ishenim-consultations-${utcToZonedLocal(now, timeZone).slice(0, 10)}.${extension}`;
}
