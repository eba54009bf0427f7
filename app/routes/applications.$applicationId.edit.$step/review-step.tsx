import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ApplicationAnswers } from '~/components/application-summary';
import { useMoney } from '~/components/localized';
import type { MoneyFormatSpec } from '~/i18n/format';
import type { Resources } from '~/i18n/resources';
import type { SubmitRefusal } from '~/services/applications.server';
import type { EligibilityCheck } from '~/services/eligibility.server';
import { INTENT } from './intent';
import type { stepData } from './queries.server';

type Data = Extract<SerializeFrom<ReturnType<typeof stepData>>, { step: 'review' }>;
type Missing = Data['missing'];
/** The fields missingForSubmission can name; each has a text under "missing". */
type MissingField = keyof Resources['applications']['missing'];
/** The action's answer when submission is refused; dates are already formatted. */
type RefusalData = { refusal: SubmitRefusal; opensAt: string; closesAt: string };

function useCheckText(spec: MoneyFormatSpec) {
  const { t } = useTranslation('applications');
  const money = useMoney(spec);
  return (check: Pick<EligibilityCheck, 'code' | 'passed' | 'details'>) => {
    const d = check.details;
    const values = {
      requested: typeof d.requested === 'number' ? money(d.requested) : '',
      min: typeof d.min === 'number' ? money(d.min) : '',
      max: typeof d.max === 'number' ? money(d.max) : '',
      attended: d.attended ?? 0,
      required: d.required ?? 0,
    };
    return t(`checks.${check.code}.${check.passed ? 'passed' : 'failed'}`, values);
  };
}

type NextTraining = Data['nextTraining'];

/** Where and when she can attend the training she still needs. */
function NextTrainingList({ sessions }: { sessions: NextTraining }) {
  const { t } = useTranslation(['applications', 'training']);
  if (!sessions) return null;
  return (
    <div className="next-training">
      <p>
        <strong>{t('applications:nextTraining.title')}</strong>
      </p>
      {sessions.length === 0 ? (
        <p>{t('applications:nextTraining.none')}</p>
      ) : (
        <ul>
          {sessions.map((session) => (
            <li key={session.id}>
              {t('applications:nextTraining.session', {
                date: session.startsAt.text,
                place: session.place,
                topic: t(`training:familyTopics.${session.topic}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MissingList({ missing, applicationId }: { missing: Missing; applicationId: number }) {
  const { t } = useTranslation('applications');
  return (
    <ul>
      {missing.map((item) => (
        <li key={item.field}>
          <Link to={`/applications/${applicationId}/edit/${item.step}`}>
            {t(`missing.${item.field as MissingField}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Why the server refused to submit, in her language, with links to what needs doing. */
function Refusal({
  data,
  applicationId,
  money,
  nextTraining,
}: {
  data: RefusalData;
  applicationId: number;
  money: MoneyFormatSpec;
  nextTraining: NextTraining;
}) {
  const { t } = useTranslation('applications');
  const checkText = useCheckText(money);
  const { refusal } = data;
  return (
    <div className="alert alert--error" role="alert">
      {refusal.kind === 'window' ? (
        <p>
          {refusal.reason === 'deadline-passed'
            ? t('errors.deadlinePassed', { date: data.closesAt })
            : refusal.reason === 'not-yet-open'
              ? t('errors.notYetOpen', { date: data.opensAt })
              : t('errors.competitionNotOpen')}
        </p>
      ) : refusal.kind === 'not-draft' ? (
        <p>{t('errors.notDraft')}</p>
      ) : refusal.kind === 'incomplete' ? (
        <>
          <p>{t('errors.incomplete')}</p>
          <MissingList missing={refusal.missing} applicationId={applicationId} />
        </>
      ) : refusal.kind === 'ineligible' ? (
        <>
          <p>{t('errors.ineligible')}</p>
          <ul>
            {refusal.failed.map((check) => (
              <li key={check.code}>
                {checkText(check)}
                {check.code === 'training' ? <NextTrainingList sessions={nextTraining} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

export function ReviewStep({
  data,
  applicationId,
  money,
}: {
  data: Data;
  applicationId: number;
  money: MoneyFormatSpec;
}) {
  const refused = useActionData<RefusalData>();
  const { t } = useTranslation('applications');
  const checkText = useCheckText(money);
  return (
    <div className="stack">
      <p>{t('review.intro')}</p>
      {refused?.refusal ? (
        <Refusal
          data={refused}
          applicationId={applicationId}
          money={money}
          nextTraining={data.nextTraining}
        />
      ) : null}
      <section className="card" aria-labelledby="missing-title">
        <h2 id="missing-title">{t('review.missingTitle')}</h2>
        {data.missing.length === 0 ? (
          <p>✓ {t('review.complete')}</p>
        ) : (
          <>
            <p>{t('review.missingIntro')}</p>
            <MissingList missing={data.missing} applicationId={applicationId} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="checks-title">
        <h2 id="checks-title">{t('review.checksTitle')}</h2>
        <p>{t('review.checksIntro')}</p>
        <ul className="plain-list checks">
          {data.checks.map((check) => (
            <li key={check.code} className={check.passed ? 'check check--ok' : 'check check--bad'}>
              <span className={check.passed ? 'badge badge--ok' : 'badge badge--bad'}>
                {check.passed ? t('review.passed') : t('review.failed')}
              </span>{' '}
              {checkText(check)}
              {check.code === 'training' && !check.passed && !refused?.refusal ? (
                <NextTrainingList sessions={data.nextTraining} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <ApplicationAnswers
        summary={data.summary}
        editableId={applicationId}
        headingPrefix="review"
      />
      <Form method="post" className="card submit-box">
        <p>
          <strong>{t('review.deadline', { date: data.closesAt.text })}</strong>
        </p>
        <p className="muted">{t('review.submitNote')}</p>
        <div className="step-buttons">
          <button type="submit" name="intent" value={INTENT.submit} className="button">
            {t('review.submit')}
          </button>
          <Link
            to={`/applications/${applicationId}/edit/documents`}
            className="button button--secondary"
          >
            <span aria-hidden="true">←</span> {t('steps.back')}
          </Link>
        </div>
      </Form>
    </div>
  );
}
