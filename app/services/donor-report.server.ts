// The donor report (issue 15, item 4): one competition on A4, in the reader's language, for a
// ministry or a funder. Every figure comes from the services the staff pages use: the funnel and
// the villages of the dashboard, the money page's aggregate, the outcomes page's figures. Stories
// name only winners who agreed to publication (the public results' rule), by first name and
// village, with their sector and their business at 12 months: nothing else about a family.
import type { Locale } from '~/i18n/config';
import { formatNumber } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { listApplicationsForScreening } from '~/models/application.server';
import { findCompetition } from '~/models/competition.server';
import { applicationFunnel, applicationsByVillage } from '~/models/dashboard.server';
import { twelveMonthStatusByApplication } from '~/models/outcome-figures.server';
import type { BusinessStatus } from '~/schemas/outcome-enums';
import type { Sector } from '~/schemas/enums';
import { publishableWinners } from './decisions.server';
import { competitionMoney } from './grant-view.server';
import { outcomesPage } from './outcome-figures.server';

export type DonorStory = {
  key: string;
  firstName: string;
  village: string;
  sector: Sector | null;
  /** The business at the recorded 12-month visit; null before it. */
  status12: BusinessStatus | null;
};

/** The report's DTO: figures formatted in `locale`, stories anonymised; null if no competition. */
export function donorReport(competitionId: number, locale: Locale, now = new Date()) {
  const competition = findCompetition(competitionId);
  if (!competition) return null;
  const outcomes = outcomesPage(competitionId, locale, now)!;
  const money = competitionMoney(competition, locale);
  const filters = { competitionId, localityId: null, sector: null };
  const funnel = applicationFunnel(filters);
  const awardedByVillage = new Map(money.villages.map((v) => [v.id, v.grants]));
  const status12 = new Map(
    twelveMonthStatusByApplication(competitionId).map((r) => [r.applicationId, r.businessStatus]),
  );
  const winners = listApplicationsForScreening({ competitionId }).filter(
    (row) => row.status === 'awarded',
  );
  const stories: DonorStory[] = publishableWinners(winners).map((w, index) => ({
    key: String(index),
    firstName: w.beneficiaryFirstName,
    village: localityName(
      { nameKy: w.localityKy, nameRu: w.localityRu, nameEn: w.localityEn },
      locale,
    ),
    sector: w.sector,
    status12: status12.get(w.id) ?? null,
  }));
  const number = (value: number) => formatNumber(value, locale);
  return {
    locale,
    competition: { ...outcomes.competition, currency: competition.currency },
    figures: {
      applications: funnel.applied,
      eligible: funnel.eligible,
      awarded: funnel.awarded,
      paid: funnel.paid,
      text: {
        applications: number(funnel.applied),
        eligible: number(funnel.eligible),
        awarded: number(funnel.awarded),
        paid: number(funnel.paid),
      },
    },
    villages: applicationsByVillage(filters).map((v) => ({
      id: v.localityId,
      name: localityName(v, locale),
      applications: v.count,
      awarded: awardedByVillage.get(v.localityId) ?? 0,
    })),
    money: { summary: money.summary, villages: money.villages },
    outcomes: {
      counts: outcomes.counts,
      baseline: outcomes.baseline,
      months: outcomes.months,
      jobs: outcomes.jobs,
      chart: outcomes.chart,
    },
    stories,
  };
}
