// A consultant's small dashboard: his own consultations held, missed and cancelled, by the
// family's village, over a period. Narrowed in SQL to his slots; the table downloads as CSV and
// Excel, narrowed alike.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DashboardFilterForm } from '~/components/dashboard-filter-form';
import { DashboardChartCards } from '~/components/dashboard-chart-cards';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import { dashboardFiltersFrom, dashboardPeriodInput } from '~/services/dashboard-view.server';
import { consultantDashboard } from '~/services/dashboard-own-view.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'dashboard:consultations' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'dashboard:consultations');
  const search = new URL(request.url).searchParams;
  const timeZone = programmeTimeZone();
  const filters = dashboardFiltersFrom(search, timeZone);
  return json({
    pageTitle: fixedT(user.locale)('dashboard:own.consultantTitle'),
    period: dashboardPeriodInput(search, timeZone),
    ...consultantDashboard(user.id, filters, user.locale),
  });
}

export default function ConsultantDashboardPage() {
  const { period, query, consultations } = useLoaderData<typeof loader>();
  const { t } = useTranslation('dashboard');
  return (
    <div className="stack">
      <h1>{t('own.consultantTitle')}</h1>
      <p>{t('own.consultantIntro')}</p>
      <DashboardFilterForm action="/consultant/dashboard" period={period} />
      <DashboardChartCards
        stacked={consultations}
        exportsFrom={{ base: '/consultant/dashboard', query }}
      />
    </div>
  );
}
