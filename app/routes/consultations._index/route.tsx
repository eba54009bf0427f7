import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SlotWhere } from '~/components/booking-list';
import { FormattedDateTime } from '~/components/formatted';
import { Pagination, pageFromUrl } from '~/components/pagination';
import { fixedT } from '~/i18n/i18n.server';
import { CONSULTATION_MODES, type ConsultationMode } from '~/schemas/enums';
import { dayBounds, OPEN_SLOTS_PAGE_SIZE, openSlotsPage } from '~/services/booking-view.server';
import bookingStyles from '~/styles/bookings.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:book' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

function isMode(value: string | null): value is ConsultationMode {
  return (CONSULTATION_MODES as readonly string[]).includes(value ?? '');
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'consultations:book');
  const locale = user.locale;
  const url = new URL(request.url);
  const village = Number(url.searchParams.get('village'));
  const mode = url.searchParams.get('mode');
  const day = url.searchParams.get('day');
  const page = pageFromUrl(url);
  const filter = {
    localityId: Number.isInteger(village) && village > 0 ? village : undefined,
    mode: isMode(mode) ? mode : undefined,
    ...dayBounds(day),
  };
  const view = openSlotsPage(filter, page, locale);
  return json({
    pageTitle: fixedT(locale)('bookings:open.title'),
    ...view,
    page,
    // The page size travels with the data: the constant lives in a server-only module.
    pageSize: OPEN_SLOTS_PAGE_SIZE,
    chosen: {
      village: filter.localityId ?? null,
      mode: filter.mode ?? null,
      day: filter.from ? day : null,
    },
  });
}

export default function ConsultationsPage() {
  const { slots, villages, total, page, pageSize, chosen } = useLoaderData<typeof loader>();
  const { t } = useTranslation('bookings');
  return (
    <div className="stack">
      <h1>{t('open.title')}</h1>
      <p>{t('open.intro')}</p>
      <p>
        <Link to="/bookings">{t('open.myBookings')}</Link>
      </p>
      <Form method="get" className="card slot-filter" aria-label={t('open.filterLabel')}>
        <div className="field">
          <label htmlFor="filter-village">{t('open.village')}</label>
          <select id="filter-village" name="village" defaultValue={chosen.village ?? ''}>
            <option value="">{t('open.allVillages')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-mode">{t('open.mode')}</label>
          <select id="filter-mode" name="mode" defaultValue={chosen.mode ?? ''}>
            <option value="">{t('open.allModes')}</option>
            {CONSULTATION_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`modes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-day">{t('open.date')}</label>
          <input id="filter-day" type="date" name="day" defaultValue={chosen.day ?? ''} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('open.show')}
        </button>
      </Form>
      <p className="muted">{t('open.timeZoneNote')}</p>
      {slots.length === 0 ? (
        <p>{t('open.none')}</p>
      ) : (
        <ul className="plain-list slot-list">
          {slots.map((slot) => (
            <li key={slot.id} className="card">
              <h2>
                <FormattedDateTime value={slot.startsAt} /> ({slot.timeRange})
              </h2>
              <dl className="details details--stacked">
                <dt>{t('open.where')}</dt>
                <dd>
                  <SlotWhere slot={slot} />
                </dd>
                <dt>{t('open.consultant')}</dt>
                <dd>{slot.consultant}</dd>
                {slot.topics.length > 0 ? (
                  <>
                    <dt>{t('open.topics')}</dt>
                    <dd>{slot.topics.map((topic) => t(`topics.${topic}`)).join(', ')}</dd>
                  </>
                ) : null}
                {slot.languages.length > 0 ? (
                  <>
                    <dt>{t('open.languages')}</dt>
                    <dd>{slot.languages.map((l) => t(`languageNames.${l}`)).join(', ')}</dd>
                  </>
                ) : null}
              </dl>
              <p className={slot.placesLeft === 0 ? 'slot-places--full' : undefined}>
                {slot.placesLeft === 0
                  ? t('open.full')
                  : t('open.placesLeft', { count: slot.placesLeft })}
              </p>
              <Link to={`/consultations/${slot.id}`} className="button">
                {t('open.book')}
                <span className="visually-hidden">
                  : {slot.startsAt.text}, {slot.village}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
