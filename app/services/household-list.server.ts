// The staff and facilitators' list of households (/households): its filters, its rows (a
// facilitator sees only her villages), and the same rows as CSV and XLSX. Every download is one
// audit line ('household.list-exported') naming the filters, since it carries families' names.
import { writeTransaction } from '~db/client';
import type { Locale } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { collatorFor } from '~/i18n/intl-cache';
import { localityName } from '~/i18n/locality';
import { appendAudit } from '~/models/audit.server';
import { listHouseholdsFor } from '~/models/household.server';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import type { SessionUser } from '~/utils/session.server';
import { clientIp } from '~/utils/request.server';
import type { ExportTable } from './ledger-export.server';

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
  const search = params.get('q')?.trim().toLowerCase() ?? '';
  const localityParam = Number(params.get('locality'));
  const allowedLocalityIds = seesAll ? null : new Set(facilitatorLocalityIds(actor.user.id));
  const localities = listLocalities().filter(
    (l) => !allowedLocalityIds || allowedLocalityIds.has(l.id),
  );
  const localityId = localities.some((l) => l.id === localityParam) ? localityParam : undefined;
  return { seesAll, search, localityId, localities, q: params.get('q') ?? '' };
}

/** The households the list shows for these filters, sorted by the first person's name. */
export function householdListRows(
  actor: SessionUser,
  filter: Pick<ReturnType<typeof householdListFilter>, 'seesAll' | 'search' | 'localityId'>,
): HouseholdListRow[] {
  const locale = actor.user.locale;
  const collator = collatorFor(locale, undefined);
  const { search } = filter;
  return (
    listHouseholdsFor(
      { userId: actor.user.id, seesAll: filter.seesAll },
      { localityId: filter.localityId },
    )
      .map((h) => ({
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
      }))
      // A name typed in any case matches: Айгүл, айгүл, АЙГҮЛ.
      .filter(
        (h) =>
          !search ||
          h.names.some((n) => n.toLowerCase().includes(search)) ||
          h.registerNumber?.toLowerCase().includes(search),
      )
      .sort((a, b) => collator.compare(a.names[0] ?? '', b.names[0] ?? ''))
  );
}

const COLUMNS = ['members', 'others', 'locality', 'benefits', 'account'] as const;
type Column = (typeof COLUMNS)[number];

/** The list's rows as a table with the page's columns, in the reader's language. */
export function householdsTable(rows: HouseholdListRow[], locale: Locale): ExportTable<Column> {
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

/** The rows of a download, after its audit line. */
export function exportHouseholdList(
  request: Request,
  actor: SessionUser,
  format: 'csv' | 'xlsx',
): HouseholdListRow[] {
  const filter = householdListFilter(actor, new URL(request.url).searchParams);
  const rows = householdListRows(actor, filter);
  writeTransaction((tx) =>
    appendAudit(tx, {
      actorUserId: actor.user.id,
      action: 'household.list-exported',
      entityType: 'household',
      entityId: null,
      after: { format, q: filter.q, localityId: filter.localityId ?? null, rows: rows.length },
      ipAddress: clientIp(request),
    }),
  );
  return rows;
}
