// The consultant's home: her consultation times by day or week, each with the families booked
// (a list on a phone, a table on a laptop). Staff may open a consultant's agenda (?consultant=).
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { DownloadLinks } from '~/components/download-links';
import { TableFrame } from '~/components/table-frame';
import { fixedT } from '~/i18n/i18n.server';
import { findUserById } from '~/models/user.server';
import { agendaScope } from '~/services/consultant-agenda.server';
import { consultantAgenda, todayIn, type SlotView } from '~/services/consultation-view.server';
import consultantStyles from '~/styles/consultant.css';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'consultations:publish' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: consultantStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'consultations:publish');
  const locale = actor.user.locale;
  const scope = agendaScope(actor, new URL(request.url).searchParams);
  if (!scope) return redirect('/staff/consultations');
  const { consultantId, timeZone, view, date, range } = scope;
  const slots = consultantAgenda(consultantId, range, locale, timeZone);
  const days = [...new Set(slots.map((s) => s.day))].map((day) => ({
    day,
    text: slots.find((s) => s.day === day)!.dayText,
    slots: slots.filter((s) => s.day === day),
  }));
  return json({
    pageTitle: fixedT(locale)('consultant:home.title'),
    consultant:
      consultantId === actor.user.id
        ? null
        : { id: consultantId, name: findUserById(consultantId)?.name ?? '' },
    zone: timeZoneLabel(timeZone, locale),
    view,
    date,
    today: todayIn(timeZone),
    range: {
      first: range.firstDay,
      last: range.lastDay,
      previous: range.previous,
      next: range.next,
    },
    days,
  });
}

function FamilyLines({ slot }: { slot: SlotView }) {
  const { t } = useTranslation('consultant');
  if (slot.booked.length === 0 && slot.waiting.length === 0)
    return <p className="muted">{t('slot.noBookings')}</p>;
  return (
    <ul className="families">
      {slot.booked.map((f) => (
        <li key={f.bookingId}>
          <strong>{f.family}</strong>, {f.village} ·{' '}
          {f.phone ? <a href={`tel:${f.phone}`}>{f.phone}</a> : t('slot.noPhone')}
          <br />
          {f.title ? `${f.title} · ` : null}
          {f.amount}
          {f.helpWith ? (
            <>
              <br />
              {t('slot.helpWith')}: {f.helpWith}
            </>
          ) : null}
          {f.earlierAdvice.length > 0 ? (
            <details>
              <summary>
                {t('slot.earlierAdvice')} ({f.earlierAdvice.length})
              </summary>
              <ul>
                {f.earlierAdvice.map((a, i) => (
                  <li key={i}>
                    {a.date}, {a.consultant}: {a.advice}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </li>
      ))}
      {slot.waiting.length > 0 ? (
        <li>
          {t('slot.waiting')}: {slot.waiting.map((f) => f.family).join(', ')}
        </li>
      ) : null}
    </ul>
  );
}

function SlotHeading({ slot }: { slot: SlotView }) {
  const { t } = useTranslation('consultant');
  return (
    <>
      <Link to={`/consultant/slots/${slot.id}`}>
        {slot.startText}–{slot.endText}
      </Link>{' '}
      · {slot.village} · {t(`modes.${slot.mode}`)}
      {slot.status === 'cancelled' ? ` · ${t('slot.cancelled')}` : null}
    </>
  );
}

export default function ConsultantHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation('consultant');
  const [searchParams] = useSearchParams();
  const published = Number(searchParams.get('published'));
  const base = new URLSearchParams();
  if (data.consultant) base.set('consultant', String(data.consultant.id));
  const href = (changes: Record<string, string>) => {
    const params = new URLSearchParams(base);
    params.set('view', data.view);
    params.set('date', data.date);
    for (const [k, v] of Object.entries(changes)) params.set(k, v);
    return `/consultant?${params}`;
  };
  return (
    <div className="stack wide-page">
      <h1>
        {t('home.title')}
        {data.consultant ? `: ${data.consultant.name}` : null}
      </h1>
      <p>{t('home.intro', { zone: data.zone })}</p>
      {published > 0 ? (
        <div className="alert alert--success" role="status">
          <p>{t('publish.done', { count: published })}</p>
        </div>
      ) : null}
      <p>
        <Link
          className="button"
          to={
            data.consultant
              ? `/consultant/publish?consultant=${data.consultant.id}`
              : '/consultant/publish'
          }
        >
          {t('home.publish')}
        </Link>
      </p>
      <nav
        className="row"
        aria-label={t('home.range', { from: data.range.first, to: data.range.last })}
      >
        <Link to={href({ view: 'day' })} aria-current={data.view === 'day' ? 'page' : undefined}>
          {t('home.day')}
        </Link>
        <Link to={href({ view: 'week' })} aria-current={data.view === 'week' ? 'page' : undefined}>
          {t('home.week')}
        </Link>
        <Link to={href({ date: data.range.previous })}>← {t('home.previous')}</Link>
        <Link to={href({ date: data.today })}>{t('home.today')}</Link>
        <Link to={href({ date: data.range.next })}>{t('home.next')} →</Link>
      </nav>
      <h2>
        {data.range.first === data.range.last
          ? data.range.first
          : t('home.range', { from: data.range.first, to: data.range.last })}
      </h2>
      {data.days.length === 0 ? (
        <p className="muted">{t('home.none')}</p>
      ) : (
        <DownloadLinks
          path="/consultant"
          search={`?${new URLSearchParams([...base, ['view', data.view], ['date', data.date]])}`}
        />
      )}
      {data.days.map((day) => (
        <section key={day.day} className="agenda-day" aria-labelledby={`day-${day.day}`}>
          <h3 id={`day-${day.day}`}>
            {day.text} ({t('home.slotCount', { count: day.slots.length })})
          </h3>
          <ul className="agenda-cards">
            {day.slots.map((slot) => (
              <li key={slot.id} className="card">
                <p>
                  <SlotHeading slot={slot} />
                </p>
                <p className="muted">
                  {t('slot.taken', { booked: slot.booked.length, capacity: slot.capacity })}
                </p>
                <FamilyLines slot={slot} />
              </li>
            ))}
          </ul>
          <div className="agenda-table">
            <TableFrame labelledBy={`day-${day.day}`}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('slot.time')}</th>
                    <th scope="col">{t('slot.village')}</th>
                    <th scope="col">{t('slot.mode')}</th>
                    <th scope="col">{t('slot.capacity')}</th>
                    <th scope="col">{t('slot.bookings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {day.slots.map((slot) => (
                    <tr key={slot.id}>
                      <th scope="row">
                        <Link to={`/consultant/slots/${slot.id}`}>
                          {slot.startText}–{slot.endText}
                        </Link>
                      </th>
                      <td>{slot.village}</td>
                      <td>
                        {t(`modes.${slot.mode}`)}
                        {slot.status === 'cancelled' ? ` · ${t('slot.cancelled')}` : null}
                      </td>
                      <td>
                        {t('slot.taken', { booked: slot.booked.length, capacity: slot.capacity })}
                      </td>
                      <td>
                        <FamilyLines slot={slot} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableFrame>
          </div>
        </section>
      ))}
    </div>
  );
}
