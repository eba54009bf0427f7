import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { FormattedDateTime } from '~/components/formatted';
import { KeysetPaging } from '~/components/keyset-paging';
import { TableFrame } from '~/components/table-frame';
import { fixedT } from '~/i18n/i18n.server';
import { DownloadLinks } from '~/components/download-links';
import { useTranslation } from '~/i18n/react';
import { householdHeading, householdReadsPage } from '~/services/household-reads-view.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

// Who opened a family's file (issue 16 item 5): the admin only, as the audit log.
export const handle: RouteAccess = { access: 'audit:read' };
export const meta = titleFromLoader;

function cursor(value: string | null): number | undefined {
  if (!value || !/^[1-9]\d{0,14}$/.test(value)) return undefined;
  return Number(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const household = householdHeading(idParam(params.householdId));
  if (!household) throw notFound();
  const url = new URL(request.url);
  const page = householdReadsPage(household.id, user.locale, {
    before: cursor(url.searchParams.get('before')),
    after: cursor(url.searchParams.get('after')),
  });
  return json({
    pageTitle: fixedT(user.locale)('admin:reads.title'),
    household,
    ...page,
  });
}

/** Newer / older links: keyset cursors on the row id, never an offset. */
function Paging() {
  const { rows, hasNewer, hasOlder } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <KeysetPaging
      firstId={rows[0]?.id}
      lastId={rows.at(-1)?.id}
      hasNewer={hasNewer}
      hasOlder={hasOlder}
      label={t('reads.paging')}
      newer={t('reads.newer')}
      older={t('reads.older')}
    />
  );
}

export default function HouseholdReadsPage() {
  const { household, rows } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <p>
        <Link to={`/households/${household.id}`}>← {t('reads.back')}</Link>
      </p>
      <h1>
        {t('reads.title')}
        {household.name ? `: ${household.name}` : ''}
      </h1>
      <p>{t('reads.intro')}</p>
      <DownloadLinks path={`/admin/households/${household.id}/reads`} />
      {rows.length === 0 ? (
        <p>{t('reads.none')}</p>
      ) : (
        <TableFrame label={t('reads.title')}>
          <table>
            <caption className="visually-hidden">{t('reads.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reads.columns.at')}</th>
                <th scope="col">{t('reads.columns.viewer')}</th>
                <th scope="col">{t('reads.columns.role')}</th>
                <th scope="col">{t('reads.columns.what')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <FormattedDateTime value={row.at} />
                  </td>
                  <td>
                    <Link to={`/admin/users/${row.viewer.id}`}>{row.viewer.name}</Link>
                  </td>
                  <td>{row.role}</td>
                  <td>{row.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Paging />
    </div>
  );
}
