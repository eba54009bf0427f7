// The small dashboards of a facilitator (her own villages) and of a consultant (his own
// consultations): the programme dashboard's charts and services, narrowed in SQL to what that
// person may see (scopedFilters, the same narrowing as their downloads), showing only the tables
// their scope may download. The village filter is honoured only among her own villages.
import type { Locale } from '~/i18n/config';
import { localityName } from '~/i18n/locality';
import type { DashboardFilters } from '~/models/dashboard.server';
import { listLocalities } from '~/models/user.server';
import { dashboardConsultations, dashboardTraining } from './dashboard-activity-view.server';
import {
  dashboardCharts,
  dashboardQuery,
  scopeShowsTable,
  scopedFilters,
  type DashboardScope,
} from './dashboard-view.server';

/** A facilitator's dashboard: her villages' applications, funnel, consultations and training. */
export function facilitatorDashboard(userId: number, filters: DashboardFilters, locale: Locale) {
  const scope: DashboardScope = { kind: 'facilitator', userId };
  const own = scopedFilters(scope, filters);
  const mine = new Set(own.localityIds);
  return {
    villages: listLocalities()
      .filter((l) => mine.has(l.id))
      .map((l) => ({ id: l.id, name: localityName(l, locale) })),
    query: dashboardQuery(filters),
    charts: dashboardCharts(own, locale).filter((chart) => scopeShowsTable(scope, chart.table)),
    consultations: dashboardConsultations(own, locale).filter((chart) =>
      scopeShowsTable(scope, chart.key),
    ),
    training: dashboardTraining(own, locale),
  };
}

/** A consultant's dashboard: his consultations held, missed and cancelled, by the family's village. */
export function consultantDashboard(userId: number, filters: DashboardFilters, locale: Locale) {
  const scope: DashboardScope = { kind: 'consultant', userId };
  const own = scopedFilters(scope, filters);
  return {
    // Only the period narrows his own consultations.
    query: dashboardQuery(own),
    consultations: dashboardConsultations(own, locale).filter((chart) =>
      scopeShowsTable(scope, chart.key),
    ),
  };
}
