// A dashboard table's downloads, under its figures: CSV and Excel with the page's filters, the
// table's title said to screen readers so each link is told apart. The staff's dashboard and the
// facilitator's and consultant's own dashboards place them alike.
import { useTranslation } from '~/i18n/react';

export function DashboardExportLinks({
  base,
  table,
  title,
  query,
}: {
  /** The dashboard's path ("/staff/dashboard"); its downloads are `${base}/${table}/csv|xlsx`. */
  base: string;
  table: string;
  title: string;
  /** The page's filters as a query string, without "?". */
  query: string;
}) {
  const { t } = useTranslation('dashboard');
  const suffix = query ? `?${query}` : '';
  return (
    <p className="row">
      {(['csv', 'xlsx'] as const).map((format) => (
        <a key={format} href={`${base}/${table}/${format}${suffix}`} download>
          {t(`export.${format}`)} <span className="visually-hidden">{title}</span>
        </a>
      ))}
    </p>
  );
}
