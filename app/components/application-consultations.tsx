// A family's consultations on an application page (hers, her facilitator's, staff's; jurors never
// see it): when, with whom, whether it was held, and the consultant's advice.
import { useTranslation } from 'react-i18next';
import type { BookingAttendance, BookingStatus } from '~/schemas/enums';

export type ApplicationConsultationRow = {
  bookingId: number;
  when: string;
  consultant: string;
  mode: 'in-person' | 'phone' | 'online';
  status: BookingStatus;
  attendance: BookingAttendance | null;
  advice: string | null;
};

export function ApplicationConsultations({
  rows,
  noShows,
}: {
  rows: ApplicationConsultationRow[];
  /** Shown to staff: how many consultations the family missed. */
  noShows?: number;
}) {
  const { t } = useTranslation('consultant');
  return (
    <section className="card stack" aria-labelledby="consultations-title">
      <h2 id="consultations-title">{t('application.title')}</h2>
      {noShows ? <p>{t('application.noShows', { count: noShows })}</p> : null}
      {rows.length === 0 ? (
        <p className="muted">{t('application.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {rows.map((row) => (
            <li key={row.bookingId}>
              <p>
                <strong>{row.when}</strong> · {row.consultant} · {t(`modes.${row.mode}`)} ·{' '}
                {row.attendance
                  ? t(`attendance.${row.attendance}`)
                  : t(`bookingStatuses.${row.status}`)}
              </p>
              {row.advice ? (
                <blockquote>
                  <p className="small muted">{t('application.advice')}</p>
                  <p>{row.advice}</p>
                </blockquote>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
