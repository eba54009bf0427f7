// The dashboards' period fields (from / to, both days included), with the message for a malformed
// or reversed period next to them. The form around them is the page's own GET form.
import { useTranslation } from '~/i18n/react';

export type PeriodInput = { from: string; to: string; invalid: boolean };

export function DashboardPeriodFields({ period }: { period: PeriodInput }) {
  const { t } = useTranslation('dashboard');
  const described = period.invalid ? 'dashboard-period-error' : undefined;
  return (
    <>
      <div className="field">
        <label htmlFor="dashboard-from">{t('period.from')}</label>
        <input
          id="dashboard-from"
          name="from"
          type="date"
          defaultValue={period.from}
          aria-invalid={period.invalid || undefined}
          aria-describedby={described}
        />
      </div>
      <div className="field">
        <label htmlFor="dashboard-to">{t('period.to')}</label>
        <input
          id="dashboard-to"
          name="to"
          type="date"
          defaultValue={period.to}
          aria-invalid={period.invalid || undefined}
          aria-describedby={described}
        />
      </div>
      {period.invalid ? (
        <p id="dashboard-period-error" className="field__error" role="alert">
          {t('period.invalid')}
        </p>
      ) : null}
    </>
  );
}
