// The admin's list of accounts (/admin/users) with its search and role filter, and the same list
// as CSV and XLSX (read in keyset batches; last sign-in as a typed date on Bishkek's clock).
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { allUsersForAdmin, type AdminUserRow } from '~/models/user.server';
import { ROLES, type Role } from '~/utils/permissions';
import { utcToZonedLocal } from '~/utils/timezone';
import type { ExportTable } from './ledger-export.server';

const TIME_ZONE = 'Asia/Bishkek';

/** The list's filters from its query string; an unknown role is no filter. */
export function adminUserFilter(params: URLSearchParams): { search: string; role?: Role } {
  const search = params.get('q')?.trim() ?? '';
  const roleParam = params.get('role');
  const role = (ROLES as readonly string[]).includes(roleParam ?? '')
    ? (roleParam as Role)
    : undefined;
  return { search, role };
}

const COLUMNS = ['name', 'contact', 'roles', 'status', 'lastSignIn'] as const;
type Column = (typeof COLUMNS)[number];

/** Every account of the filtered list, with the page's columns in the reader's language. */
export function adminUsersTable(
  filter: { search: string; role?: Role },
  locale: Locale,
): ExportTable<Column> {
  const t = fixedT(locale);
  const status = (u: AdminUserRow) =>
    u.disabledAt
      ? t('admin:users.disabled')
      : u.hasPassword
        ? t('admin:users.active')
        : t('admin:users.invited');
  function* rows() {
    for (const u of allUsersForAdmin(filter)) {
      const text: Record<Column, string> = {
        name: u.name,
        contact: u.email ?? u.phone ?? '',
        roles: u.roles.map((role) => t(`common:roles.${role}`)).join(', '),
        status: status(u),
        lastSignIn: u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale, TIME_ZONE) : '',
      };
      const lastSignIn = u.lastSignInAt
        ? new Date(`${utcToZonedLocal(u.lastSignInAt, TIME_ZONE)}:00Z`)
        : null;
      yield { text, cells: { ...text, lastSignIn } };
    }
  }
  return {
    columns: COLUMNS,
    numberColumns: [],
    dateColumns: ['lastSignIn'],
    headers: COLUMNS.map((c) => t(`admin:users.${c}`)),
    sheet: t('admin:users.title'),
    rows: rows(),
  };
}
