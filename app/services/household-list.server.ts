// The staff and facilitators' list of households (/households): its filters, its rows (a
// facilitator sees only her villages), and the same rows as CSV and XLSX. Every download is one
// audit line ('household.list-exported') naming the filters, since it carries families' names.
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import {
  countHouseholdList,
  householdListEntries,
  householdListIds,
} from '~/models/household.server';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import type { SessionUser } from '~/utils/session.server';
import { clientIp } from '~/utils/request.server';
import type { ExportTable } from './ledger-export.server';
import { HOUSEHOLD_SEARCH_MAX_LENGTH } from '~/schemas/household-client';

export interface HouseholdListRow {
  id: number;
  names: string[];
  locality: string;
  receivesSocialBenefits: boolean;
  registerNumber: string | null;
  hasAccount: boolean;
  phone: string | null;
}

/** Staff and admins see every household; a facilitator those of her villages. */
export function seesAllHouseholds(roles: readonly string[]): boolean {
  return roles.includes('staff') || roles.includes('admin');
}

/** The list's filters read from its query string, and the villages this person may choose. */
export function householdListFilter(actor: SessionUser, params: URLSearchParams) {
  const seesAll = seesAllHouseholds(actor.roles);
  // No name and register number is longer; a longer text would only make the search cost more.
  const search = (params.get('q') ?? '').trim().slice(0, HOUSEHOLD_SEARCH_MAX_LENGTH).toLowerCase();
  const localityParam = Number(params.get('locality'));
  const allowedLocalityIds = seesAll ? null : new Set(facilitatorLocalityIds(actor.user.id));
  const localities = listLocalities().filter(
    (l) => !allowedLocalityIds || allowedLocalityIds.has(l.id),
  );
  const localityId = localities.some((l) => l.id === localityParam) ? localityParam : undefined;
  return { seesAll, search, localityId, localities, q: params.get('q') ?? '' };
}

type ListFilter = Pick<ReturnType<typeof householdListFilter>, 'seesAll' | 'search' | 'localityId'>;

function viewerAndFilter(actor: SessionUser, filter: ListFilter) {
  return [
    { userId: actor.user.id, seesAll: filter.seesAll },
    { localityId: filter.localityId, search: filter.search },
  ] as const;
}

function listRows(ids: readonly number[], locale: Locale): HouseholdListRow[] {
  return householdListEntries(ids).map((h) => ({
    id: h.id,
    // An anonymised family's members keep their place but not their names: "#id" stands in.
    names: h.members.map((m) => `${m.firstName} ${m.lastName}`.trim() || `#${h.id}`),
    locality: localityName(
      { nameKy: h.localityKy, nameRu: h.localityRu, nameEn: h.localityEn },
      locale,
    ),
    receivesSocialBenefits: h.receivesSocialBenefits,
    registerNumber: h.benefitRegisterNumber,
    hasAccount: h.hasAccount,
    phone: h.phone,
  }));
}

/** How many households the list shows for these filters. */
export function householdListCount(actor: SessionUser, filter: ListFilter): number {
  return countHouseholdList(...viewerAndFilter(actor, filter));
}

/**
 * One page of the list, sorted by the first person's name as the reader's language sorts it:
 * filtered, sorted and cut in SQL (stored name keys, migration 0021), then only that page's
 * households and members read. A page past the end shows the last one.
 */
export function householdListRows(
  actor: SessionUser,
  filter: ListFilter,
  page: number,
  pageSize: number,
): { total: number; page: number; rows: HouseholdListRow[] } {
  const [viewer, listFilter] = viewerAndFilter(actor, filter);
  const locale = actor.user.locale;
  const shownPage = (total: number) =>
    Math.min(Math.max(1, page), Math.max(1, Math.ceil(total / pageSize)));
  if (filter.search) {
    // A search reads every household's search text: once, for the matching ids in order (few),
    // rather than once to count them and again for the page.
    const matching = householdListIds(viewer, listFilter, locale);
    const shown = shownPage(matching.length);
    const ids = matching.slice((shown - 1) * pageSize, shown * pageSize);
    return { total: matching.length, page: shown, rows: listRows(ids, locale) };
  }
  const total = countHouseholdList(viewer, listFilter);
  const shown = shownPage(total);
  const ids = householdListIds(viewer, listFilter, locale, {
    limit: pageSize,
    offset: (shown - 1) * pageSize,
  });
  return { total, page: shown, rows: listRows(ids, locale) };
}

/** How many households the exports read at once. */
const EXPORT_BATCH = 500;

/**
 * Every household of the list in its order, for the exports: the ordered ids first (small), then
 * the rows a batch at a time as the file is written. No query stays open between batches:
 * better-sqlite3 refuses writes on a connection while a statement is being iterated.
 */
export function* householdListRowsInOrder(
  actor: SessionUser,
  filter: ListFilter,
  batchSize = EXPORT_BATCH,
): Generator<HouseholdListRow> {
  const locale = actor.user.locale;
  const ids = householdListIds(...viewerAndFilter(actor, filter), locale);
  for (let start = 0; start < ids.length; start += batchSize) {
    yield* listRows(ids.slice(start, start + batchSize), locale);
  }
}

const COLUMNS = ['members', 'others', 'locality', 'benefits', 'account'] as const;
type Column = (typeof COLUMNS)[number];

/** The list's rows as a table with the page's columns, in the reader's language. */
export function householdsTable(
  rows: Iterable<HouseholdListRow>,
  locale: Locale,
): ExportTable<Column> {
  const t = fixedT(locale);
  function* tableRows() {
    for (const h of rows) {
      const others = Math.max(0, h.names.length - 1);
      const text: Record<Column, string> = {
        members: h.names[0] ?? t('households:list.noMembers'),
        others: String(others),
        locality: h.locality,
        benefits: h.receivesSocialBenefits
          ? (h.registerNumber ?? t('households:list.yes'))
          : t('households:list.no'),
        account: h.hasAccount ? t('households:list.hasAccount') : t('households:list.noAccount'),
      };
      yield { text, cells: { ...text, others } };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: ['others'],
    headers: [
      t('households:list.members'),
      t('households:list.exportOthers'),
      t('households:list.locality'),
      t('households:list.benefits'),
      t('households:list.account'),
    ],
    sheet: t('households:list.title'),
    rows: tableRows(),
  };
}

/** The rows of a download, after its audit line (with how many there are), read in batches. */
export function exportHouseholdList(
  request: Request,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
): Iterable<HouseholdListRow> {
  const filter = householdListFilter(actor, new URL(request.url).searchParams);
  const rows = householdListCount(actor, filter);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'household.list-exported',
      entityType: 'household',
      entityId: null,
      after: { format, q: filter.q, localityId: filter.localityId ?? null, rows },
      ipAddress: clientIp(request),
    }),
  );
  return householdListRowsInOrder(actor, filter);
}
