import { collatorFor } from '~/i18n/intl-cache';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { TableFrame } from '~/components/table-frame';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { familiesWithoutHousehold } from '~/models/user.server';
import { HOUSEHOLD_SEARCH_MAX_LENGTH } from '~/schemas/household-client';
import { householdListFilter, householdListRows } from '~/services/household-list.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import { hasPermission, type RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:view' };

const HOUSEHOLDS_PAGE_SIZE = 50;
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const { user, roles } = actor;
  const url = new URL(request.url);
  const filter = householdListFilter(actor, url.searchParams);
  const { seesAll, localities, localityId } = filter;
  const collator = collatorFor(user.locale, undefined);
  // Fifty to a page, filtered, sorted and cut in SQL: at 10,000 households the whole list was
  // 5.5 MB of HTML, and reading and sorting every household 1.3-1.5 s of the server's time.
  const {
    total,
    page,
    rows: households,
  } = householdListRows(actor, filter, pageFromUrl(url), HOUSEHOLDS_PAGE_SIZE);
  // Accounts of families who signed up but have not described their household yet.
  const accountsWithoutHousehold = familiesWithoutHousehold({
    userId: user.id,
    seesAllLocalities: seesAll,
  })
    .map((f) => ({ id: f.id, name: f.name, contact: f.email ?? f.phone ?? null }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return json({
    pageTitle: fixedT(user.locale)('households:list.title'),
    households,
    total,
    page,
    pageSize: HOUSEHOLDS_PAGE_SIZE,
    accountsWithoutHousehold,
    localities: localities.map((l) => ({
      value: String(l.id),
      label: localityName(l, user.locale),
    })),
    filters: { q: url.searchParams.get('q') ?? '', locality: localityId ? String(localityId) : '' },
    canRegister: hasPermission(roles, 'households:register'),
    canImport: hasPermission(roles, 'households:import'),
    seesAll,
  });
}

export default function HouseholdsPage() {
  const {
    households,
    total,
    page,
    pageSize,
    accountsWithoutHousehold,
    localities,
    filters,
    canRegister,
    canImport,
    seesAll,
  } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['households', 'dashboard']);
  const { search } = useLocation();
  return (
    <div className="stack">
      <h1>{t('list.title')}</h1>
      <p>{seesAll ? t('list.introAll') : t('list.introOwn')}</p>
      <div className="row">
        {canRegister ? (
          <Link to="/households/new" className="button">
            {t('list.register')}
          </Link>
        ) : null}
        {canImport ? (
          <Link to="/households/import" className="button button--secondary">
            {t('list.import')}
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" aria-label={t('list.searchLabel')}>
        <div className="field">
          <label htmlFor="households-q">{t('list.search')}</label>
          <input
            id="households-q"
            type="search"
            name="q"
            maxLength={HOUSEHOLD_SEARCH_MAX_LENGTH}
            defaultValue={filters.q}
          />
        </div>
        <div className="field">
          <label htmlFor="households-locality">{t('list.locality')}</label>
          <select id="households-locality" name="locality" defaultValue={filters.locality}>
            <option value="">{t('list.allLocalities')}</option>
            {localities.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('list.filter')}
        </button>
      </Form>
      <p className="muted">{t('list.count', { count: total })}</p>
      {households.length > 0 ? (
        <p className="row">
          <a href={`/households.csv${search}`} download>
            {t('dashboard:export.csv')}
          </a>
          <a href={`/households.xlsx${search}`} download>
            {t('dashboard:export.xlsx')}
          </a>
        </p>
      ) : null}
      {households.length > 0 ? (
        <TableFrame label={t('list.title')}>
          <table>
            <caption className="visually-hidden">{t('list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.members')}</th>
                <th scope="col">{t('list.locality')}</th>
                <th scope="col">{t('list.benefits')}</th>
                <th scope="col">{t('list.account')}</th>
              </tr>
            </thead>
            <tbody>
              {households.map((h) => (
                <tr key={h.id}>
                  <td>
                    <Link to={`/households/${h.id}`}>{h.names[0] ?? t('list.noMembers')}</Link>
                    {h.names.length > 1 ? (
                      <span className="small muted">
                        {' '}
                        {t('list.andOthers', { count: h.names.length - 1 })}
                      </span>
                    ) : null}
                  </td>
                  <td>{h.locality}</td>
                  <td>
                    {h.receivesSocialBenefits ? (h.registerNumber ?? t('list.yes')) : t('list.no')}
                  </td>
                  <td>{h.hasAccount ? t('list.hasAccount') : t('list.noAccount')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : (
        <p className="muted">{t('list.none')}</p>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
      {accountsWithoutHousehold.length > 0 ? (
        <section aria-labelledby="accounts-without-household" className="stack">
          <h2 id="accounts-without-household">{t('list.accountsTitle')}</h2>
          <p>{t('list.accountsIntro')}</p>
          <ul>
            {accountsWithoutHousehold.map((a) => (
              <li key={a.id}>
                {a.name} {a.contact ? <span className="muted">({a.contact})</span> : null} —{' '}
                <Link to={`/families/${a.id}/password`}>
                  {t('list.newPassword')}
                  <span className="visually-hidden">: {a.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
