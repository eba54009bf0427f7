// A round's ranking as staff read it and export it (DESIGN.md, "Jury"): the order from
// rankingOf, with each application's reference, title, village and sector, each juror's total
// by name, the mean, the normalised score, the spread and its flag, and the mean points per
// criterion. Exports: CSV for Excel (UTF-8 with BOM, ";") and XLSX, headers in the reader's
// language.
import { numberFormat } from '~/i18n/intl-cache';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Round } from '~db/schema/jury';
import { untilWritten } from '~db/client';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { screeningRowsByIds } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import { jurorsOfRound } from '~/models/jury.server';
import { advancedAmong, roundApplicationsMatching } from '~/models/round-ranking.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import type { RankingShow } from '~/schemas/round-admin';
import { utcToZonedLocal } from '~/utils/timezone';
import { rankingOf } from './jury.server';
import {
  NORMALISED_CENTRE,
  NORMALISED_POINTS_PER_SD,
  type RankedApplication,
} from './ranking.server';
import { criterionViews, type CriterionView } from './round-overview.server';
import { CSV_DELIMITER, UTF8_BOM, csvField, safeSheetName } from './screening-export.server';

/** The normalised score's mapping, from the one place it is defined (ranking.server.ts). */
export const NORMALISATION_MAPPING = {
  centre: NORMALISED_CENTRE,
  pointsPerSd: NORMALISED_POINTS_PER_SD,
} as const;

export type RankingRow = {
  rank: number;
  applicationId: number;
  reference: string;
  title: string;
  village: string;
  sector: Sector | null;
  status: ApplicationStatus;
  /** Staff advanced it from this round to the next. */
  advanced: boolean;
  /** Each juror's weighted total out of 100, by name (staff may see who scored what). */
  jurors: { jurorId: number; name: string; total: number }[];
  meanTotal: number | null;
  normalisedScore: number | null;
  spread: number | null;
  flagged: boolean;
  /** Mean points per criterion, in the criteria's order; null before any submitted score. */
  criterionMeans: (number | null)[];
};

export type RankingTable = {
  round: Round;
  timeZone: string;
  criteria: CriterionView[];
  rows: RankingRow[];
};

/** The ranking as the exports read it: the rows come lazily, a batch of applications at a time. */
export type RankingSource = Omit<RankingTable, 'rows'> & { rows: Iterable<RankingRow> };

/** How many applications' facts are read in one query while a page or an export is built. */
const BATCH = 500;

type RankingContext = {
  roundId: number;
  competitionId: number;
  locale: Locale;
  criteria: CriterionView[];
  nameOf: (jurorId: number) => string;
};

/** The round's jurors' names and its criteria as shown, kept until anything is written. */
const jurorsAndCriteria = untilWritten('ranking-context', (roundId: number, locale: Locale) => ({
  names: new Map(jurorsOfRound(roundId).map((j) => [j.id, j.name])),
  criteria: criterionViews(roundId, locale),
}));

function rankingContext(round: Round, locale: Locale): RankingContext {
  const { names, criteria } = jurorsAndCriteria(round.id, locale);
  return {
    roundId: round.id,
    competitionId: round.competitionId,
    locale,
    criteria,
    nameOf: (id) => names.get(id) ?? findUserById(id)?.name ?? `#${id}`,
  };
}

/** The rows of these ranked applications, their facts read in one query. */
function rowsOf(context: RankingContext, entries: readonly RankedApplication[]): RankingRow[] {
  const ids = entries.map((r) => r.applicationId);
  const advanced = advancedAmong(context.roundId, ids);
  const facts = new Map(screeningRowsByIds(ids, context.competitionId).map((row) => [row.id, row]));
  return entries.map((entry): RankingRow => {
    const row = facts.get(entry.applicationId);
    return {
      rank: entry.rank,
      applicationId: entry.applicationId,
      reference: row?.reference ?? `#${entry.applicationId}`,
      title: row?.title ?? '',
      village: row
        ? localityName(
            { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
            context.locale,
          )
        : '',
      sector: row?.sector ?? null,
      status: row?.status ?? 'in-review',
      advanced: advanced.has(entry.applicationId),
      jurors: entry.jurors.map((j) => ({
        jurorId: j.jurorId,
        name: context.nameOf(j.jurorId),
        total: j.total,
      })),
      meanTotal: entry.meanTotal,
      normalisedScore: entry.normalisedScore,
      spread: entry.spread,
      flagged: entry.flagged,
      criterionMeans: context.criteria.map((c) => entry.criterionMeans.get(c.id) ?? null),
    };
  });
}

function* inBatches(
  context: RankingContext,
  ranked: readonly RankedApplication[],
): Generator<RankingRow> {
  for (let start = 0; start < ranked.length; start += BATCH) {
    yield* rowsOf(context, ranked.slice(start, start + BATCH));
  }
}

/** The whole ranking for the exports, its rows read a batch at a time as they are written. */
export function rankingExport(roundId: number, locale: Locale): RankingSource | null {
  const ranking = rankingOf(roundId);
  if (!ranking) return null;
  const { round, ranked } = ranking;
  const competition = findCompetition(round.competitionId)!;
  const context = rankingContext(round, locale);
  return {
    round,
    timeZone: competition.timezone,
    criteria: context.criteria,
    rows: { [Symbol.iterator]: () => inBatches(context, ranked) },
  };
}

/** The whole ranking in memory: for small rounds and tests; pages and exports never need it. */
export function rankingTable(roundId: number, locale: Locale): RankingTable | null {
  const source = rankingExport(roundId, locale);
  return source ? { ...source, rows: [...source.rows] } : null;
}

export const RANKING_PAGE_SIZE = 50;
export type RankingQuery = { page: number; q: string; show: RankingShow };

export type RankingPage = Omit<RankingTable, 'rows'> & {
  rows: RankingRow[];
  /** Applications in the round, those with a submitted score, and those flagged to discuss. */
  count: number;
  scored: number;
  flagged: number;
  /** Applications the search and the filter leave, of which `rows` is one page. */
  matching: number;
  page: number;
  pageSize: number;
};

/**
 * One page of the ranking (50 rows), searched by reference or idea and filtered by flag: the
 * order comes from the (cached) ranking, the facts only for the rows on the page.
 */
export function rankingPage(
  roundId: number,
  locale: Locale,
  query: RankingQuery,
): RankingPage | null {
  const ranking = rankingOf(roundId);
  if (!ranking) return null;
  const { round, ranked } = ranking;
  const matchingIds = query.q ? roundApplicationsMatching(roundId, query.q) : null;
  const shown = ranked.filter(
    (r) =>
      (!matchingIds || matchingIds.has(r.applicationId)) &&
      (query.show === 'flagged'
        ? r.flagged
        : query.show === 'unscored'
          ? r.meanTotal === null
          : true),
  );
  const pages = Math.max(1, Math.ceil(shown.length / RANKING_PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const context = rankingContext(round, locale);
  const competition = findCompetition(round.competitionId)!;
  let scored = 0;
  let flagged = 0;
  for (const r of ranked) {
    if (r.meanTotal !== null) scored += 1;
    if (r.flagged) flagged += 1;
  }
  return {
    round,
    timeZone: competition.timezone,
    criteria: context.criteria,
    rows: rowsOf(context, shown.slice((page - 1) * RANKING_PAGE_SIZE, page * RANKING_PAGE_SIZE)),
    count: ranked.length,
    scored,
    flagged,
    matching: shown.length,
    page,
    pageSize: RANKING_PAGE_SIZE,
  };
}

/** Points out of 100 (or per criterion) as the page shows them: one decimal, "72,5" in Russian. */
export function formatPoints(value: number, locale: Locale): string {
  return formatNumber(value, locale, ONE_DECIMAL);
}

const ONE_DECIMAL: Intl.NumberFormatOptions = {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
};

// ---------------------------------------------------------------------------------------------
// Exports

const FIXED_COLUMNS = [
  'rank',
  'reference',
  'title',
  'village',
  'sector',
  'jurors',
  'mean',
  'normalised',
  'spread',
  'discuss',
] as const;
const LAST_COLUMNS = ['advanced', 'status'] as const;
const CSV_CHUNK = 64 * 1024;

type Cell = { text: string; value: string | number | null; isText: boolean };

function headers(table: Pick<RankingSource, 'criteria'>, locale: Locale): string[] {
  const t = fixedT(locale);
  return [
    ...FIXED_COLUMNS.map((c) => t(`rounds:export.columns.${c}`)),
    ...table.criteria.map((c, index) =>
      t('rounds:export.criterionColumn', {
        criterion: c.title?.text ?? t('rounds:criteria.number', { number: index + 1 }),
        max: c.maxPoints,
      }),
    ),
    ...LAST_COLUMNS.map((c) => t(`rounds:export.columns.${c}`)),
  ];
}

/** Numbers for Excel: the locale's decimal mark, no grouping, one decimal. */
export function csvNumber(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return numberFormat(INTL_TAGS[locale], {
    useGrouping: false,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** One decimal, as the page shows it; the workbook keeps it a number. */
export function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function cells(row: RankingRow, locale: Locale): Cell[] {
  const t = fixedT(locale);
  const number = (value: number | null): Cell => ({
    text: csvNumber(value, locale),
    value: rounded(value),
    isText: false,
  });
  const text = (value: string): Cell => ({ text: value, value, isText: true });
  const scored = row.meanTotal !== null;
  return [
    { text: String(row.rank), value: row.rank, isText: false },
    text(row.reference),
    text(row.title),
    text(row.village),
    text(row.sector ? t(`common:sectors.${row.sector}`) : ''),
    text(row.jurors.map((j) => `${j.name}: ${csvNumber(j.total, locale)}`).join(', ')),
    number(row.meanTotal),
    number(row.normalisedScore),
    number(row.spread),
    text(scored ? t(row.flagged ? 'rounds:export.yes' : 'rounds:export.no') : ''),
    ...row.criterionMeans.map(number),
    text(t(row.advanced ? 'rounds:export.yes' : 'rounds:export.no')),
    text(t(`common:applicationStatuses.${row.status}`)),
  ];
}

/**
 * The CSV a line at a time — the header, then one line per application as its batch is read — so
 * that 10,000 rows never sit in memory as one string. Lines are gathered into chunks of about
 * 64 KB for the response.
 */
export function* rankingCsvChunks(source: RankingSource, locale: Locale): Generator<string> {
  let chunk =
    UTF8_BOM +
    headers(source, locale)
      .map((h) => csvField(h))
      .join(CSV_DELIMITER) +
    '\r\n';
  for (const row of source.rows) {
    chunk +=
      cells(row, locale)
        .map((cell) => csvField(cell.text, { isText: cell.isText }))
        .join(CSV_DELIMITER) + '\r\n';
    if (chunk.length >= CSV_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function rankingCsv(source: RankingSource, locale: Locale): string {
  return [...rankingCsvChunks(source, locale)].join('');
}

/**
 * Writes the workbook to `output` with exceljs' streaming writer: each row is committed (written
 * into the zip) as soon as it is added, so the memory used does not grow with the ranking. The
 * event loop gets a turn between batches, so other requests are answered meanwhile.
 */
export async function writeRankingXlsx(
  source: RankingSource,
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
  const sheet = workbook.addWorksheet(
    safeSheetName(t('rounds:export.sheet', { number: source.round.number })),
    { views: [{ state: 'frozen', ySplit: 1 }] },
  );
  const header = headers(source, locale);
  sheet.columns = header.map((title, index) => ({
    header: title,
    key: `c${index}`,
    width: index === 2 || index === 5 ? 36 : Math.max(10, Math.min(28, title.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for (const row of source.rows) {
    const values = cells(row, locale);
    const added = sheet.addRow(values.map((cell) => cell.value));
    values.forEach((cell, index) => {
      if (!cell.isText && index > 0) added.getCell(index + 1).numFmt = '0.0';
    });
    added.commit();
    written += 1;
    if (written % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** The whole workbook as bytes (for tests and small rounds), made by the same streaming writer. */
export async function rankingXlsx(source: RankingSource, locale: Locale): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  await writeRankingXlsx(source, locale, sink);
  await ended;
  return Buffer.concat(chunks);
}

/** "ishenim-ranking-round-1-2024-05-31.csv", dated on the competition's wall clock. */
export function rankingFileName(
  table: Pick<RankingSource, 'round' | 'timeZone'>,
  extension: 'csv' | 'xlsx',
  now = new Date(),
): string {
  const day = utcToZonedLocal(now, table.timeZone).slice(0, 10);
  return `ishenim-ranking-round-${table.round.number}-${day}.${extension}`;
}
