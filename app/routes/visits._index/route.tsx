import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { DownloadLinks } from '~/components/download-links';
import { Pagination } from '~/components/pagination';
import { TableFrame } from '~/components/table-frame';
import { useTranslation } from '~/i18n/react';
import { visitsListPage } from '~/services/visits-view.server';
import type { VisitState } from '~/services/visit-schedule.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'visits:record' };
export const meta = titleFromLoader;

/** The monitoring visits a facilitator owes her villages (staff: every village's). */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'visits:record');
  return json(visitsListPage(actor, new URL(request.url)));
}

const STATE_TONE: Record<VisitState, string> = {
  overdue: 'badge--bad',
  due: 'badge--info',
  done: 'badge--ok',
};

/** The list's filters as the downloads' query string ("" when none is set). */
function downloadSearch(filter: { village: string; state: string }): string {
  const params = new URLSearchParams();
  if (filter.village) params.set('village', filter.village);
  if (filter.state) params.set('state', filter.state);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export default function VisitsPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('visits');
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <p>{data.everyVillage ? t('introStaff') : t('introFacilitator')}</p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="visits-village">{t('filters.village')}</label>
          <select id="visits-village" name="village" defaultValue={data.filter.village}>
            <option value="">{t('filters.allVillages')}</option>
            {data.villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="visits-state">{t('filters.state')}</label>
          <select id="visits-state" name="state" defaultValue={data.filter.state}>
            <option value="">{t('filters.allStates')}</option>
            {data.states.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('filters.apply')}
        </button>
      </Form>
      <p className="muted">{t('count', { count: data.total })}</p>
      {data.total > 0 ? (
        <DownloadLinks path="/visits" search={downloadSearch(data.filter)} />
      ) : null}
      {data.rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <TableFrame label={t('title')}>
          <table>
            <caption className="visually-hidden">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.family')}</th>
                <th scope="col">{t('columns.village')}</th>
                <th scope="col">{t('columns.grant')}</th>
                <th scope="col">{t('columns.visit')}</th>
                <th scope="col">{t('columns.dueOn')}</th>
                <th scope="col">{t('columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id} data-visit-id={row.id}>
                  <td>
                    <Link to={`/visits/${row.id}`}>{row.family}</Link>
                  </td>
                  <td>{row.village}</td>
                  <td>
                    <Link to={`/grants/${row.grantId}`}>{row.reference}</Link>
                  </td>
                  <td>{row.visit}</td>
                  <td>{row.dueOn}</td>
                  <td>
                    <span className={`badge ${STATE_TONE[row.state]}`}>
                      {t(`states.${row.state}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </div>
  );
}
