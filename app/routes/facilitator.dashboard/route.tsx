// A facilitator's small dashboard: her own villages' applications, funnel, consultations and
// training, by competition, village (hers only) and period. Narrowed in SQL to her villages; each
// table downloads as CSV and Excel, narrowed alike.
import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { DashboardFilterForm } from '~/components/dashboard-filter-form';
import { DashboardChartCards } from '~/components/dashboard-chart-cards';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import { dashboardFiltersFrom, dashboardPeriodInput } from '~/services/dashboard-view.server';
import { facilitatorDashboard } from '~/services/dashboard-own-view.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'dashboard:villages' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'dashboard:villages');
  const search = new URL(request.url).searchParams;
  const timeZone = programmeTimeZone();
  const filters = dashboardFiltersFrom(search, timeZone);
  return json({
    pageTitle: fixedT(user.locale)('dashboard:own.facilitatorTitle'),
    village: filters.localityId,
    period: dashboardPeriodInput(search, timeZone),
    ...facilitatorDashboard(user.id, filters, user.locale),
  });
}

export default function FacilitatorDashboardPage() {
  const { village, villages, period, query, charts, consultations, training } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation('dashboard');
  return (
    <div className="stack">
      <h1>{t('own.facilitatorTitle')}</h1>
      <p>{t('own.facilitatorIntro')}</p>
      {villages.length === 0 ? <p>{t('own.noVillages')}</p> : null}
      <DashboardFilterForm action="/facilitator/dashboard" period={period}>
        <div className="field">
          <label htmlFor="dashboard-village">{t('filters.village')}</label>
          <select
            id="dashboard-village"
            name="village"
            defaultValue={village ? String(village) : ''}
          >
            <option value="">{t('filters.allVillages')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      </DashboardFilterForm>
      <DashboardChartCards
        bars={charts}
        stacked={consultations}
        extra={training}
        exportsFrom={{ base: '/facilitator/dashboard', query }}
      />
    </div>
  );
}
