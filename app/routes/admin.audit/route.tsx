import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TableFrame } from '~/components/table-frame';
import { FormattedDateTime } from '~/components/formatted';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { distinctAuditActions, listAudit, verifyAuditChain } from '~/models/audit.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };
export const meta = titleFromLoader;

const PAGE_SIZE = 50;

/** "2026-11-23" in Asia/Bishkek → the UTC instant of that day's start. */
function dayStart(value: string | null, plusDays = 0): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00+06:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Date(date.getTime() + plusDays * 24 * 60 * 60_000);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const actor = Number(get('actor'));
  const filters = {
    action: get('action'),
    entityType: get('entityType'),
    entityId: get('entityId'),
    actorUserId: Number.isInteger(actor) && actor > 0 ? actor : undefined,
    from: dayStart(url.searchParams.get('from')),
    to: dayStart(url.searchParams.get('to'), 1),
  };
  const page = pageFromUrl(url);
  const { rows, total } = listAudit({ ...filters, page, pageSize: PAGE_SIZE });
  return json({
    pageTitle: fixedT(user.locale)('admin:audit.title'),
    rows: rows.map((row) => ({ ...row, createdAt: formattedInstant(row.createdAt, user.locale) })),
    total,
    page,
    pageSize: PAGE_SIZE,
    actions: distinctAuditActions(),
    chain: verifyAuditChain(),
    form: {
      action: filters.action ?? '',
      entityType: filters.entityType ?? '',
      entityId: filters.entityId ?? '',
      actor: filters.actorUserId ? String(filters.actorUserId) : '',
      from: url.searchParams.get('from') ?? '',
      to: url.searchParams.get('to') ?? '',
    },
  });
}

function Change({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useTranslation('admin');
  if (!before && !after) return <>—</>;
  return (
    <details>
      <summary className="small">{t('audit.showChange')}</summary>
      {before ? (
        <>
          <p className="small">{t('audit.before')}</p>
          <pre className="mail-text">{JSON.stringify(JSON.parse(before), null, 2)}</pre>
        </>
      ) : null}
      {after ? (
        <>
          <p className="small">{t('audit.after')}</p>
          <pre className="mail-text">{JSON.stringify(JSON.parse(after), null, 2)}</pre>
        </>
      ) : null}
    </details>
  );
}

export default function AuditPage() {
  const { rows, total, page, pageSize, actions, chain, form } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <div className="stack">
      <h1>{t('audit.title')}</h1>
      {chain.ok ? (
        <div className="alert alert--success" role="status">
          <p>{t('audit.chainOk', { count: chain.rows })}</p>
        </div>
      ) : (
        <div className="alert alert--error" role="alert">
          <p>{t('audit.chainBroken', { id: chain.firstBadId })}</p>
        </div>
      )}
      <Form method="get" className="filters" aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select id="audit-action" name="action" defaultValue={form.action}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-type">{t('audit.entityType')}</label>
          <input id="audit-entity-type" name="entityType" defaultValue={form.entityType} />
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t('audit.entityId')}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={form.entityId} />
        </div>
        <div className="field">
          <label htmlFor="audit-actor">{t('audit.actorId')}</label>
          <input id="audit-actor" name="actor" inputMode="numeric" defaultValue={form.actor} />
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" name="from" defaultValue={form.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" name="to" defaultValue={form.to} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('audit.filter')}
        </button>
      </Form>
      <p className="muted">{t('audit.count', { count: total })}</p>
      <TableFrame label={t('audit.title')}>
        <table>
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.record')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="num">{row.id}</td>
                <td>
                  <FormattedDateTime value={row.createdAt} />
                </td>
                <td>
                  {row.actorUserId ? (
                    <Link to={`/admin/users/${row.actorUserId}`}>
                      {row.actorName ?? row.actorUserId}
                    </Link>
                  ) : (
                    t('audit.system')
                  )}
                </td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  {row.entityType}
                  {row.entityId ? ` #${row.entityId}` : ''}
                </td>
                <td>
                  <Change before={row.before} after={row.after} />
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
