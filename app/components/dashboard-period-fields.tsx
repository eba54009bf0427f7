// The dashboards' period fields (from / to, both days included), with the message for a malformed
// or reversed period next to them. The form around them is the page's own GET form.
import { useTranslation } from '~/i18n/react';

export type PeriodInput = { from: string; to: string; invalid: boolean };

export function DashboardPeriodFields({ period }: { period: PeriodInput }) {
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
