import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { DownloadLinks } from '~/components/download-links';
import { TableFrame } from '~/components/table-frame';
import { FormattedDateTime } from '~/components/formatted';
import { MailStatusBadge } from '~/components/mail-status';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { countOutboxByStatus, listOutbox } from '~/models/outbox.server';
import { MAIL_STATUSES } from '~/schemas/enums';
import { outboxStatusFrom } from '~/services/outbox-export.server';
import { requirePermission } from '~/utils/auth.server';
import { env } from '~/utils/env.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outbox:read' };
export const meta = titleFromLoader;

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outbox:read');
  const url = new URL(request.url);
  const status = outboxStatusFrom(url.searchParams);
  const page = pageFromUrl(url);
  const { rows, total } = listOutbox({ status, page, pageSize: PAGE_SIZE });
  return json({
    pageTitle: fixedT(user.locale)('admin:outbox.title'),
    rows: rows.map((row) => ({
      ...row,
      createdAt: formattedInstant(row.createdAt, user.locale),
      // A notice written for later (a reminder): when it will go, while it still waits.
      scheduledFor:
        row.status === 'pending' && row.notBefore
          ? formattedInstant(row.notBefore, user.locale)
          : null,
    })),
    total,
    page,
    pageSize: PAGE_SIZE,
    status: status ?? '',
    counts: countOutboxByStatus(),
    smtpConfigured: Boolean(env.SMTP_URL),
  });
}

export default function OutboxPage() {
  const { rows, total, page, pageSize, status, counts, smtpConfigured } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {!smtpConfigured ? (
        <div className="alert alert--warning">
          <p>{t('outbox.noSmtp')}</p>
        </div>
      ) : null}
      <ul className="row" aria-label={t('outbox.summary')}>
        {MAIL_STATUSES.map((s) => (
          <li key={s} className="badge">
            {t(`outbox.status.${s}`)}: {counts[s]}
          </li>
        ))}
      </ul>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="outbox-status">{t('outbox.statusFilter')}</label>
          <select id="outbox-status" name="status" defaultValue={status}>
            <option value="">{t('outbox.allStatuses')}</option>
            {MAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('outbox.filter')}
        </button>
      </Form>
      <p className="muted">{t('outbox.count', { count: total })}</p>
      <DownloadLinks path="/staff/outbox" search={status ? `?status=${status}` : ''} />
      <TableFrame label={t('outbox.title')}>
        <table>
          <caption className="visually-hidden">{t('outbox.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outbox.created')}</th>
              <th scope="col">{t('outbox.to')}</th>
              <th scope="col">{t('outbox.subject')}</th>
              <th scope="col">{t('outbox.statusFilter')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <FormattedDateTime value={row.createdAt} />
                </td>
                <td>
                  {row.toName}
                  <br />
                  <span className="small muted">{row.toAddress ?? '—'}</span>
                </td>
                <td>
                  <Link to={`/staff/outbox/${row.id}`}>{row.subject}</Link>
                </td>
                <td>
                  <MailStatusBadge status={row.status} />
                  {row.scheduledFor ? (
                    <>
                      <br />
                      <span className="small muted">
                        {t('outbox.notBefore')} <FormattedDateTime value={row.scheduledFor} />
                      </span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
