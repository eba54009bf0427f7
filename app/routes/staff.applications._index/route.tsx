import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { TableFrame } from '~/components/table-frame';
import { RadioGroup, TextAreaField } from '~/components/choice-fields';
import { FormAlert, SubmitButton, useErrorText } from '~/components/form-fields';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { formatDateTime, formatMoney } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { findApplication } from '~/models/application.server';
import { listCompetitions } from '~/models/competition.server';
import { listLocalities } from '~/models/user.server';
import { SECTORS } from '~/schemas/enums';
import {
  SCREENING_STATUSES,
  bulkScreeningSchema,
  screeningQueryFrom,
  screeningQuerySearch,
  type ScreeningQuery,
  type ScreeningSort,
} from '~/schemas/screening';
import { screenApplications } from '~/services/applications.server';
import { screeningPage } from '~/services/screening.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:screen' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'applications:screen');
  const locale = user.locale;
  const url = new URL(request.url);
  const query = screeningQueryFrom(url.searchParams);
  const { total, page, rows } = screeningPage(query, locale, pageFromUrl(url), PAGE_SIZE);
  const t = fixedT(locale);
  return json({
    pageTitle: t('screening:list.title'),
    query,
    search: screeningQuerySearch(query),
    total,
    page,
    pageSize: PAGE_SIZE,
    rows: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      beneficiaryName: row.beneficiaryName,
      locality: row.locality,
      sector: row.sector,
      // Formatted on the server: browsers without Kyrgyz locale data would format differently.
      requestedAmount: formatMoney(row.requestedAmount, row.currency, locale),
      status: row.status,
      submittedAt: row.submittedAt
        ? {
            iso: row.submittedAt.toISOString(),
            text: formatDateTime(row.submittedAt, locale, row.timeZone),
          }
        : null,
    })),
    competitions: listCompetitions().map((c) => ({
      value: String(c.id),
      label: pickLocalized(titleTexts(c), locale)?.text ?? t('competitions:list.noTitle'),
    })),
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, locale),
    })),
  });
}

/** The bulk decision: the ticked applications, all or none. */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'applications:screen');
  const formData = await readFormData(request);
  const parsed = parseForm(formData, bulkScreeningSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const { ids, decision, reason } = parsed.data;
  const result = screenApplications(request, staff, ids, decision, reason);
  const referenceOf = (id: number) => findApplication(id)?.reference ?? `#${id}`;
  if (!result.ok) {
    const failure: FormFailure & { refused: string[] } = {
      formError: 'screening:errors.notScreenableBulk',
      values: { ids: ids.map(String), decision, reason },
      refused: result.refused.map((r) => referenceOf(r.applicationId)),
    };
    return json(failure, { status: 400 });
  }
  return json({
    done: {
      decision,
      count: result.count,
      emailed: result.outcomes.filter((o) => o.notice === 'email').length,
      toTell: result.outcomes
        .filter((o) => o.notice !== 'email' && o.notice !== 'unchanged')
        .map((o) => ({ reference: referenceOf(o.applicationId), notice: o.notice })),
    },
  });
}

const SORT_COLUMNS: { sort: ScreeningSort; column: 'reference' | 'name' | 'submitted' }[] = [
  { sort: 'reference', column: 'reference' },
  { sort: 'name', column: 'name' },
  { sort: 'submitted', column: 'submitted' },
];

export default function ScreeningListPage() {
  const data = useLoaderData<typeof loader>();
  const { query, rows, total, page, pageSize, search } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(['screening', 'competitions']);
  const labels = useEnumLabels();
  const errorText = useErrorText();
  const done = actionData && 'done' in actionData ? actionData.done : null;
  const failure =
    actionData && !('done' in actionData)
      ? (actionData as FormFailure & { refused?: string[] })
      : null;
  const form = useValidatedForm({
    schema: bulkScreeningSchema,
    failure,
    defaultValues: { ids: [], decision: undefined, reason: '' },
  });
  const { reset } = form;
  useEffect(() => {
    // After a saved decision the ticks are cleared, with or without JavaScript.
    if (done) reset({ ids: [], decision: undefined, reason: '' });
  }, [done, reset]);
  const tickedBefore = new Set(
    ([] as unknown[]).concat(failure?.values?.ids ?? []).map((id) => String(id)),
  );
  const idsError = errorText(
    form.hydrated
      ? (form.formState.errors.ids?.message as string | undefined)
      : form.serverErrors.ids,
  );
  const sortColumn = SORT_COLUMNS.find((c) => c.sort === query.sort)!.column;
  return (
    <div className="stack wide-page">
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>

      <Filters query={query} competitions={data.competitions} localities={data.localities} />

      <div className="row">
        <p className="muted" aria-live="polite">
          {t('list.count', { count: total })}
        </p>
        <details className="menu">
          <summary className="button button--secondary">{t('list.export')}</summary>
          <div className="menu__panel">
            <a href={`/staff/applications/export.csv${search}`} download>
              {t('list.exportCsv')}
            </a>
            <a href={`/staff/applications/export.xlsx${search}`} download>
              {t('list.exportXlsx')}
            </a>
            <p className="small muted">{t('list.exportHint')}</p>
          </div>
        </details>
      </div>

      {done ? (
        <div className="alert alert--success" role="status">
          <p>
            {t('bulk.done', {
              count: done.count,
              decision: labels.applicationStatus(done.decision),
            })}{' '}
            {done.emailed > 0 ? t('bulk.emailed', { count: done.emailed }) : null}
          </p>
          {done.toTell.length > 0 ? (
            <>
              <p>{t('bulk.toTell')}</p>
              <ul>
                {done.toTell.map((item) => (
                  <li key={item.reference}>
                    {item.reference}: {t(`notice.${item.notice}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      {failure?.refused?.length ? (
        <div className="alert alert--error">
          <p>{t('bulk.refused')}</p>
          <ul>
            {failure.refused.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <p className="muted">{t('list.none')}</p>
      ) : (
        <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
          <TableFrame labelledBy="applications-caption">
            <table>
              <caption id="applications-caption" className="visually-hidden">
                {t('list.caption', {
                  column: t(`list.columns.${sortColumn}`),
                  direction: t(query.dir === 'asc' ? 'list.ascending' : 'list.descending'),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="select">
                    <span className="visually-hidden">{t('list.columns.select')}</span>
                  </th>
                  <SortableHeader query={query} sort="reference" column="reference" />
                  <SortableHeader query={query} sort="name" column="name" />
                  <th scope="col">{t('list.columns.locality')}</th>
                  <th scope="col">{t('list.columns.sector')}</th>
                  <th scope="col" className="num">
                    {t('list.columns.amount')}
                  </th>
                  <th scope="col">{t('list.columns.status')}</th>
                  <SortableHeader query={query} sort="submitted" column="submitted" />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const reference = row.reference ?? t('list.noReference');
                  return (
                    <tr key={row.id}>
                      <td className="select">
                        <input
                          id={`select-${row.id}`}
                          type="checkbox"
                          value={String(row.id)}
                          defaultChecked={tickedBefore.has(String(row.id))}
                          aria-label={t('list.selectRow', { reference, name: row.beneficiaryName })}
                          aria-describedby={idsError ? 'ids-error' : undefined}
                          {...form.register('ids')}
                        />
                      </td>
                      <td className="nowrap">
                        <Link to={`/staff/applications/${row.id}`}>{reference}</Link>
                      </td>
                      <th scope="row">{row.beneficiaryName || '—'}</th>
                      <td>{row.locality}</td>
                      <td>{row.sector ? labels.sector(row.sector) : '—'}</td>
                      <td className="num">{row.requestedAmount}</td>
                      <td>
                        <ApplicationStatusBadge status={row.status} />
                      </td>
                      <td>
                        {row.submittedAt ? (
                          <time dateTime={row.submittedAt.iso}>{row.submittedAt.text}</time>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableFrame>
          <fieldset className="card stack" aria-describedby="bulk-hint">
            <legend>{t('bulk.title')}</legend>
            <p id="bulk-hint" className="field__hint">
              {t('bulk.hint')}
            </p>
            {idsError ? (
              <p id="ids-error" className="field__error" role="alert">
                {idsError}
              </p>
            ) : null}
            <div className="bulk-bar">
              <RadioGroup
                form={form}
                name="decision"
                legend={t('decision.decision')}
                options={[
                  { value: 'eligible', label: t('decision.eligible') },
                  { value: 'ineligible', label: t('decision.ineligible') },
                ]}
              />
              <TextAreaField
                form={form}
                name="reason"
                label={t('decision.reason')}
                hint={t('decision.reasonHint')}
                rows={3}
              />
              <SubmitButton>{t('bulk.submit')}</SubmitButton>
            </div>
          </fieldset>
        </Form>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}

function SortableHeader({
  query,
  sort,
  column,
}: {
  query: ScreeningQuery;
  sort: ScreeningSort;
  column: 'reference' | 'name' | 'submitted';
}) {
  const { t } = useTranslation('screening');
  const active = query.sort === sort;
  // A second click on the sorted column turns the order round.
  const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <Link
        to={screeningQuerySearch(query, { sort, dir }) || '?'}
        aria-label={t('list.sortBy', { column: t(`list.columns.${column}`) })}
      >
        {t(`list.columns.${column}`)}
        {active ? (
          <span className="sort-mark" aria-hidden="true">
            {query.dir === 'asc' ? '▲' : '▼'}
          </span>
        ) : null}
      </Link>
    </th>
  );
}

function Filters({
  query,
  competitions,
  localities,
}: {
  query: ScreeningQuery;
  competitions: { value: string; label: string }[];
  localities: { value: string; label: string }[];
}) {
  const { t } = useTranslation('screening');
  const labels = useEnumLabels();
  return (
    <Form
      method="get"
      action="/staff/applications"
      className="filters card"
      role="search"
      aria-label={t('list.filters')}
    >
      <div className="field">
        <label htmlFor="filter-competition">{t('list.competition')}</label>
        <select
          id="filter-competition"
          name="competition"
          defaultValue={query.competitionId ? String(query.competitionId) : ''}
        >
          <option value="">{t('list.allCompetitions')}</option>
          {competitions.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-locality">{t('list.locality')}</label>
        <select
          id="filter-locality"
          name="locality"
          defaultValue={query.localityId ? String(query.localityId) : ''}
        >
          <option value="">{t('list.allLocalities')}</option>
          {localities.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">{t('list.status')}</label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">{t('list.allStatuses')}</option>
          {SCREENING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {labels.applicationStatus(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sector">{t('list.sector')}</label>
        <select id="filter-sector" name="sector" defaultValue={query.sector ?? ''}>
          <option value="">{t('list.allSectors')}</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {labels.sector(sector)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-q">{t('list.search')}</label>
        <input id="filter-q" type="search" name="q" defaultValue={query.q} />
      </div>
      {/* The chosen order survives a new search. */}
      {query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'asc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="row">
        <button type="submit" className="button button--secondary">
          {t('list.filter')}
        </button>
        <Link to="/staff/applications">{t('list.clear')}</Link>
      </div>
    </Form>
  );
}
