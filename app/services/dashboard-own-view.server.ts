// The small dashboards of a facilitator (her own villages) and of a consultant (his own
// consultations): the programme dashboard's charts and services, narrowed in SQL to what that
// person may see. The village filter is honoured only among her own villages.
import type { Locale } from '~/i18n/config';
import { localityName } from '~/i18n/locality';
import type { DashboardFilters } from '~/models/dashboard.server';
import { facilitatorLocalityIds, listLocalities } from '~/models/user.server';
import { dashboardConsultations, dashboardTraining } from './dashboard-activity-view.server';
import { dashboardCharts } from './dashboard-view.server';

/** Her own villages, and the filters narrowed to them (another village chosen: none of hers). */
export function facilitatorFilters(userId: number, filters: DashboardFilters): DashboardFilters {
  return { ...filters, localityIds: facilitatorLocalityIds(userId) };
}

/** A facilitator's dashboard: her villages' applications, funnel, consultations and training. */
export function facilitatorDashboard(userId: number, filters: DashboardFilters, locale: Locale) {
  const own = facilitatorFilters(userId, filters);
  const mine = new Set(own.localityIds);
  return {
    villages: listLocalities()
      .filter((l) => mine.has(l.id))
      .map((l) => ({ id: l.id, name: localityName(l, locale) })),
    // Money is the programme's (budgets are not split by village): it stays on staff's dashboard.
    charts: dashboardCharts(own, locale).filter((chart) => chart.table !== 'money'),
    consultations: dashboardConsultations(own, locale).filter(
      (chart) => chart.key === 'consultation-villages',
    ),
    training: dashboardTraining(own, locale),
  };
}

/** A consultant's dashboard: his consultations held, missed and cancelled, by the family's village. */
export function consultantDashboard(userId: number, filters: DashboardFilters, locale: Locale) {
  return {
    consultations: dashboardConsultations(filters, locale, userId).filter(
      (chart) => chart.key === 'consultation-villages',
    ),
  };
}
