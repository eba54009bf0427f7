// The screening list as a file for the programme office: CSV and XLSX, headers and values in
// the reader's language, dates on the competition's wall clock.
import { numberFormat } from '~/i18n/intl-cache';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ScreeningListRow } from './screening.server';

const COLUMNS = [
  'reference',
  'competition',
  'beneficiary',
  'locality',
  'sector',
  'title',
  'requestedAmount',
  'currency',
  'status',
  'submittedAt',
  'ineligibleReason',
] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Semicolon, because staff open the file in Excel with Russian or Kyrgyz regional settings,
 * where the list separator is ";" and the decimal separator is "," — with commas Excel would
 * put a whole row in one cell, and amounts like 95000,00 would be split in two.
 */
export const CSV_DELIMITER = ';';
/** The byte order mark tells Excel the file is UTF-8; without it Cyrillic shows as mojibake. */
export const UTF8_BOM = '\uFEFF';

function headerRow(locale: Locale): string[] {
  const t = fixedT(locale);
  return COLUMNS.map((column) => t(`screening:export.columns.${column}`));
}

/** "2024-01-31 18:00" on the competition's wall clock, which Excel reads as a date and time. */
function localDateTime(instant: Date | null, timeZone: string): string {
  return instant ? utcToZonedLocal(instant, timeZone).replace('T', ' ') : '';
}

function textValues(row: ScreeningListRow, locale: Locale): Record<Column, string> {
  const t = fixedT(locale);
  return {
    reference: row.reference ?? '',
    competition: row.competitionTitle,
    beneficiary: row.beneficiaryName,
    locality: row.locality,
    sector: row.sector ? t(`common:sectors.${row.sector}`) : '',
    title: row.title,
    // Major units with the locale's decimal mark and no grouping, so Excel reads a number.
    requestedAmount: numberFormat(INTL_TAGS[locale], {
      useGrouping: false,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(row.requestedAmount / 100),
    currency: row.currency,
    status: t(`common:applicationStatuses.${row.status}`),
    submittedAt: localDateTime(row.submittedAt, row.timeZone),
    ineligibleReason: row.ineligibleReason ?? '',
  };
}

/**
 * One CSV field: quoted when it holds the delimiter, a quote or a line break (quotes doubled);
 * a text a family typed that starts like a formula (=, +, -, @) gets a leading apostrophe so
 * that Excel shows it instead of running it.
 */
export function csvField(
  value: string,
  { isText = true, delimiter = CSV_DELIMITER }: { isText?: boolean; delimiter?: string } = {},
): string {
  const safe = isText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const quote = /["\r\n]/.test(safe) || safe.includes(delimiter) || /^\s|\s$/.test(safe);
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines are gathered into chunks of about 64 KB for the response. */
const CSV_CHUNK = 64 * 1024;

/**
 * The CSV a line at a time, as the rows come — the exports pass rows read a batch at a time, so
 * that the whole list never sits in memory as one string.
 */
export function* screeningCsvChunks(
  rows: Iterable<ScreeningListRow>,
  locale: Locale,
): Generator<string> {
  // RFC 4180 line endings; Excel is happy with them too.
  let chunk =
    UTF8_BOM +
    headerRow(locale)
      .map((h) => csvField(h))
      .join(CSV_DELIMITER) +
    '\r\n';
  for (const row of rows) {
    const values = textValues(row, locale);
    chunk +=
      COLUMNS.map((column) =>
        csvField(values[column], { isText: column !== 'requestedAmount' }),
      ).join(CSV_DELIMITER) + '\r\n';
    if (chunk.length >= CSV_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function screeningCsv(rows: Iterable<ScreeningListRow>, locale: Locale): string {
  return [...screeningCsvChunks(rows, locale)].join('');
}

const WIDTHS: Record<Column, number> = {
  reference: 16,
  competition: 28,
  beneficiary: 28,
  locality: 16,
  sector: 20,
  title: 36,
  requestedAmount: 16,
  currency: 10,
  status: 18,
  submittedAt: 18,
  ineligibleReason: 40,
};

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/**
 * Writes the workbook to `output` with exceljs' streaming writer: each row goes into the zip as
 * soon as it is added, so memory does not grow with the list; other requests get a turn between
 * batches.
 */
export async function writeScreeningXlsx(
  rows: Iterable<ScreeningListRow>,
  locale: Locale,
  output: Writable,
): Promise<void> {
  const t = fixedT(locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Ishenim';
  const sheet = workbook.addWorksheet(safeSheetName(t('screening:export.sheet')), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const header = headerRow(locale);
  sheet.columns = COLUMNS.map((column, index) => ({
    header: header[index],
    key: column,
    width: WIDTHS[column],
    style:
      column === 'requestedAmount'
        ? { numFmt: '#,##0.00' }
        : column === 'submittedAt'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of rows) {
    const values = textValues(row, locale);
    const wallClock = row.submittedAt ? utcToZonedLocal(row.submittedAt, row.timeZone) : null;
    sheet
      .addRow({
        ...values,
        // Real numbers and dates, so staff can sum and sort; cells typed by families stay text.
        requestedAmount: row.requestedAmount / 100,
        // Excel dates have no time zone: the cell holds the competition's wall-clock time.
        submittedAt: wallClock ? new Date(`${wallClock}:00Z`) : null,
      })
      .commit();
    written += 1;
    if (written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** The whole workbook as bytes (tests, small lists), made by the same streaming writer. */
export async function screeningXlsx(
  rows: Iterable<ScreeningListRow>,
  locale: Locale,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  await writeScreeningXlsx(rows, locale, sink);
  await ended;
  return Buffer.from(Buffer.concat(chunks));
}

/** "ishenim-applications-2024-01-31.csv", dated in the reader's programme time zone. */
export function exportFileName(extension: 'csv' | 'xlsx', now = new Date()): string {
  return `ishenim-applications-${utcToZonedLocal(now, 'Asia/Bishkek').slice(0, 10)}.${extension}`;
}
