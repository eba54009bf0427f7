import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { TableFrame } from '~/components/table-frame';
import { FormattedDateTime } from '~/components/formatted';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { listUsersForAdmin } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import { adminUserFilter } from '~/services/admin-users-export.server';
import { ROLES, type RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'users:manage' };
export const meta = titleFromLoader;

const PAGE_SIZE = 25;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'users:manage');
  const url = new URL(request.url);
  const { search, role } = adminUserFilter(url.searchParams);
  const page = pageFromUrl(url);
  const { users, total } = listUsersForAdmin({ search, role, page, pageSize: PAGE_SIZE });
  return json({
    pageTitle: fixedT(user.locale)('admin:users.title'),
    filters: { q: search, role: role ?? '' },
    users: users.map((u) => ({
      ...u,
      lastSignInAt: u.lastSignInAt ? formattedInstant(u.lastSignInAt, user.locale) : null,
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
  });
}

export default function UsersPage() {
  const { users, total, page, pageSize, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['admin', 'common', 'dashboard']);
  const { search } = useLocation();
  return (
    <div className="stack">
      <div className="row">
        <h1>{t('users.title')}</h1>
        <Link to="/admin/users/new" className="button">
          {t('users.invite')}
        </Link>
      </div>
      <Form method="get" className="filters" role="search" aria-label={t('users.searchLabel')}>
        <div className="field">
          <label htmlFor="users-q">{t('users.search')}</label>
          <input id="users-q" type="search" name="q" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="users-role">{t('users.role')}</label>
          <select id="users-role" name="role" defaultValue={filters.role}>
            <option value="">{t('users.allRoles')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('users.filter')}
        </button>
      </Form>
      <div className="row">
        <p className="muted">{t('users.count', { count: total })}</p>
        <a href={`/admin/users.csv${search}`} download>
          {t('dashboard:export.csv')}
        </a>
        <a href={`/admin/users.xlsx${search}`} download>
          {t('dashboard:export.xlsx')}
        </a>
      </div>
      <TableFrame label={t('users.title')}>
        <table>
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.contact')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastSignIn')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email ?? u.phone ?? '—'}</td>
                <td>{u.roles.map((role) => t(`common:roles.${role}`)).join(', ') || '—'}</td>
                <td>
                  {u.disabledAt ? (
                    <span className="badge badge--bad">{t('users.disabled')}</span>
                  ) : u.hasPassword ? (
                    <span className="badge badge--ok">{t('users.active')}</span>
                  ) : (
                    <span className="badge badge--warn">{t('users.invited')}</span>
                  )}
                </td>
                <td>{u.lastSignInAt ? <FormattedDateTime value={u.lastSignInAt} /> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
