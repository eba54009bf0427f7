import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { KeysetPaging } from '~/components/keyset-paging';
import { TableFrame } from '~/components/table-frame';
import { FormattedDateTime } from '~/components/formatted';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { listAuditPage } from '~/models/audit.server';
import { auditFilterFrom, positiveInt } from '~/services/admin-audit-export.server';
import { quickAuditVerdict } from '~/services/audit-integrity.server';
import { isRedactedChange } from '~/services/anonymisation.server';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditEntityPath,
  isAuditAction,
  isAuditEntityType,
} from '~/utils/audit-actions';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'audit:read' };
export const meta = titleFromLoader;

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'audit:read');
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  const filters = auditFilterFrom(url.searchParams);
  const page = listAuditPage({
    ...filters,
    before: positiveInt(get('before')),
    after: positiveInt(get('after')),
    pageSize: PAGE_SIZE,
  });
  const verdict = quickAuditVerdict();
  const locale = user.locale;
  return json({
    pageTitle: fixedT(locale)('admin:audit.title'),
    rows: page.rows.map((row) => ({
      id: row.id,
      createdAt: formattedInstant(row.createdAt, locale),
      actor: row.actorUserId ? { id: row.actorUserId, name: row.actorName } : null,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityName: row.entityUserName,
      entityPath: auditEntityPath(row.entityType, row.entityId),
      before: row.before,
      after: row.after,
      redacted: isRedactedChange(row.before, row.after),
    })),
    hasNewer: page.hasNewer,
    hasOlder: page.hasOlder,
    verdict: {
      ok: verdict.ok,
      lines: verdict.lines,
      problem: verdict.problem,
      lineId: verdict.lineId,
      checkpointAt: verdict.newestCheckpoint
        ? formattedInstant(new Date(verdict.newestCheckpoint.at), locale)
        : null,
      fullCheckAt: verdict.fullCheck
        ? formattedInstant(new Date(verdict.fullCheck.at), locale)
        : null,
    },
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

function Change({
  before,
  after,
  redacted,
}: {
  before: string | null;
  after: string | null;
  redacted: boolean;
}) {
  const { t } = useTranslation('admin');
  if (!before && !after) return <>—</>;
  return (
    <details>
      <summary className="small">{t('audit.showChange')}</summary>
      {redacted ? <p className="small">{t('audit.redactedNote')}</p> : null}
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

function Verdict() {
  const { verdict } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  const checks = (
    <>
      {verdict.checkpointAt ? (
        <p className="small">{t('audit.checkedAgainst', { when: verdict.checkpointAt.text })}</p>
      ) : (
        <p className="small">{t('audit.noCheckpoint')}</p>
      )}
      {verdict.fullCheckAt ? (
        <p className="small">{t('audit.fullCheck', { when: verdict.fullCheckAt.text })}</p>
      ) : null}
    </>
  );
  if (verdict.ok) {
    return (
      <div className="alert alert--success" role="status">
        <p>{t('audit.chainOk', { count: verdict.lines })}</p>
        {checks}
      </div>
    );
  }
  return (
    <div className="alert alert--error" role="alert">
      <p>{t('audit.brokenTitle')}</p>
      {verdict.problem ? (
        <p>{t(`audit.problems.${verdict.problem}`, { id: verdict.lineId })}</p>
      ) : null}
      {checks}
    </div>
  );
}

/** Newer / older links that keep the filters: keyset cursors, never an offset. */
function Paging() {
  const { rows, hasNewer, hasOlder } = useLoaderData<typeof loader>();
  const { t } = useTranslation('admin');
  return (
    <KeysetPaging
      firstId={rows[0]?.id}
      lastId={rows.at(-1)?.id}
      hasNewer={hasNewer}
      hasOlder={hasOlder}
      label={t('audit.paging')}
      newer={t('audit.newer')}
      older={t('audit.older')}
    />
  );
}

export default function AuditPage() {
  const { rows, form } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['admin', 'dashboard']);
  // The downloads take the filters, never the page's cursor.
  const query = new URLSearchParams(
    Object.entries(form).filter(([, value]) => value !== ''),
  ).toString();
  const exportQuery = query ? `?${query}` : '';
  return (
    <div className="stack">
      <h1>{t('audit.title')}</h1>
      <Verdict />
      <Form method="get" className="filters" aria-label={t('audit.filters')}>
        <div className="field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select id="audit-action" name="action" defaultValue={form.action}>
            <option value="">{t('audit.allActions')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`audit.actions.${action}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-type">{t('audit.entityType')}</label>
          <select id="audit-entity-type" name="entityType" defaultValue={form.entityType}>
            <option value="">{t('audit.allTypes')}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.entityTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity-id">{t('audit.entityId')}</label>
          <input
            id="audit-entity-id"
            name="entityId"
            inputMode="numeric"
            defaultValue={form.entityId}
          />
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
      <div className="row">
        <a href={`/admin/audit.csv${exportQuery}`} download>
          {t('dashboard:export.csv')}
        </a>
        <a href={`/admin/audit.xlsx${exportQuery}`} download>
          {t('dashboard:export.xlsx')}
        </a>
      </div>
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
            {rows.map((row) => {
              const typeLabel = isAuditEntityType(row.entityType)
                ? t(`audit.entityTypes.${row.entityType}`)
                : row.entityType;
              const record = row.entityName
                ? `${typeLabel}: ${row.entityName}`
                : row.entityId
                  ? `${typeLabel} №${row.entityId}`
                  : typeLabel;
              return (
                <tr key={row.id}>
                  <td className="num">{row.id}</td>
                  <td>
                    <FormattedDateTime value={row.createdAt} />
                  </td>
                  <td>
                    {row.actor ? (
                      row.actor.name ? (
                        <Link to={`/admin/users/${row.actor.id}`}>{row.actor.name}</Link>
                      ) : (
                        t('audit.removedPerson')
                      )
                    ) : (
                      t('audit.system')
                    )}
                  </td>
                  <td>
                    {isAuditAction(row.action) ? t(`audit.actions.${row.action}`) : row.action}
                  </td>
                  <td>{row.entityPath ? <Link to={row.entityPath}>{record}</Link> : record}</td>
                  <td>
                    <Change before={row.before} after={row.after} redacted={row.redacted} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
      <Paging />
    </div>
  );
}
