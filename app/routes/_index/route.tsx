import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { LocalizedString } from '~/components/localized';
import {
  FamilyGrantLinks,
  StaffWaitingCard,
  type StaffWaiting,
} from '~/components/grant-home-cards';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import {
  grantsOfHousehold,
  receiptsWaitingForStaff,
  requestsWaitingFor,
} from '~/models/grant-receipt.server';
import { listApplicationsOfHousehold } from '~/models/application-view.server';
import { countHouseholdList, findHouseholdOfUser } from '~/models/household.server';
import { consultantAgenda } from '~/services/consultation-view.server';
import { unreadReportQuestions } from '~/services/family-reports.server';
import { programmeTimeZone } from '~/services/programme-clock.server';
import { familyTrainingView } from '~/services/training-view.server';
import { FamilyTrainingSection } from '~/components/family-training';
import { jurorQueue } from '~/models/juror-view.server';
import { competitionHeadline, listOpenCompetitions } from '~/models/open-competition.server';
import { countOutboxByStatus } from '~/models/outbox.server';
import { countUsers } from '~/models/user.server';
import { familyBookings } from '~/services/booking-view.server';
import { seesAllHouseholds } from '~/services/household-list.server';
import { withFamilyStatuses } from '~/services/results.server';
import { getOptionalUser } from '~/utils/auth.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import { hasPermission, type RouteAccess } from '~/utils/permissions';

// Public: visitors see what Ishenim is; a signed-in person sees what she can do now.
export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

function applicantCard(userId: number, locale: Locale) {
  const household = findHouseholdOfUser(userId);
  return {
    training: household
      ? familyTrainingView(household, locale, programmeTimeZone(), new Date())
      : null,
    // A decision not yet announced shows as the status before it (results.server.ts).
    applications: withFamilyStatuses(
      household ? listApplicationsOfHousehold(household.id) : [],
    ).map((row) => ({
      id: row.id,
      status: row.status,
      reference: row.reference,
      title: row.title,
    })),
    grants: household ? grantsOfHousehold(household.id) : [],
    // Her next consultations (the full list is on /bookings).
    consultations: household
      ? familyBookings(household.id, locale)
          .upcoming.slice(0, 3)
          .map((b) => ({
            id: b.id,
            when: `${b.slot.startsAt.text} (${b.slot.timeRange})`,
            consultant: b.slot.consultant,
            village: b.slot.village,
          }))
      : [],
    competitions: listOpenCompetitions().map((c) => competitionHeadline(c, locale)),
  };
}

/**
 * What waits for a staff member: others' payment requests, receipts sent for checking, families'
 * reports with a question nobody has read.
 */
function staffWaiting(userId: number, locale: Locale): StaffWaiting {
  return {
    toApprove: requestsWaitingFor(userId),
    toVerify: receiptsWaitingForStaff().map((r) => ({
      trancheId: r.trancheId,
      grantId: r.grantId,
      reference: r.reference,
      sentOn: formatDate(r.sentAt, locale),
    })),
    reportQuestions: unreadReportQuestions(),
  };
}

/** The consultant's card: her next times in the coming two weeks (the agenda has the rest). */
function consultantCard(userId: number, locale: Locale) {
  const now = new Date();
  const twoWeeks = new Date(now.getTime() + 14 * 24 * 60 * 60_000);
  const slots = consultantAgenda(userId, { from: now, to: twoWeeks }, locale, programmeTimeZone());
  return {
    total: slots.filter((slot) => slot.status === 'open').length,
    next: slots
      .filter((slot) => slot.status === 'open')
      .slice(0, 3)
      .map((slot) => ({
        id: slot.id,
        when: `${slot.dayText}, ${slot.startText}–${slot.endText}`,
        village: slot.village,
        booked: slot.booked.length,
        capacity: slot.capacity,
        waiting: slot.waiting.length,
      })),
  };
}

/** The juror's card: each of her rounds with what she has to do in it, in one line. */
function jurorCard(userId: number, locale: Locale) {
  return jurorQueue(userId, locale).map((round) => ({
    id: round.id,
    name: round.name,
    status: round.status,
    declared: round.conflictsDeclaredAt !== null,
    submitted: round.submitted,
    total: round.assignments.length,
    closesAt: round.closesAt.text,
  }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const sessionUser = await getOptionalUser(request);
  const locale = await detectLocale(request, sessionUser);
  const t = fixedT(locale);
  if (!sessionUser)
    return json({
      pageTitle: t('common:home.title'),
      applicant: null,
      juror: null,
      consultant: null,
      waiting: null,
      person: null,
    });
  const { user, roles } = sessionUser;
  const familiesCount = hasPermission(roles, 'households:view')
    ? // Counted in SQL, not by reading every household with its members (1.2 s at 10,000).
      countHouseholdList({ userId: user.id, seesAll: seesAllHouseholds(roles) }, {})
    : null;
  const applicant = roles.includes('applicant') ? applicantCard(user.id, locale) : null;
  return json({
    pageTitle: t('common:home.title'),
    applicant,
    juror: roles.includes('juror') ? jurorCard(user.id, locale) : null,
    consultant: roles.includes('consultant') ? consultantCard(user.id, locale) : null,
    waiting: hasPermission(roles, 'grants:manage') ? staffWaiting(user.id, locale) : null,
    person: {
      name: user.name,
      roles,
      contact: {
        byEmail: user.contactByEmail && Boolean(user.email),
        byPhone: user.contactByPhone && Boolean(user.phone),
        onlyViaFacilitator: user.contactOnlyViaFacilitator,
      },
      familiesCount,
      outbox: hasPermission(roles, 'outbox:read') ? countOutboxByStatus() : null,
      usersCount: hasPermission(roles, 'users:manage') ? countUsers() : null,
    },
  });
}

function Welcome() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <h1>{t('home.visitor.title')}</h1>
      <p className="lead">{t('home.visitor.lead')}</p>
      <ol className="cards" aria-label={t('home.visitor.stepsLabel')}>
        {(['training', 'consultation', 'apply', 'grant', 'followUp'] as const).map((step) => (
          <li key={step} className="card">
            <h2>{t(`home.visitor.steps.${step}.title`)}</h2>
            <p>{t(`home.visitor.steps.${step}.body`)}</p>
          </li>
        ))}
      </ol>
      <div className="row">
        <Link to="/signup" className="button">
          {t('home.visitor.signUp')}
        </Link>
        <Link to="/login" className="button button--secondary">
          {t('home.visitor.signIn')}
        </Link>
      </div>
      <p className="muted">{t('home.visitor.noInternet')}</p>
    </div>
  );
}

/** The family's card: her applications with their next step, and the competitions open now. */
function ApplicantCard() {
  const { applicant } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['applications', 'common']);
  if (!applicant) return null;
  return (
    <section className="card" aria-labelledby="home-apply">
      <h2 id="home-apply">{t('common:home.applicant.title')}</h2>
      {applicant.applications.length === 0 ? (
        <p>{t('home.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {applicant.applications.map((application) => (
            <li key={application.id}>
              <Link
                to={
                  application.status === 'draft'
                    ? `/applications/${application.id}/edit/beneficiary`
                    : `/applications/${application.id}`
                }
              >
                {application.title || t('list.untitled')}
              </Link>{' '}
              <ApplicationStatusBadge status={application.status} />
              {application.reference ? (
                <span className="muted small"> {application.reference}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FamilyGrantLinks grants={applicant.grants} />
      {applicant.applications.length > 0 ? (
        <p>
          <Link to="/applications">{t('home.all')}</Link>
        </p>
      ) : null}
      <h3>{t('home.openTitle')}</h3>
      {applicant.competitions.length === 0 ? (
        <p className="muted">{t('home.openNone')}</p>
      ) : (
        <ul className="plain-list stack">
          {applicant.competitions.map((competition) => (
            <li key={competition.id}>
              <Link to={`/competitions/${competition.id}`}>
                <LocalizedString value={competition.title} />
              </Link>{' '}
              <span className="muted small">
                {t('home.closes', { date: competition.closesAt })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/competitions">{t('home.allCompetitions')}</Link>
      </p>
    </section>
  );
}

/** The family's next consultations, with the way to book one. */
function ConsultationsCard() {
  const { applicant } = useLoaderData<typeof loader>();
  const { t } = useTranslation('bookings');
  if (!applicant) return null;
  return (
    <section className="card" aria-labelledby="home-consultations">
      <h2 id="home-consultations">{t('mine.sectionTitle')}</h2>
      {applicant.consultations.length === 0 ? (
        <p>{t('mine.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {applicant.consultations.map((c) => (
            <li key={c.id}>
              {c.when} — {c.consultant}, {c.village}{' '}
              <a href={`/bookings/${c.id}/invite.ics`} download>
                {t('mine.invite')}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="row">
        <Link to="/bookings">{t('mine.title')}</Link>
        <Link to="/consultations">{t('mine.findTime')}</Link>
      </p>
    </section>
  );
}

/** The juror's card: her rounds, what each needs from her, and her progress. */
function ApplicantTraining() {
  const { applicant } = useLoaderData<typeof loader>();
  if (!applicant?.training) return null;
  return <FamilyTrainingSection training={applicant.training} headingId="home-training" />;
}

function ConsultantCard() {
  const { consultant } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if (!consultant) return null;
  return (
    <section className="card" aria-labelledby="home-consultant">
      <h2 id="home-consultant">{t('home.consultant.title')}</h2>
      {consultant.next.length === 0 ? (
        <p>{t('home.consultant.none')}</p>
      ) : (
        <>
          <p>{t('home.consultant.upcoming', { count: consultant.total })}</p>
          <ul className="plain-list stack">
            {consultant.next.map((slot) => (
              <li key={slot.id}>
                <Link to={`/consultant/slots/${slot.id}`}>{slot.when}</Link> · {slot.village} ·{' '}
                {t('home.consultant.places', { booked: slot.booked, capacity: slot.capacity })}
                {slot.waiting > 0
                  ? ` · ${t('home.consultant.waiting', { count: slot.waiting })}`
                  : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="row">
        <Link to="/consultant">{t('home.consultant.agenda')}</Link>
        <Link to="/consultant/publish">{t('home.consultant.publish')}</Link>
        <ConsultantDashboardLink />
      </p>
    </section>
  );
}

function JurorCard() {
  const { juror } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['jury', 'common']);
  const rounds = juror ?? [];
  return (
    <section className="card" aria-labelledby="home-juror">
      <h2 id="home-juror">{t('common:home.juror.title')}</h2>
      {rounds.length === 0 ? (
        <p>{t('home.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {rounds.map((round) => (
            <li key={round.id}>
              {round.status === 'draft'
                ? round.declared
                  ? t('home.declared', { round: round.name })
                  : t('home.declare', { round: round.name })
                : round.status === 'open'
                  ? t('home.progress', {
                      round: round.name,
                      submitted: round.submitted,
                      total: round.total,
                      date: round.closesAt,
                    })
                  : t('home.closed', { round: round.name })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/jury">{t('home.link')}</Link>
      </p>
    </section>
  );
}

export default function HomePage() {
  const { t: tAdmin } = useTranslation('admin');
  const { person, waiting } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  if (!person) return <Welcome />;
  const { roles } = person;
  return (
    <div className="stack">
      <h1>{t('home.greeting', { name: person.name })}</h1>
      {searchParams.get('password') === 'set' ? (
        <div className="alert alert--success" role="status">
          <p>{t('home.passwordSet')}</p>
        </div>
      ) : null}
      <div className="cards">
        {roles.includes('applicant') ? (
          <>
            <ApplicantCard />
            <ConsultationsCard />
            <ApplicantTraining />
            <section className="card" aria-labelledby="home-contact">
              <h2 id="home-contact">{t('home.applicant.contactTitle')}</h2>
              <p>
                {person.contact.onlyViaFacilitator
                  ? t('home.applicant.contactViaFacilitator')
                  : person.contact.byEmail && person.contact.byPhone
                    ? t('home.applicant.contactEmailAndPhone')
                    : person.contact.byEmail
                      ? t('home.applicant.contactEmail')
                      : person.contact.byPhone
                        ? t('home.applicant.contactPhone')
                        : t('home.applicant.contactNone')}
              </p>
              <Link to="/account">{t('home.applicant.contactChange')}</Link>
            </section>
          </>
        ) : null}
        {person.familiesCount !== null ? (
          <section className="card" aria-labelledby="home-families">
            <h2 id="home-families">{t('home.families.title')}</h2>
            <p>{t('home.families.body', { count: person.familiesCount })}</p>
            <Link to="/households">{t('home.families.link')}</Link>
          </section>
        ) : null}
        {waiting ? <StaffWaitingCard waiting={waiting} /> : null}
        {hasPermission(roles, 'outcomes:read') ? <DashboardCard /> : null}
        {hasPermission(roles, 'dashboard:villages') ? <VillagesDashboardCard /> : null}
        {roles.includes('juror') ? <JurorCard /> : null}
        {roles.includes('consultant') ? <ConsultantCard /> : null}
        {person.outbox ? (
          <section className="card" aria-labelledby="home-outbox">
            <h2 id="home-outbox">{t('home.outbox.title')}</h2>
            <p>
              {t('home.outbox.pending', { count: person.outbox.pending })}{' '}
              {person.outbox.failed > 0
                ? t('home.outbox.failed', { count: person.outbox.failed })
                : null}
            </p>
            <Link to="/staff/outbox">{t('home.outbox.link')}</Link>
          </section>
        ) : null}
        {person.usersCount !== null ? (
          <section className="card" aria-labelledby="home-admin">
            <h2 id="home-admin">{t('home.admin.title')}</h2>
            <p>{t('home.admin.body', { count: person.usersCount })}</p>
            <p className="row">
              <Link to="/admin/users">{t('home.admin.users')}</Link>
              <Link to="/admin/users/new">{t('home.admin.invite')}</Link>
              <Link to="/admin/audit">{t('home.admin.audit')}</Link>
              <Link to="/admin/anonymisation">{tAdmin('anonymisation.title')}</Link>
              <Link to="/admin/settings">{t('home.admin.settings')}</Link>
            </p>
          </section>
        ) : null}
      </div>
    </div>
  );
}

/** A consultant: his own consultations at a glance. */
function ConsultantDashboardLink() {
  const { t } = useTranslation('dashboard');
  return <Link to="/consultant/dashboard">{t('own.consultantTitle')}</Link>;
}

/** A facilitator: her own villages at a glance. */
function VillagesDashboardCard() {
  const { t } = useTranslation('dashboard');
  return (
    <section className="card" aria-labelledby="home-villages-dashboard">
      <h2 id="home-villages-dashboard">{t('own.facilitatorTitle')}</h2>
      <p>{t('own.facilitatorIntro')}</p>
      <Link to="/facilitator/dashboard">{t('own.link')}</Link>
    </section>
  );
}

/** Staff and admins: the programme at a glance. */
function DashboardCard() {
  const { t } = useTranslation('dashboard');
  return (
    <section className="card" aria-labelledby="home-dashboard">
      <h2 id="home-dashboard">{t('title')}</h2>
      <p>{t('intro')}</p>
      <Link to="/staff/dashboard">{t('homeLink')}</Link>
    </section>
  );
}
