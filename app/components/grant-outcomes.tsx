// The outcomes part of the staff grant page: the timeline (baseline, payments, visits, the family's
// reports) with a chart of revenue and household income, and the grant's safeguarding concerns
// with a form to resolve each (staff only; the route decides whether `flags` is sent at all).
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { RequiredMark, SubmitButton, useErrorText } from './form-fields';
import { OutcomeChart } from './outcome-chart';
import { TableFrame } from './table-frame';
import type { FormFailure } from './use-validated-form';

type Timeline = {
  events: {
    key: string;
    day: string;
    date: string;
    title: string;
    details: string;
    overdue?: boolean;
  }[];
  chart: {
    series: {
      key: 'revenue' | 'income';
      points: { at: 'baseline' | 3 | 6 | 12; value: number | null; text: string | null }[];
    }[];
    ticks: { value: number; text: string }[];
    max: number;
  } | null;
  flags: { id: number; note: string; raised: string; resolved: string | null }[] | null;
};

export function GrantOutcomes({
  timeline,
  resolveIntent,
  failure,
}: {
  timeline: Timeline;
  resolveIntent: string;
  failure?: FormFailure;
}) {
  const { t } = useTranslation('outcomes');
  return (
    <>
      <section className="card stack" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <p className="small muted">{t('timeline.intro')}</p>
        {timeline.events.length === 0 ? (
          <p className="muted">{t('timeline.none')}</p>
        ) : (
          <TableFrame labelledBy="timeline-title">
            <table data-testid="grant-timeline" aria-labelledby="timeline-title">
              <thead>
                <tr>
                  <th scope="col">{t('timeline.date')}</th>
                  <th scope="col">{t('timeline.event')}</th>
                  <th scope="col">{t('timeline.details')}</th>
                </tr>
              </thead>
              <tbody>
                {timeline.events.map((event) => (
                  <tr key={event.key} data-testid={`timeline-${event.key}`}>
                    <td>
                      <time dateTime={event.day}>{event.date}</time>
                    </td>
                    <th scope="row">
                      {event.overdue ? <strong>{event.title}</strong> : event.title}
                    </th>
                    <td>{event.details}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
        {timeline.chart ? (
          <OutcomeChart
            id="grant-chart"
            chart={timeline.chart}
            title={t('timeline.chartTitle')}
            description={t('timeline.chartDesc')}
            labels={{ revenue: t('figures.revenue'), income: t('figures.income') }}
          />
        ) : null}
      </section>
      {timeline.flags ? (
        <SafeguardingFlags flags={timeline.flags} intent={resolveIntent} failure={failure} />
      ) : null}
    </>
  );
}

function SafeguardingFlags({
  flags,
  intent,
  failure,
}: {
  flags: NonNullable<Timeline['flags']>;
  intent: string;
  failure?: FormFailure;
}) {
  const { t } = useTranslation('outcomes');
  const errorText = useErrorText();
  return (
    <section className="card stack" aria-labelledby="flags-title">
      <h2 id="flags-title">{t('timeline.flagsTitle')}</h2>
      <p className="small muted">{t('timeline.flagsIntro')}</p>
      {flags.length === 0 ? <p className="muted">{t('timeline.flagsNone')}</p> : null}
      <ul className="stack" aria-label={t('timeline.flagsTitle')}>
        {flags.map((flag) => {
          const id = `resolve-note-${flag.id}`;
          const mine = String(failure?.values?.flagId ?? '') === String(flag.id);
          const error = mine ? errorText(failure?.fieldErrors?.note) : undefined;
          return (
            <li key={flag.id} className="card stack" data-testid={`flag-${flag.id}`}>
              <p>{flag.note}</p>
              <p className="small">{flag.raised}</p>
              {flag.resolved ? (
                <p className="small" data-testid="flag-resolved">
                  {flag.resolved}
                </p>
              ) : (
                <Form method="post" className="stack">
                  <input type="hidden" name="flagId" value={flag.id} />
                  <div className="field">
                    <div className="field__label">
                      <label htmlFor={id}>{t('timeline.resolveNote')}</label>
                      <RequiredMark />
                    </div>
                    <textarea
                      id={id}
                      name="note"
                      rows={2}
                      maxLength={1000}
                      aria-required="true"
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      defaultValue={mine ? String(failure?.values?.note ?? '') : ''}
                    />
                    {error ? (
                      <p id={`${id}-error`} className="field__error">
                        {error}
                      </p>
                    ) : null}
                  </div>
                  <SubmitButton name="intent" value={intent} variant="secondary">
                    {t('timeline.resolveButton')}
                  </SubmitButton>
                </Form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
