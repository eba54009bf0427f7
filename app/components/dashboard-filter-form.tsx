// The dashboards' filter form: a GET form (the URL holds the view, so it can be shared) with the
// page's own choices, the period (from / to, both days included, with the message for a malformed
// or reversed period next to it), "show" and "clear the filters".
import type { ReactNode } from 'react';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';

export type PeriodInput = { from: string; to: string; invalid: boolean };

function DashboardPeriodFields({ period }: { period: PeriodInput }) {
  const { t } = useTranslation('dashboard');
  const described = period.invalid ? 'dashboard-period-error' : undefined;
  return (
    <>
      {(['from', 'to'] as const).map((name) => (
        <div key={name} className="field">
          <label htmlFor={`dashboard-${name}`}>{t(`period.${name}`)}</label>
          <input
            id={`dashboard-${name}`}
            name={name}
            type="date"
            defaultValue={period[name]}
            aria-invalid={period.invalid || undefined}
            aria-describedby={described}
          />
        </div>
      ))}
      {period.invalid ? (
        <p id="dashboard-period-error" className="field__error" role="alert">
          {t('period.invalid')}
        </p>
      ) : null}
    </>
  );
}

export function DashboardFilterForm({
  action,
  period,
  children,
}: {
  action: string;
  period: PeriodInput;
  children?: ReactNode;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <Form
      method="get"
      action={action}
      className="filters card"
      role="search"
      aria-label={t('filters.legend')}
    >
      {children}
      <DashboardPeriodFields period={period} />
      <div className="row">
        <button type="submit" className="button button--secondary">
          {t('filters.apply')}
        </button>
        <Link to={action}>{t('filters.reset')}</Link>
      </div>
    </Form>
  );
}
