// Staff read the families' own reports (DESIGN.md, "Outcomes"): unread first, one page at a time
// (paged in SQL), by competition; each with the family, village, business status, revenue, her
// question and photo, and a "mark read" button. Native forms: works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { competitionTitle } from '~/models/application-view.server';
import { listCompetitions } from '~/models/competition.server';
import {
  INBOX_PAGE_SIZE,
  inboxCompetitionFrom,
  markReportRead,
  reportInbox,
} from '~/services/family-reports.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import { requirePermission } from '~/utils/auth.server';
import { formId, formIntent, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'outcomes:read' };
export const meta = titleFromLoader;

export const INTENT = { markRead: 'mark-read' } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'outcomes:read');
  const url = new URL(request.url);
  const competitions = listCompetitions().map((c) => ({
    id: c.id,
    title: competitionTitle(c, user.locale)?.text ?? String(c.id),
  }));
  const competitionId = inboxCompetitionFrom(
    url.searchParams,
    competitions.map((c) => c.id),
  );
  const inbox = reportInbox(
    { competitionId, page: pageFromUrl(url) },
    user.locale,
    programmeTimeZone(),
  );
  return json({
    pageTitle: fixedT(user.locale)('familyReports:inbox.pageTitle'),
    competitions,
    competitionId,
    pageSize: INBOX_PAGE_SIZE,
    ...inbox,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'outcomes:read');
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.markRead)
    throw new Response('Unknown intent', { status: 400 });
  const reportId = formId(formData, 'reportId');
  const result = reportId === null ? null : markReportRead(request, staff, reportId);
  if (!result?.ok) return json({ error: 'familyReports:inbox.refused' }, { status: 404 });
  // Back to the same list (its filter and page), saying it is done.
  const back = new URL(request.url);
  back.searchParams.set('done', 'read');
  return redirect(`${back.pathname}${back.search}#report-${reportId}`);
}

export default function ReportInboxPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation(['familyReports', 'outcomes', 'dashboard']);
  const exportSearch = data.competitionId ? `?competition=${data.competitionId}` : '';
  return (
    <div className="stack">
      <h1>{t('inbox.title')}</h1>
      <p>{t('inbox.intro')}</p>
      {search.get('done') === 'read' ? (
        <div className="alert alert--success" role="status">
          <p>{t('inbox.markedRead')}</p>
        </div>
      ) : null}
      {failure ? (
        <div className="alert alert--error" role="alert">
          <p>{t('inbox.refused')}</p>
        </div>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="competition">{t('inbox.competition')}</label>
          <select
            id="competition"
            name="competition"
            defaultValue={data.competitionId ? String(data.competitionId) : ''}
          >
            <option value="">{t('inbox.all')}</option>
            {data.competitions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('inbox.show')}
        </button>
      </Form>
      <div className="row">
        <a href={`/staff/reports.csv${exportSearch}`} download>
          {t('dashboard:export.csv')}
        </a>
        <a href={`/staff/reports.xlsx${exportSearch}`} download>
          {t('dashboard:export.xlsx')}
        </a>
      </div>
      {data.reports.length === 0 ? <p className="muted">{t('inbox.none')}</p> : null}
      <ul className="plain-list stack" aria-label={t('inbox.title')}>
        {data.reports.map((r) => (
          <li
            key={r.id}
            id={`report-${r.id}`}
            className="card stack"
            data-testid={`report-${r.id}`}
          >
            <p>
              <strong>{r.family}</strong> · {r.village} ·{' '}
              <Link to={`/staff/grants/${r.grantId}`}>{r.reference || t('inbox.grant')}</Link>
            </p>
            <p className="small">
              {t('inbox.sentOn', { date: r.sentOn })} ·{' '}
              {r.readOn ? (
                t('inbox.read', { date: r.readOn })
              ) : (
                <span className="badge">{t('inbox.unread')}</span>
              )}
            </p>
            <dl className="details">
              <dt>{t('inbox.status')}</dt>
              <dd>{t(`outcomes:businessStatuses.${r.businessStatus}`)}</dd>
              <dt>{t('inbox.revenue')}</dt>
              <dd>{r.revenue ?? '—'}</dd>
              <dt>{t('inbox.question')}</dt>
              <dd>{r.question ?? <span className="muted">{t('inbox.noQuestion')}</span>}</dd>
              {r.photoIds.length > 0 ? (
                <>
                  <dt>{t('inbox.photo')}</dt>
                  <dd>
                    {r.photoIds.map((photoId) => (
                      <a key={photoId} href={`/outcome-photos/${photoId}`}>
                        {t('inbox.photo')}
                      </a>
                    ))}
                  </dd>
                </>
              ) : null}
            </dl>
            {r.readOn ? null : (
              <Form method="post">
                <input type="hidden" name="reportId" value={r.id} />
                <button
                  type="submit"
                  name="intent"
                  value={INTENT.markRead}
                  className="button button--secondary"
                >
                  {t('inbox.markRead')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} drop={['done']} />
    </div>
  );
}
