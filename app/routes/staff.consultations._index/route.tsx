// Every consultation booking of the programme for staff: filtered by consultant, village, dates,
// booking status and attendance, one page read in SQL, with CSV and XLSX exports of the same
// filter, and the held / missed / cancelled totals per consultant and per village.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { TableFrame } from '~/components/table-frame';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { localityName } from '~/i18n/locality';
import { listLocalities } from '~/models/user.server';
import {
  totalsPerConsultant,
  totalsPerVillage,
  type TotalsRow,
} from '~/services/consultation-records.server';
import { listConsultants, programmeTimeZone } from '~/services/consultation-slots.server';
import { staffConsultationPage, staffFilterFrom } from '~/services/consultation-view.server';
import consultantStyles from '~/styles/consultant.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:oversee' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: consultantStyles },
];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'consultations:oversee');
  const locale = user.locale;
  const timeZone = programmeTimeZone();
  const url = new URL(request.url);
  const { query, filter, search } = staffFilterFrom(url.searchParams, timeZone);
  const page = pageFromUrl(url);
  const { rows, total } = staffConsultationPage(locale, filter, page, PAGE_SIZE);
  const range = { from: filter.from, to: filter.to };
  return json({
    pageTitle: fixedT(locale)('consultant:staff.title'),
    zone: timeZoneLabel(timeZone, locale),
    query,
    search,
    page,
    pageSize: PAGE_SIZE,
    total,
    rows: rows.map((row) => ({
      ...row,
      startsAt: {
        iso: row.startsAt.toISOString(),
        text: formatDateTime(row.startsAt, locale, timeZone),
      },
    })),
    consultants: listConsultants().map((c) => ({ value: String(c.id), label: c.name })),
    localities: listLocalities().map((l) => ({
      value: String(l.id),
      label: localityName(l, locale),
    })),
    perConsultant: totalsPerConsultant(range),
    perVillage: totalsPerVillage(locale, range),
  });
}

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string | number | null;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation('consultant');
  return (
    <div className="field">
      <label htmlFor={`filter-${id}`}>{label}</label>
      <select id={`filter-${id}`} name={id} defaultValue={value == null ? '' : String(value)}>
        <option value="">{t('staff.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Totals({ id, title, rows }: { id: string; title: string; rows: TotalsRow[] }) {
  const { t } = useTranslation('consultant');
  return (
    <TableFrame labelledBy={`${id}-caption`}>
      <table className="totals">
        <caption id={`${id}-caption`}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">
              {id === 'per-consultant' ? t('staff.consultant') : t('staff.village')}
            </th>
            <th scope="col">{t('staff.held')}</th>
            <th scope="col">{t('staff.familyNoShow')}</th>
            <th scope="col">{t('staff.consultantNoShow')}</th>
            <th scope="col">{t('staff.cancelled')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              <td>{row.held}</td>
              <td>{row.familyNoShow}</td>
              <td>{row.consultantNoShow}</td>
              <td>{row.cancelled}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}

export default function StaffConsultationsPage() {
  const data = useLoaderData<typeof loader>();
  const { query } = data;
  const { t } = useTranslation('consultant');
  return (
    <div className="stack wide-page">
      <h1>{t('staff.title')}</h1>
      <p>{t('staff.intro', { zone: data.zone })}</p>
      <p>
        <Link className="button button--secondary" to="/consultant/publish">
          {t('staff.publishFor')}
        </Link>
      </p>
      <Form
        method="get"
        action="/staff/consultations"
        className="filters card"
        role="search"
        aria-label={t('staff.filters')}
      >
        <Select
          id="consultant"
          label={t('staff.consultant')}
          value={query.consultant}
          options={data.consultants}
        />
        <Select
          id="village"
          label={t('staff.village')}
          value={query.village}
          options={data.localities}
        />
        <div className="field">
          <label htmlFor="filter-from">{t('staff.from')}</label>
          <input id="filter-from" type="date" name="from" defaultValue={query.from} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t('staff.to')}</label>
          <input id="filter-to" type="date" name="to" defaultValue={query.to} />
        </div>
        <Select
          id="status"
          label={t('staff.status')}
          value={query.status}
          options={(['booked', 'waiting', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`bookingStatuses.${s}`),
          }))}
        />
        <Select
          id="attendance"
          label={t('staff.attendanceFilter')}
          value={query.attendance}
          options={[
            ...(['attended', 'family-no-show', 'consultant-no-show'] as const).map((a) => ({
              value: a,
              label: t(`attendance.${a}`),
            })),
            { value: 'none', label: t('staff.notRecorded') },
          ]}
        />
        <div className="row">
          <button type="submit" className="button">
            {t('staff.apply')}
          </button>
          <Link to="/staff/consultations">{t('staff.reset')}</Link>
        </div>
      </Form>
      <div className="row">
        <p className="muted" aria-live="polite">
          {t('staff.found', { count: data.total })}
        </p>
        <a href={`/staff/consultations.csv${data.search}`} download>
          {t('staff.exportCsv')}
        </a>
        <a href={`/staff/consultations.xlsx${data.search}`} download>
          {t('staff.exportXlsx')}
        </a>
      </div>
      {data.rows.length === 0 ? (
        <p className="muted">{t('staff.none')}</p>
      ) : (
        <TableFrame labelledBy="consultations-caption">
          <table>
            <caption id="consultations-caption" className="visually-hidden">
              {t('staff.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.when')}</th>
                <th scope="col">{t('staff.consultant')}</th>
                <th scope="col">{t('staff.family')}</th>
                <th scope="col">{t('staff.village')}</th>
                <th scope="col">{t('staff.mode')}</th>
                <th scope="col">{t('staff.booking')}</th>
                <th scope="col">{t('staff.attendance')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.bookingId}>
                  <td className="nowrap">
                    <Link to={`/consultant/slots/${row.slotId}`}>
                      <time dateTime={row.startsAt.iso}>{row.startsAt.text}</time>
                    </Link>
                  </td>
                  <td>{row.consultant}</td>
                  <th scope="row">
                    <Link to={`/staff/applications/${row.applicationId}`}>{row.family || '—'}</Link>
                  </th>
                  <td>{row.village}</td>
                  <td>{t(`modes.${row.mode}`)}</td>
                  <td>{t(`bookingStatuses.${row.status}`)}</td>
                  <td>{row.attendance ? t(`attendance.${row.attendance}`) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
      <section aria-labelledby="totals-title" className="stack">
        <h2 id="totals-title">{t('staff.totalsTitle')}</h2>
        <Totals id="per-consultant" title={t('staff.perConsultant')} rows={data.perConsultant} />
        <Totals id="per-village" title={t('staff.perVillage')} rows={data.perVillage} />
      </section>
    </div>
  );
}
