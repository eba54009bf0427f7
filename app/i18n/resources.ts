// All translations, imported so the server has them at start-up. The browser fetches only its
// own language from /locales/<lng> (see routes/locales.$lng.ts).
import enCommon from './locales/en/common';
import enAuth from './locales/en/auth';
import enAccount from './locales/en/account';
import enAdmin from './locales/en/admin';
import enErrors from './locales/en/errors';
import enEmail from './locales/en/email';
import ruCommon from './locales/ru/common';
import ruAuth from './locales/ru/auth';
import ruAccount from './locales/ru/account';
import ruAdmin from './locales/ru/admin';
import ruErrors from './locales/ru/errors';
import ruEmail from './locales/ru/email';
import kyCommon from './locales/ky/common';
import kyAuth from './locales/ky/auth';
import kyAccount from './locales/ky/account';
import kyAdmin from './locales/ky/admin';
import kyErrors from './locales/ky/errors';
import kyEmail from './locales/ky/email';
import enCompetitions from './locales/en/competitions';
import enHouseholds from './locales/en/households';
import enApplications from './locales/en/applications';
import enScreening from './locales/en/screening';
import ruCompetitions from './locales/ru/competitions';
import ruHouseholds from './locales/ru/households';
import ruApplications from './locales/ru/applications';
import ruScreening from './locales/ru/screening';
import kyCompetitions from './locales/ky/competitions';
import kyHouseholds from './locales/ky/households';
import kyApplications from './locales/ky/applications';
import kyScreening from './locales/ky/screening';
import enJury from './locales/en/jury';
import ruJury from './locales/ru/jury';
import kyJury from './locales/ky/jury';
import enRounds from './locales/en/rounds';
import ruRounds from './locales/ru/rounds';
import kyRounds from './locales/ky/rounds';
import enDecisions from './locales/en/decisions';
import enResults from './locales/en/results';
import ruDecisions from './locales/ru/decisions';
import ruResults from './locales/ru/results';
import kyDecisions from './locales/ky/decisions';
import kyResults from './locales/ky/results';
import enGrants from './locales/en/grants';
import ruGrants from './locales/ru/grants';
import kyGrants from './locales/ky/grants';
import enGrantFamily from './locales/en/grant-family';
import ruGrantFamily from './locales/ru/grant-family';
import kyGrantFamily from './locales/ky/grant-family';
import enBookings from './locales/en/bookings';
import ruBookings from './locales/ru/bookings';
import kyBookings from './locales/ky/bookings';
import enConsultant from './locales/en/consultant';
import ruConsultant from './locales/ru/consultant';
import kyConsultant from './locales/ky/consultant';
import enTraining from './locales/en/training';
import ruTraining from './locales/ru/training';
import kyTraining from './locales/ky/training';
import enOutcomes from './locales/en/outcomes';
import enVisits from './locales/en/visits';
import enFamilyReports from './locales/en/family-reports';
import ruOutcomes from './locales/ru/outcomes';
import ruVisits from './locales/ru/visits';
import ruFamilyReports from './locales/ru/family-reports';
import kyOutcomes from './locales/ky/outcomes';
import kyVisits from './locales/ky/visits';
import kyFamilyReports from './locales/ky/family-reports';
import enDashboard from './locales/en/dashboard';
import ruDashboard from './locales/ru/dashboard';
import kyDashboard from './locales/ky/dashboard';
import kkCommon from './locales/kk/common';
import kkAuth from './locales/kk/auth';
import kkAccount from './locales/kk/account';
import kkAdmin from './locales/kk/admin';
import kkErrors from './locales/kk/errors';
import kkEmail from './locales/kk/email';
import kkCompetitions from './locales/kk/competitions';
import kkHouseholds from './locales/kk/households';
import kkApplications from './locales/kk/applications';
import kkScreening from './locales/kk/screening';
import kkJury from './locales/kk/jury';
import kkRounds from './locales/kk/rounds';
import kkDecisions from './locales/kk/decisions';
import kkResults from './locales/kk/results';
import kkGrants from './locales/kk/grants';
import kkGrantFamily from './locales/kk/grant-family';
import kkBookings from './locales/kk/bookings';
import kkConsultant from './locales/kk/consultant';
import kkTraining from './locales/kk/training';
import kkOutcomes from './locales/kk/outcomes';
import kkVisits from './locales/kk/visits';
import kkFamilyReports from './locales/kk/family-reports';
import kkDashboard from './locales/kk/dashboard';
import uzCommon from './locales/uz/common';
import uzAuth from './locales/uz/auth';
import uzAccount from './locales/uz/account';
import uzAdmin from './locales/uz/admin';
import uzErrors from './locales/uz/errors';
import uzEmail from './locales/uz/email';
import uzCompetitions from './locales/uz/competitions';
import uzHouseholds from './locales/uz/households';
import uzApplications from './locales/uz/applications';
import uzScreening from './locales/uz/screening';
import uzJury from './locales/uz/jury';
import uzRounds from './locales/uz/rounds';
import uzDecisions from './locales/uz/decisions';
import uzResults from './locales/uz/results';
import uzGrants from './locales/uz/grants';
import uzGrantFamily from './locales/uz/grant-family';
import uzBookings from './locales/uz/bookings';
import uzConsultant from './locales/uz/consultant';
import uzTraining from './locales/uz/training';
import uzOutcomes from './locales/uz/outcomes';
import uzVisits from './locales/uz/visits';
import uzFamilyReports from './locales/uz/family-reports';
import uzDashboard from './locales/uz/dashboard';
import type { Locale } from './config';

const en = {
  common: enCommon,
  auth: enAuth,
  account: enAccount,
  admin: enAdmin,
  errors: enErrors,
  email: enEmail,
  competitions: enCompetitions,
  households: enHouseholds,
  applications: enApplications,
  screening: enScreening,
  jury: enJury,
  rounds: enRounds,
  decisions: enDecisions,
  results: enResults,
  grants: enGrants,
  grantFamily: enGrantFamily,
  bookings: enBookings,
  consultant: enConsultant,
  training: enTraining,
  outcomes: enOutcomes,
  visits: enVisits,
  familyReports: enFamilyReports,
  dashboard: enDashboard,
};

/** English is the reference: its shape types every `t()` key. */
export type Resources = typeof en;

export const resources: Record<Locale, Resources> = {
  en,
  ru: {
    common: ruCommon,
    auth: ruAuth,
    account: ruAccount,
    admin: ruAdmin,
    errors: ruErrors,
    email: ruEmail,
    competitions: ruCompetitions,
    households: ruHouseholds,
    applications: ruApplications,
    screening: ruScreening,
    jury: ruJury,
    rounds: ruRounds,
    decisions: ruDecisions,
    results: ruResults,
    grants: ruGrants,
    grantFamily: ruGrantFamily,
    bookings: ruBookings,
    consultant: ruConsultant,
    training: ruTraining,
    outcomes: ruOutcomes,
    visits: ruVisits,
    familyReports: ruFamilyReports,
    dashboard: ruDashboard,
  },
  ky: {
    common: kyCommon,
    auth: kyAuth,
    account: kyAccount,
    admin: kyAdmin,
    errors: kyErrors,
    email: kyEmail,
    competitions: kyCompetitions,
    households: kyHouseholds,
    applications: kyApplications,
    screening: kyScreening,
    jury: kyJury,
    rounds: kyRounds,
    decisions: kyDecisions,
    results: kyResults,
    grants: kyGrants,
    grantFamily: kyGrantFamily,
    bookings: kyBookings,
    consultant: kyConsultant,
    training: kyTraining,
    outcomes: kyOutcomes,
    visits: kyVisits,
    familyReports: kyFamilyReports,
    dashboard: kyDashboard,
  },
  kk: {
    common: kkCommon,
    auth: kkAuth,
    account: kkAccount,
    admin: kkAdmin,
    errors: kkErrors,
    email: kkEmail,
    competitions: kkCompetitions,
    households: kkHouseholds,
    applications: kkApplications,
    screening: kkScreening,
    jury: kkJury,
    rounds: kkRounds,
    decisions: kkDecisions,
    results: kkResults,
    grants: kkGrants,
    grantFamily: kkGrantFamily,
    bookings: kkBookings,
    consultant: kkConsultant,
    training: kkTraining,
    outcomes: kkOutcomes,
    visits: kkVisits,
    familyReports: kkFamilyReports,
    dashboard: kkDashboard,
  },
  uz: {
    common: uzCommon,
    auth: uzAuth,
    account: uzAccount,
    admin: uzAdmin,
    errors: uzErrors,
    email: uzEmail,
    competitions: uzCompetitions,
    households: uzHouseholds,
    applications: uzApplications,
    screening: uzScreening,
    jury: uzJury,
    rounds: uzRounds,
    decisions: uzDecisions,
    results: uzResults,
    grants: uzGrants,
    grantFamily: uzGrantFamily,
    bookings: uzBookings,
    consultant: uzConsultant,
    training: uzTraining,
    outcomes: uzOutcomes,
    visits: uzVisits,
    familyReports: uzFamilyReports,
    dashboard: uzDashboard,
  },
};
