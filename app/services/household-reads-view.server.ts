// The admin's view of who opened a family's file: a page of the read-access log in the admin's
// language and on the programme's clock, and the same rows as CSV / XLSX.
import type { Locale } from '~/i18n/config';
import { formatDateTime, formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { findHousehold, membersOf } from '~/models/household.server';
import {
  allHouseholdReads,
  listHouseholdReadsPage,
  type HouseholdReadRow,
} from '~/models/household-reads.server';
import { ROLES, type Role } from '~/utils/permissions';
import { csvDelimiterFor, tableCsv, type ExportTable } from './ledger-export.server';
import { programmeTimeZone } from './programme-clock.server';

export const READS_PAGE_SIZE = 50;

/** The household's name as staff know it (its first member), or null when there is none. */
export function householdHeading(householdId: number): { id: number; name: string } | null {
  const household = findHousehold(householdId);
  if (!household) return null;
  const first = membersOf(household.id)[0];
  return { id: household.id, name: first ? `${first.firstName} ${first.lastName}` : '' };
}

function roleLabel(role: string, locale: Locale): string {
  return (ROLES as readonly string[]).includes(role)
    ? fixedT(locale)(`common:roles.${role as Role}`)
    : role;
}

function kindLabel(row: HouseholdReadRow, locale: Locale): string {
  return fixedT(locale)(`admin:reads.kinds.${row.what}`);
}

export function householdReadsPage(
  householdId: number,
  locale: Locale,
  cursor: { before?: number; after?: number },
) {
  const timeZone = programmeTimeZone();
  const page = listHouseholdReadsPage({ householdId, ...cursor, pageSize: READS_PAGE_SIZE });
  return {
    hasOlder: page.hasOlder,
    hasNewer: page.hasNewer,
    rows: page.rows.map((row) => ({
      id: row.id,
      at: formattedInstant(row.createdAt, locale, { timeZone }),
      viewer: { id: row.viewerUserId, name: row.viewerName },
      role: roleLabel(row.viewerRole, locale),
      what: kindLabel(row, locale),
    })),
  };
}

const COLUMNS = ['at', 'viewer', 'role', 'what'] as const;
type Column = (typeof COLUMNS)[number];

/** Every read of the household, newest first, as an export table in the reader's language. */
export function householdReadsTable(householdId: number, locale: Locale): ExportTable<Column> {
  const t = fixedT(locale);
  const timeZone = programmeTimeZone();
  function* rows() {
    for (const row of allHouseholdReads(householdId)) {
      const text = {
        at: formatDateTime(row.createdAt, locale, timeZone),
        viewer: row.viewerName,
        role: roleLabel(row.viewerRole, locale),
        what: kindLabel(row, locale),
      };
      yield { text, cells: text };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: [],
    headers: COLUMNS.map((c) => t(`admin:reads.columns.${c}`)),
    sheet: t('admin:reads.sheet'),
    rows: rows(),
  };
}

export function householdReadsCsv(householdId: number, locale: Locale): string {
  return tableCsv(householdReadsTable(householdId, locale), { delimiter: csvDelimiterFor(locale) });
}

export function householdReadsFileName(householdId: number, extension: 'csv' | 'xlsx'): string {
  return `household-${householdId}-reads.${extension}`;
}
