// The household's starting point (DESIGN.md, "Outcomes"): staff or the facilitator of her
// village record it once the agreement is signed — income, its sources, savings, and the agency
// questions asked of her alone. One native form: it works without JavaScript on a phone, shows
// each error next to its field and keeps what was typed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { Fragment } from 'react';
import { ChoiceGroup, PlainField } from '~/components/plain-fields';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { SAY_VALUES } from '~/schemas/baseline-options';
import { AGENCY_DECIDERS, AGENCY_QUESTIONS, INCOME_SOURCES } from '~/schemas/outcome-enums';
import {
  baselineGrantFor,
  baselinePage,
  parseBaselineForm,
  recordBaseline,
} from '~/services/baselines.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { readFormData, refuse } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'visits:record' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'visits:record');
  const context = baselineGrantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  const locale = actor.user.locale;
  const t = fixedT(locale);
  return json({
    pageTitle: t('familyReports:baseline.pageTitle', {
      reference: context.application.reference ?? '',
    }),
    grantId: context.grant.id,
    backTo:
      context.access === 'staff'
        ? `/staff/grants/${context.grant.id}`
        : `/grants/${context.grant.id}`,
    reference: context.application.reference ?? '',
    currencyName: t(`competitions:currencies.${context.grant.currency}`),
    ...baselinePage(context, locale),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'visits:record');
  const context = baselineGrantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  const formData = await readFormData(request);
  const parsed = parseBaselineForm(formData);
  if (!parsed.ok) return json(parsed.failure, { status: 400 });
  const result = recordBaseline(request, actor, context, parsed.data);
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    if (result.error === 'field')
      return refuse(formData, { field: result.field, message: result.message });
    return refuse(formData, { message: `familyReports:baseline.refused.${result.error}` }, 409);
  }
  return redirect(`/grants/${context.grant.id}/baseline?done=saved`);
}

type Failure = {
  fieldErrors?: Record<string, string>;
  formError?: string;
  values?: Record<string, unknown>;
};

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

const DECIDER_FIELDS = {
  ownEarnings: 'decidesOwnEarnings',
  largePurchases: 'decidesLargePurchases',
  businessMoney: 'decidesBusinessMoney',
} as const;

export default function BaselinePage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as Failure | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation(['familyReports', 'outcomes', 'errors']);
  const typed = failure?.values;
  const recorded = data.values;
  const value = (name: string): string =>
    typed ? asText(typed[name]) : recorded ? asText(recorded[name as keyof typeof recorded]) : '';
  const sources = typed ? asList(typed.incomeSources) : recorded ? recorded.incomeSources : [];
  const errorOf = (name: string) => failure?.fieldErrors?.[name];
  const errorText = (key: string) => t(key as 'baseline.title');
  const editable = data.mode === 'record' || data.mode === 'correct';
  return (
    <div className="stack baseline">
      <p>
        <Link to={data.backTo}>
          <span aria-hidden="true">←</span> {t('baseline.back')}
        </Link>
      </p>
      <h1>{t('baseline.title')}</h1>
      <p className="muted">{data.reference}</p>
      {search.get('done') === 'saved' ? (
        <div className="alert alert--success" role="status">
          <p>{t('baseline.saved')}</p>
        </div>
      ) : null}
      {data.recorded ? (
        <p data-testid="baseline-recorded">
          {t('baseline.recorded', { date: data.recorded.day })} · {data.recorded.income}
        </p>
      ) : null}
      {data.recorded && !editable ? (
        <dl className="details details--stacked" data-testid="baseline-answers">
          <dt>{t('baseline.sources')}</dt>
          <dd>
            {data.recorded.incomeSources
              .map((source) => t(`outcomes:incomeSources.${source}`))
              .join(', ')}
          </dd>
          <dt>{t('baseline.savings')}</dt>
          <dd>{data.recorded.hasSavings ? t('baseline.yes') : t('baseline.no')}</dd>
          {AGENCY_QUESTIONS.map((question) => {
            const answer = data.recorded?.agency[question];
            return (
              <Fragment key={question}>
                <dt>{t(`outcomes:agency.questions.${question}`)}</dt>
                <dd>{answer ? t(`outcomes:agency.answers.${answer}`) : '—'}</dd>
              </Fragment>
            );
          })}
          <dt>{t('outcomes:agency.say')}</dt>
          <dd>
            {data.recorded.sayInMoney
              ? `${data.recorded.sayInMoney} — ${t(
                  `outcomes:agency.sayScale.${String(data.recorded.sayInMoney) as '1'}`,
                )}`
              : '—'}
          </dd>
        </dl>
      ) : null}
      {data.refusal && !editable ? (
        <p className="muted">{t(`baseline.refused.${data.refusal}`)}</p>
      ) : null}
      {failure?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText(failure.formError)}</p>
        </div>
      ) : null}
      {editable ? (
        <Form method="post" className="stack card" noValidate>
          <p>{t('baseline.intro')}</p>
          {data.mode === 'correct' ? <p className="muted">{t('baseline.correctIntro')}</p> : null}
          <PlainField
            id="monthlyHouseholdIncome"
            label={t('baseline.income')}
            hint={t('baseline.incomeHint', { currency: data.currencyName })}
            error={errorOf('monthlyHouseholdIncome')}
          >
            {(describedBy, invalid) => (
              <input
                id="monthlyHouseholdIncome"
                name="monthlyHouseholdIncome"
                inputMode="decimal"
                autoComplete="off"
                required
                defaultValue={value('monthlyHouseholdIncome')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </PlainField>
          <ChoiceGroup
            id="incomeSources"
            legend={t('baseline.sources')}
            hint={t('baseline.sourcesHint')}
            error={errorOf('incomeSources')}
          >
            {INCOME_SOURCES.map((source) => (
              <label key={source} className="checkbox">
                <input
                  type="checkbox"
                  name="incomeSources"
                  value={source}
                  defaultChecked={sources.includes(source)}
                />{' '}
                {t(`outcomes:incomeSources.${source}`)}
              </label>
            ))}
          </ChoiceGroup>
          <ChoiceGroup id="hasSavings" legend={t('baseline.savings')} error={errorOf('hasSavings')}>
            {(['yes', 'no'] as const).map((answer) => (
              <label key={answer} className="checkbox">
                <input
                  type="radio"
                  name="hasSavings"
                  value={answer}
                  required
                  defaultChecked={value('hasSavings') === answer}
                />{' '}
                {t(`baseline.${answer}`)}
              </label>
            ))}
          </ChoiceGroup>
          <h2>{t('baseline.agencyTitle')}</h2>
          <div className="alert" role="note">
            <p>{t('outcomes:agency.askAlone')}</p>
          </div>
          {AGENCY_QUESTIONS.map((question) => {
            const name = DECIDER_FIELDS[question];
            return (
              <ChoiceGroup
                key={question}
                id={name}
                legend={t(`outcomes:agency.questions.${question}`)}
                error={errorOf(name)}
              >
                {AGENCY_DECIDERS.map((answer) => (
                  <label key={answer} className="checkbox">
                    <input
                      type="radio"
                      name={name}
                      value={answer}
                      required
                      defaultChecked={value(name) === answer}
                    />{' '}
                    {t(`outcomes:agency.answers.${answer}`)}
                  </label>
                ))}
              </ChoiceGroup>
            );
          })}
          <ChoiceGroup
            id="sayInMoney"
            legend={t('outcomes:agency.say')}
            error={errorOf('sayInMoney')}
          >
            {SAY_VALUES.map((say) => (
              <label key={say} className="checkbox">
                <input
                  type="radio"
                  name="sayInMoney"
                  value={say}
                  required
                  defaultChecked={value('sayInMoney') === say}
                />{' '}
                {say} — {t(`outcomes:agency.sayScale.${say}`)}
              </label>
            ))}
          </ChoiceGroup>
          <PlainField
            id="recordedOn"
            label={t('baseline.recordedOn')}
            error={errorOf('recordedOn')}
          >
            {(describedBy, invalid) => (
              <input
                id="recordedOn"
                name="recordedOn"
                type="date"
                required
                max={data.today}
                defaultValue={value('recordedOn') || data.today}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
            )}
          </PlainField>
          <p>
            <button type="submit" className="button">
              {data.mode === 'correct' ? t('baseline.correct') : t('baseline.save')}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
