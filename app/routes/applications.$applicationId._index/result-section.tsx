// The family's result on her application's page, once the competition is announced: what she
// won and what happens next, her waiting-list place, or the programme's feedback and where to
// get help; for a winner, her consent to be named publicly and the way to decline the grant.
import type { SerializeFrom } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { RadioGroup, TextAreaField } from '~/components/choice-fields';
import { CheckboxField, FormAlert, SubmitButton } from '~/components/form-fields';
import type { FormFailure } from '~/components/use-validated-form';
import { useValidatedForm } from '~/components/use-validated-form';
import { declineAwardClientSchema, publishConsentClientSchema } from '~/schemas/application-client';
import { LOCALE_NATIVE_NAMES, htmlLangOf } from '~/i18n/config';
import type { FamilyResult } from '~/services/results.server';
import { INTENT } from './intent';

type Result = SerializeFrom<FamilyResult>;

function Feedback({ result }: { result: Result }) {
  const { t } = useTranslation('results');
  if (!result.feedback) return null;
  return (
    <section className="result-feedback" aria-labelledby="result-feedback-title">
      <h3 id="result-feedback-title">{t('family.feedbackTitle')}</h3>
      <blockquote lang={htmlLangOf(result.feedbackIn)}>
        <p>{result.feedback}</p>
      </blockquote>
      {result.feedbackIn ? (
        <p className="fallback-note">
          {t('family.feedbackIn', { language: LOCALE_NATIVE_NAMES[result.feedbackIn] })}
        </p>
      ) : null}
    </section>
  );
}

function Help({ result }: { result: Result }) {
  const { t } = useTranslation('results');
  return (
    <section aria-labelledby="result-help-title">
      <h3 id="result-help-title">{t('family.help.title')}</h3>
      <p>{t('family.help.intro')}</p>
      <ul>
        {result.help.map((person) => (
          <li key={person.name}>
            {t('family.help.facilitator', { name: person.name })}
            {person.phone ? (
              <>
                {', '}
                <a href={`tel:${person.phone}`}>
                  {t('family.help.phone', { phone: person.phone })}
                </a>
              </>
            ) : null}
          </li>
        ))}
        <li>{t('family.help.office')}</li>
      </ul>
    </section>
  );
}

function Outcome({ result }: { result: Result }) {
  const { t } = useTranslation('results');
  switch (result.kind) {
    case 'awarded':
      return (
        <>
          <p className="result-lead">{t('family.awarded.lead')}</p>
          <dl className="details details--stacked">
            <dt>{t('family.awarded.amount')}</dt>
            <dd>
              <strong className="result-figure">{result.amount}</strong>
            </dd>
          </dl>
          <h3>{t('family.awarded.nextTitle')}</h3>
          <ol className="result-steps">
            <li>{t('family.awarded.agreement')}</li>
            <li>{t('family.awarded.payment')}</li>
            <li>{t('family.awarded.consultations')}</li>
          </ol>
          <Feedback result={result} />
        </>
      );
    case 'waitlisted':
      return (
        <>
          <p className="result-lead">{t('family.waitlisted.lead')}</p>
          {result.position ? (
            <dl className="details details--stacked">
              <dt>{t('family.waitlisted.position')}</dt>
              <dd>
                <strong className="result-figure">{result.position}</strong>
              </dd>
            </dl>
          ) : null}
          <p>{t('family.waitlisted.meaning')}</p>
          <Feedback result={result} />
          <Help result={result} />
        </>
      );
    case 'not-selected':
      return (
        <>
          <p className="result-lead">{t('family.notSelected.lead')}</p>
          <Feedback result={result} />
          <p>{t('family.notSelected.encourage')}</p>
          <Help result={result} />
        </>
      );
    case 'declined':
      return (
        <>
          <p className="result-lead">{t('family.declined.lead', { date: result.at.text })}</p>
          {result.reason ? <p>{t('family.declined.reason', { reason: result.reason })}</p> : null}
          <p>{t('family.declined.next')}</p>
          <Help result={result} />
        </>
      );
    case 'award-withdrawn':
      return (
        <>
          <p className="result-lead">{t('family.withdrawn.lead', { date: result.at.text })}</p>
          {result.reason ? <p>{t('family.withdrawn.reason', { reason: result.reason })}</p> : null}
          <Help result={result} />
        </>
      );
  }
}

export function ResultSection({ result, actingFor }: { result: Result; actingFor: boolean }) {
  const { t } = useTranslation('results');
  const tone =
    result.kind === 'awarded'
      ? 'result--awarded'
      : result.kind === 'waitlisted'
        ? 'result--waitlisted'
        : 'result--other';
  return (
    <section className={`card result ${tone}`} aria-labelledby="result-title">
      <h2 id="result-title">{t('family.title')}</h2>
      <p className="muted">{t('family.announcedOn', { date: result.announcedOn.text })}</p>
      {actingFor ? (
        <div className="alert alert--info">
          <p>{t('family.actingFor')}</p>
        </div>
      ) : null}
      <Outcome result={result} />
      <p>
        <Link to={result.publicResultsUrl}>{t('family.publicLink')}</Link>
      </p>
    </section>
  );
}

/** Exactly what the public page would show, and her yes or no. */
export function ConsentForm({
  result,
  failure,
}: {
  result: Extract<Result, { kind: 'awarded' }>;
  failure: FormFailure | null;
}) {
  const { t } = useTranslation('results');
  const form = useValidatedForm({
    schema: publishConsentClientSchema,
    defaultValues: { consent: result.publishConsent ? 'yes' : 'no' },
    failure,
  });
  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p>{t('consent.intro')}</p>
      <p>{t('consent.shows')}</p>
      <p className="result-preview">
        <strong>{result.publicName}</strong>
        {result.village ? ` — ${result.village}` : null}
      </p>
      <p>{t('consent.never')}</p>
      <p>
        <strong>{result.publishConsent ? t('consent.nowYes') : t('consent.nowNo')}</strong>{' '}
        {t('consent.change')}
      </p>
      <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
        <FormAlert message={failure?.formError} />
        <RadioGroup
          form={form}
          name="consent"
          legend={t('consent.legend')}
          options={[
            { value: 'yes', label: t('consent.yes') },
            { value: 'no', label: t('consent.no') },
          ]}
        />
        <SubmitButton name="intent" value={INTENT.publishConsent} variant="secondary">
          {t('consent.save')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Giving up the grant: a reason if she wants, and a confirmation she must tick. */
export function DeclineForm({ amount, failure }: { amount: string; failure: FormFailure | null }) {
  const { t } = useTranslation('results');
  const form = useValidatedForm({ schema: declineAwardClientSchema, failure });
  // <details> keeps it out of the way; the confirmation box is the "are you sure?".
  return (
    <details className="card withdraw" open={Boolean(failure)}>
      <summary>{t('decline.title')}</summary>
      <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
        <p>{t('decline.intro')}</p>
        <FormAlert message={failure?.formError} />
        <TextAreaField
          form={form}
          name="reason"
          label={t('decline.reason')}
          hint={t('decline.reasonHint')}
          rows={3}
        />
        <CheckboxField form={form} name="confirm" label={t('decline.confirm', { amount })} />
        <SubmitButton name="intent" value={INTENT.declineAward} variant="danger">
          {t('decline.submit')}
        </SubmitButton>
      </Form>
    </details>
  );
}
