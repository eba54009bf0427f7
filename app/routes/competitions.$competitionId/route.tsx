import { collatorFor } from '~/i18n/intl-cache';
import { HTML_LANG } from '~/i18n/config';
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { CompetitionSummary, HolderRule } from '~/components/competition-summary';
import { FormAlert, SelectField, SubmitButton } from '~/components/form-fields';
import { LocalizedString, MultilineText, useMoney } from '~/components/localized';
import { useValidatedForm } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { findApplicationOfHousehold } from '~/models/application.server';
import { findHouseholdOfUser, listHouseholdsFor } from '~/models/household.server';
import { competitionDetail, findPublicCompetition } from '~/models/open-competition.server';
import { applyForFamilyClientSchema } from '~/schemas/application-client';
import { applyForFamilySchema } from '~/schemas/full.server';
import { startApplication, type StartError } from '~/services/applications.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { getOptionalUser, requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, refuse, readFormData, formIntent } from '~/utils/forms.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { localityName } from '~/i18n/locality';

// Public page; applying (the action) needs a signed-in family or facilitator.
export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export const INTENT = { apply: 'apply', applyForFamily: 'apply-for-family' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionUser = await getOptionalUser(request);
  const locale = await detectLocale(request, sessionUser);
  const competition = findPublicCompetition(idParam(params.competitionId));
  if (!competition) throw notFound();
  const detail = competitionDetail(competition, locale);
  const roles = sessionUser?.roles ?? [];
  let family: { hasHousehold: boolean; applicationId: number | null } | null = null;
  if (sessionUser && roles.includes('applicant')) {
    const household = findHouseholdOfUser(sessionUser.user.id);
    const existing = household
      ? findApplicationOfHousehold(competition.id, household.id)
      : undefined;
    family = { hasHousehold: Boolean(household), applicationId: existing?.id ?? null };
  }
  let families: { value: string; label: string }[] | null = null;
  if (sessionUser && roles.includes('facilitator')) {
    const t = fixedT(locale);
    const collator = collatorFor(locale, undefined);
    families = listHouseholdsFor({ userId: sessionUser.user.id, seesAll: false })
      .filter((household) => detail.localityIds.includes(household.localityId))
      .map((household) => {
        const person = household.members[0];
        const locality = localityName(
          {
            nameKy: household.localityKy,
            nameRu: household.localityRu,
            nameEn: household.localityEn,
          },
          locale,
        );
        const name = [person ? `${person.firstName} ${person.lastName}` : '', locality]
          .filter(Boolean)
          .join(', ');
        const started = findApplicationOfHousehold(competition.id, household.id);
        return {
          value: String(household.id),
          label: started ? t('applications:competition.familyStarted', { name }) : name,
        };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
  }
  return json({
    pageTitle: detail.title?.text ?? fixedT(locale)('applications:competitions.title'),
    competition: detail,
    signedIn: Boolean(sessionUser),
    family,
    families,
    // Once announced, the results page is public (competitions.$competitionId_.results).
    resultsUrl: competition.announcedAt ? `/competitions/${competition.id}/results` : null,
  });
}

const START_ERRORS: Record<Exclude<StartError, 'not-found'>, string> = {
  'competition-not-open': 'applications:errors.competitionNotOpen',
  'deadline-passed': 'applications:errors.closed',
  'no-household': 'applications:errors.noHousehold',
  'no-consent': 'applications:errors.noConsent',
};

export async function action({ request, params }: ActionFunctionArgs) {
  // A visitor who presses Apply is sent to sign in, and back to this page.
  const actor = await requirePermission(request, 'applications:edit');
  const competition = findPublicCompetition(idParam(params.competitionId));
  if (!competition) throw notFound();
  const formData = await readFormData(request);
  let householdId: number;
  switch (formIntent(formData)) {
    case INTENT.apply: {
      const household = actor.roles.includes('applicant')
        ? findHouseholdOfUser(actor.user.id)
        : undefined;
      if (!household) {
        const next = `/competitions/${competition.id}`;
        return redirect(`/household?${new URLSearchParams({ next })}`);
      }
      householdId = household.id;
      break;
    }
    case INTENT.applyForFamily: {
      const parsed = parseForm(formData, applyForFamilySchema);
      if (!parsed.ok) return formFailure(parsed.failure);
      householdId = parsed.data.householdId;
      break;
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
  const started = startApplication(request, actor, competition.id, householdId);
  if (!started.ok) {
    if (started.error === 'not-found') throw notFound();
    return refuse(formData, {
      field: formIntent(formData) === INTENT.applyForFamily ? 'householdId' : undefined,
      message: START_ERRORS[started.error],
    });
  }
  return redirect(`/applications/${started.applicationId}/edit/beneficiary`);
}

function Conditions() {
  const { competition } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  const money = useMoney(competition.money);
  return (
    <>
      <section className="card" aria-labelledby="conditions">
        <h2 id="conditions">{t('competition.conditionsTitle')}</h2>
        <p>{t('competition.conditionsIntro')}</p>
        <ul className="check-list">
          <li>{t('competition.localities', { localities: competition.localities.join(', ') })}</li>
          {competition.requireSocialBenefits ? <li>{t('competition.socialBenefits')}</li> : null}
          {competition.requiredTrainingSessions > 0 ? (
            <li>{t('competition.training', { count: competition.requiredTrainingSessions })}</li>
          ) : null}
          {competition.requiredConsultations > 0 ? (
            <li>{t('competition.consultation', { count: competition.requiredConsultations })}</li>
          ) : null}
        </ul>
      </section>
      <section className="card" aria-labelledby="holder">
        <h2 id="holder">{t('competition.holderTitle')}</h2>
        <p>{t('competition.holderIntro')}</p>
        <HolderRule rule={competition.beneficiary} />
      </section>
      <section className="card" aria-labelledby="money">
        <h2 id="money">{t('competition.moneyTitle')}</h2>
        <p>
          {t('competition.grantRange', {
            min: money(competition.minGrant),
            max: money(competition.maxGrant),
          })}
        </p>
        <p>{t('competition.ownContribution')}</p>
      </section>
    </>
  );
}

function ApplyPanel() {
  const { competition, signedIn, family, families } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('applications');
  const form = useValidatedForm({ schema: applyForFamilyClientSchema, failure });
  const here = `/competitions/${competition.id}`;
  if (competition.window === 'closed') {
    return <p className="alert alert--warning">{t('competition.closedNote')}</p>;
  }
  return (
    <section className="card" aria-labelledby="apply">
      <h2 id="apply">{t('competition.applyTitle')}</h2>
      {competition.window === 'not-yet-open' ? (
        <p>{t('competition.opensOn', { date: competition.opensAt.text })}</p>
      ) : null}
      <p>
        <strong>{t('competition.deadline', { date: competition.closesAt.text })}</strong>
      </p>
      <p>{t('competition.applyIntro')}</p>
      <FormAlert message={failure?.formError} />
      {!signedIn ? (
        <>
          <p>{t('competition.visitorNote')}</p>
          <div className="row">
            <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`} className="button">
              {t('competition.signInToApply')}
            </Link>
            <Link to="/signup" className="button button--secondary">
              {t('competition.signUpToApply')}
            </Link>
          </div>
        </>
      ) : null}
      {family ? (
        family.applicationId ? (
          <p>
            <Link to={`/applications/${family.applicationId}`} className="button">
              {t('competition.seeApplication')}
            </Link>
          </p>
        ) : (
          <Form method="post">
            {family.hasHousehold ? null : <p>{t('competition.noHouseholdNote')}</p>}
            <SubmitButton name="intent" value={INTENT.apply}>
              {t('competition.apply')}
            </SubmitButton>
          </Form>
        )
      ) : null}
      {families ? (
        <div className="stack">
          <h3>{t('competition.forFamilyTitle')}</h3>
          {families.length === 0 ? (
            <p className="muted">{t('competition.noFamilies')}</p>
          ) : (
            <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
              <p className="field__hint">{t('competition.forFamilyIntro')}</p>
              <SelectField
                form={form}
                name="householdId"
                label={t('competition.family')}
                placeholder={t('competition.chooseFamily')}
                options={families}
              />
              <SubmitButton name="intent" value={INTENT.applyForFamily}>
                {t('competition.applyForFamily')}
              </SubmitButton>
            </Form>
          )}
        </div>
      ) : null}
    </section>
  );
}

export default function CompetitionPage() {
  const { competition, resultsUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  const { t: tr } = useTranslation('results');
  const description = competition.description;
  return (
    <div className="stack">
      <p>
        <Link to="/competitions">
          <span aria-hidden="true">←</span> {t('competition.back')}
        </Link>
      </p>
      <h1>
        <LocalizedString value={competition.title} />
      </h1>
      {resultsUrl ? (
        <div className="alert alert--success">
          <p>
            <Link to={resultsUrl}>{tr('public.link')}</Link>
          </p>
        </div>
      ) : null}
      {description ? (
        <MultilineText
          value={description.text}
          lang={description.isFallback ? HTML_LANG[description.shownIn] : undefined}
        />
      ) : null}
      <CompetitionSummary competition={competition} />
      <Conditions />
      <ApplyPanel />
    </div>
  );
}
