// A round's ranking as staff read it and export it (DESIGN.md, "Jury"): the order from
// rankingOf, with each application's reference, title, village and sector, each juror's total
// by name, the mean, the normalised score, the spread and its flag, and the mean points per
// criterion. Exports: CSV for Excel (UTF-8 with BOM, ";") and XLSX, headers in the reader's
// language.
import ExcelJS from 'exceljs';
import type { Round } from '~db/schema/jury';
import { INTL_TAGS, type Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listApplicationsForScreening } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import { jurorsOfRound, roundApplicationRows } from '~/models/jury.server';
import { findUserById } from '~/models/user.server';
import type { ApplicationStatus, Sector } from '~/schemas/enums';
import { utcToZonedLocal } from '~/utils/timezone';
import { rankingOf } from './jury.server';
import { NORMALISED_CENTRE, NORMALISED_POINTS_PER_SD } from './ranking.server';
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

export function rankingTable(roundId: number, locale: Locale): RankingTable | null {
  const ranking = rankingOf(roundId);
  if (!ranking) return null;
  const { round, ranked } = ranking;
  const competition = findCompetition(round.competitionId)!;
  const criteria = criterionViews(roundId, locale);
  const names = new Map(jurorsOfRound(roundId).map((j) => [j.id, j.name]));
  const nameOf = (id: number) => names.get(id) ?? findUserById(id)?.name ?? `#${id}`;
  const advanced = new Set(
    roundApplicationRows(roundId)
      .filter((r) => r.advancedAt)
      .map((r) => r.applicationId),
  );
  const facts = new Map(
    listApplicationsForScreening({
      competitionId: round.competitionId,
      ids: ranked.map((r) => r.applicationId),
      includeDrafts: true,
    }).map((row) => [row.id, row]),
  );
  const rows = ranked.map((entry): RankingRow => {
    const row = facts.get(entry.applicationId);
    return {
      rank: entry.rank,
      applicationId: entry.applicationId,
      reference: row?.reference ?? `#${entry.applicationId}`,
      title: row?.title ?? '',
      village: row
        ? localityName(
            { nameKy: row.localityKy, nameRu: row.localityRu, nameEn: row.localityEn },
            locale,
          )
        : '',
      sector: row?.sector ?? null,
      status: row?.status ?? 'in-review',
      advanced: advanced.has(entry.applicationId),
      jurors: entry.jurors.map((j) => ({
        jurorId: j.jurorId,
        name: nameOf(j.jurorId),
        total: j.total,
      })),
      meanTotal: entry.meanTotal,
      normalisedScore: entry.normalisedScore,
      spread: entry.spread,
      flagged: entry.flagged,
      criterionMeans: criteria.map((c) => entry.criterionMeans.get(c.id) ?? null),
    };
  });
  return { round, timeZone: competition.timezone, criteria, rows };
}

/** Points out of 100 (or per criterion) as the page shows them: one decimal, "72,5" in Russian. */
export function formatPoints(value: number, locale: Locale): string {
  return formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

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

type Cell = { text: string; value: string | number | null; isText: boolean };

function headers(table: RankingTable, locale: Locale): string[] {
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
function csvNumber(value: number | null, locale: Locale): string {
  if (value === null) return '';
  return new Intl.NumberFormat(INTL_TAGS[locale], {
    useGrouping: false,
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** One decimal, as the page shows it; the workbook keeps it a number. */
function rounded(value: number | null): number | null {
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

export function rankingCsv(table: RankingTable, locale: Locale): string {
  const lines = [
    headers(table, locale)
      .map((h) => csvField(h))
      .join(CSV_DELIMITER),
    ...table.rows.map((row) =>
      cells(row, locale)
        .map((cell) => csvField(cell.text, { isText: cell.isText }))
        .join(CSV_DELIMITER),
    ),
  ];
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

export async function rankingXlsx(table: RankingTable, locale: Locale): Promise<Buffer> {
  const t = fixedT(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ishenim';
  const sheet = workbook.addWorksheet(
    safeSheetName(t('rounds:export.sheet', { number: table.round.number })),
    { views: [{ state: 'frozen', ySplit: 1 }] },
  );
  const header = headers(table, locale);
  sheet.columns = header.map((title, index) => ({
    header: title,
    key: `c${index}`,
    width: index === 2 || index === 5 ? 36 : Math.max(10, Math.min(28, title.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const values = cells(row, locale);
    const added = sheet.addRow(values.map((cell) => cell.value));
    values.forEach((cell, index) => {
      if (!cell.isText && index > 0) added.getCell(index + 1).numFmt = '0.0';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "ishenim-ranking-round-1-2024-05-31.csv", dated on the competition's wall clock. */
export function rankingFileName(
  table: RankingTable,
  extension: 'csv' | 'xlsx',
  now = new Date(),
): string {
  const day = utcToZonedLocal(now, table.timeZone).slice(0, 10);
  return `ishenim-ranking-round-${table.round.number}-${day}.${extension}`;
}
