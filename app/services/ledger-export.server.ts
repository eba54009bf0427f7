// The competition's money ledger as CSV and XLSX for Excel. CSV: UTF-8 with a BOM (so Excel reads
// Cyrillic), ";" between fields; both with headers in the reader's language, amounts as numbers
// in major units.
import { PassThrough, Readable, type Writable } from 'node:stream';
import { createReadableStreamFromReadable } from '@remix-run/node';
import ExcelJS from 'exceljs';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { numberFormat } from '~/i18n/intl-cache';
import { findCompetition } from '~/models/competition.server';
import { ledgerRowsOfCompetition } from '~/models/grant-money.server';
import { CSV_DELIMITER, csvField, safeSheetName, UTF8_BOM } from './screening-export.server';

const COLUMNS = [
  'entry',
  'application',
  'beneficiary',
  'kind',
  'tranche',
  'amount',
  'currency',
  'method',
  'reference',
  'paidAt',
  'recordedBy',
  'approvedBy',
  'reverses',
  'reason',
] as const;
type Column = (typeof COLUMNS)[number];
const NUMBER_COLUMNS: readonly Column[] = ['entry', 'amount', 'tranche', 'reverses'];

/** Major units with the locale's decimal mark and no grouping, so Excel reads a number. */
export function csvAmount(locale: Locale, minor: number): string {
  return numberFormat(INTL_TAGS[locale], {
    useGrouping: false,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(minor / 100);
}

/** A table for the exports: its headers and its rows, each row as text and as typed cells. */
export interface ExportTable<C extends string> {
  columns: readonly C[];
  numberColumns: readonly C[];
  headers: string[];
  sheet: string;
  rows: Iterable<{ text: Record<C, string>; cells: Record<C, string | number | Date | null> }>;
  /** Excel number formats by column (e.g. dates), where a column needs one. */
  numFmts?: Partial<Record<C, string>>;
  /** Columns whose cells are Dates holding the wall-clock time, shown as date and time. */
  dateColumns?: readonly C[];
}

/** Excel in Kyrgyz and Russian expects ";" between fields (the decimal mark is a comma), English ",". */
export function csvDelimiterFor(locale: Locale): string {
  return locale === 'en' ? ',' : ';';
}

/** A table's CSV in chunks of about 64 KB: BOM, headers, one line per row; ";" unless told otherwise. */
export function* tableCsvChunks<C extends string>(
  table: ExportTable<C>,
  { delimiter = CSV_DELIMITER }: { delimiter?: string } = {},
): Generator<string> {
  let chunk =
    UTF8_BOM + table.headers.map((h) => csvField(h, { delimiter })).join(delimiter) + '\r\n';
  for (const row of table.rows) {
    chunk +=
      table.columns
        .map((c) => csvField(row.text[c], { isText: !table.numberColumns.includes(c), delimiter }))
        .join(delimiter) + '\r\n';
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The whole CSV of a table: BOM, headers, one line per row; ";" unless told otherwise. */
export function tableCsv<C extends string>(
  table: ExportTable<C>,
  options: { delimiter?: string } = {},
): string {
  return [...tableCsvChunks(table, options)].join('');
}

/** A table's CSV streamed to the browser as it is read (for lists of thousands of rows). */
export function tableCsvStreamResponse<C extends string>(
  table: ExportTable<C>,
  filename: string,
  options: { delimiter?: string } = {},
): Response {
  function* bytes() {
    for (const chunk of tableCsvChunks(table, options)) yield Buffer.from(chunk, 'utf8');
  }
  return new Response(createReadableStreamFromReadable(Readable.from(bytes())), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** Writes a table to `output` with exceljs' streaming writer, a row at a time. */
export async function writeTableXlsx<C extends string>(
  table: ExportTable<C>,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Ishenim';
  const sheet = workbook.addWorksheet(safeSheetName(table.sheet), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column, index) => ({
    header: table.headers[index],
    key: column,
    width: Math.max(12, Math.min(40, (table.headers[index]?.length ?? 10) + 4)),
    style: table.numFmts?.[column]
      ? { numFmt: table.numFmts[column] }
      : table.dateColumns?.includes(column)
        ? { numFmt: 'yyyy-mm-dd hh:mm' }
        : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of table.rows) {
    sheet.addRow(row.cells).commit();
    written += 1;
    if (written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** The whole workbook as bytes (tests), made by the same streaming writer. */
export async function tableXlsx<C extends string>(table: ExportTable<C>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  await writeTableXlsx(table, sink);
  await ended;
  return Buffer.concat(chunks);
}

/** The ledger of a competition as a table, or null if there is no such competition. */
export function ledgerTable(competitionId: number, locale: Locale): ExportTable<Column> | null {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const t = fixedT(locale);
  const timeZone = competition.timezone;
  function* rows() {
    for (const row of ledgerRowsOfCompetition(competitionId)) {
      const text: Record<Column, string> = {
        entry: String(row.id),
        application: row.applicationReference ?? '',
        beneficiary: [row.firstName, row.lastName].filter(Boolean).join(' '),
        kind: t(`grants:kinds.${row.kind}`),
        tranche: row.position === null ? '' : String(row.position),
        amount: csvAmount(locale, row.amount),
        currency: row.currency,
        method: t(`grants:methods.${row.method as 'cash'}`),
        reference: row.reference,
        paidAt: formatDate(row.paidAt, locale, timeZone),
        recordedBy: row.recordedBy,
        approvedBy: row.approvedBy,
        reverses: row.reversesEntryId === null ? '' : String(row.reversesEntryId),
        reason: row.reason ?? '',
      };
      const cells: Record<Column, string | number | null> = {
        ...text,
        entry: row.id,
        tranche: row.position,
        amount: row.amount / 100,
        reverses: row.reversesEntryId,
      };
      yield { text, cells };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: NUMBER_COLUMNS,
    headers: COLUMNS.map((c) => t(`grants:export.${c}`)),
    sheet: t('grants:export.sheet'),
    rows: rows(),
  };
}

/** The whole CSV, or null if there is no such competition. */
export function ledgerCsv(competitionId: number, locale: Locale): string | null {
  const table = ledgerTable(competitionId, locale);
  return table && tableCsv(table);
}

/**
 * A table as a download: an Excel workbook streamed to the browser as it is written (every
 * table export of the staff pages answers through here).
 */
export function tableXlsxResponse<C extends string>(
  table: ExportTable<C>,
  filename: string,
): Response {
  const body = new PassThrough();
  writeTableXlsx(table, body).catch((error: unknown) => body.destroy(error as Error));
  return new Response(createReadableStreamFromReadable(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}

/** A CSV text (already with its BOM) as a download that no cache keeps. */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
