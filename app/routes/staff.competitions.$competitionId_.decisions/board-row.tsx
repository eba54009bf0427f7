// The open application of the final ranking (?decide=) as a card above the table: its decision
// form, the family's feedback drawn from the jurors' comments, and — after the announcement —
// withdrawing the award or offering the freed place. One card at a time, so the board stays
// light at any programme size; a card rather than table cells so that each form fits a 360-px
// phone. Every field's id carries the application's id.
import { Form, Link } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { LOCALES, LOCALE_NATIVE_NAMES } from '~/i18n/config';
import { TextAreaField } from '~/components/choice-fields';
import {
  describedBy,
  FormAlert,
  SelectField,
  SubmitButton,
  TextField,
  useFieldError,
} from '~/components/form-fields';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import {
  DECISIONS,
  decideSchema,
  feedbackSchema,
  offerSchema,
  withdrawSchema,
} from '~/schemas/decision';
import type { BoardRowView, BoardState, BoardTableRow } from '~/services/decision-pages.server';
import { INTENT, type Intent } from './intent';

export type RowFailure = FormFailure & { applicationId: number; form: Intent };

type Competition = {
  minGrant: number;
  maxGrant: number;
  minGrantText: string;
  maxGrantText: string;
};

/** Figures the row's error messages name: what remains of the budget, the village, the range. */
type ErrorValues = Record<string, string>;

/** The current decision in words: the status, and the amount or the waiting-list place. */
export function DecisionSummary({ row }: { row: BoardTableRow }) {
  const { t } = useTranslation('decisions');
  const decided = ['awarded', 'waitlisted', 'not-selected', 'withdrawn'].includes(row.status);
  if (!decided) return <span className="badge">{t('table.undecided')}</span>;
  return (
    <>
      <ApplicationStatusBadge status={row.status} />
      {row.awarded ? (
        <span className="block small nowrap">
          {t('rows.awardedAmount', { amount: row.awarded })}
        </span>
      ) : null}
      {row.waitlistPosition ? (
        <span className="block small">
          {t('table.waitlistPosition', { position: row.waitlistPosition })}
        </span>
      ) : null}
    </>
  );
}

export function BoardRowCard({
  row,
  state,
  editable,
  competition,
  remaining,
  closeHref,
  failure,
}: {
  row: BoardRowView;
  state: BoardState;
  editable: boolean;
  competition: Competition;
  remaining: string;
  /** Back to the board without this card. */
  closeHref: string;
  failure: RowFailure | null;
}) {
  const { t } = useTranslation('decisions');
  const labels = useEnumLabels();
  const id = row.applicationId;
  const errorValues: ErrorValues = {
    remaining,
    village: row.village,
    min: competition.minGrantText,
    max: competition.maxGrantText,
  };
  const failureOf = (form: Intent) => (failure?.form === form ? failure : null);
  return (
    <article
      id={`row-${id}`}
      className="card stack decision-card"
      aria-labelledby={`row-${id}-title`}
    >
      <h3 id={`row-${id}-title`}>
        {t('rows.heading', { rank: row.rank, reference: row.reference })}
      </h3>
      <p>
        <strong>{row.title || t('table.untitled')}</strong>
        <span className="block small muted">
          {[row.sector ? labels.sector(row.sector) : null, row.village, row.requested]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </p>
      <p>
        {t('rows.current')} <DecisionSummary row={row} />
      </p>
      {row.reason ? (
        <p className="small prose">{t('rows.reason', { reason: row.reason })}</p>
      ) : null}
      {editable ? (
        <DecideForm
          // A new decision elsewhere changes what this form needs (a reason): start it afresh.
          key={`${row.status}|${row.amountInput}|${row.passesOver.join(',')}`}
          row={row}
          competition={competition}
          failure={failureOf(INTENT.decide)}
          errorValues={errorValues}
        />
      ) : null}
      <Feedback
        row={row}
        locked={state === 'announced'}
        failure={failureOf(INTENT.feedback)}
        errorValues={errorValues}
      />
      {state === 'announced' && row.status === 'awarded' ? (
        <WithdrawForm row={row} failure={failureOf(INTENT.withdraw)} errorValues={errorValues} />
      ) : null}
      {state === 'announced' && row.nextOnWaitlist ? (
        <OfferForm
          row={row}
          competition={competition}
          failure={failureOf(INTENT.offer)}
          errorValues={errorValues}
        />
      ) : null}
      <p>
        <Link className="button button--secondary" to={closeHref}>
          {t('rows.close')}
        </Link>
      </p>
    </article>
  );
}

/** One schema per rule set, shared by every row of the page (building one per row was a cost). */
const decideSchemas = new Map<string, ReturnType<typeof decideSchema>>();
function decideSchemaFor(minGrant: number, maxGrant: number, passesOver: boolean) {
  const key = `${minGrant}|${maxGrant}|${passesOver}`;
  let schema = decideSchemas.get(key);
  if (!schema) {
    schema = decideSchema({ minGrant, maxGrant, passesOver });
    decideSchemas.set(key, schema);
  }
  return schema;
}

function DecideForm({
  row,
  competition,
  failure,
  errorValues,
}: {
  row: BoardRowView;
  competition: Competition;
  failure: RowFailure | null;
  errorValues: ErrorValues;
}) {
  const { t } = useTranslation('decisions');
  const passesOver = row.passesOver.length > 0;
  const schema = useMemo(
    () => decideSchemaFor(competition.minGrant, competition.maxGrant, passesOver),
    [competition.minGrant, competition.maxGrant, passesOver],
  );
  const decided = (DECISIONS as readonly string[]).includes(row.status);
  const form = useValidatedForm({
    schema,
    failure,
    defaultValues: {
      decision: decided ? row.status : undefined,
      amount: row.amountInput,
      reason: row.reason ?? '',
    },
  });
  const initial = form.formState.defaultValues as { decision?: string } | undefined;
  const base = `decide-${row.applicationId}`;
  const decisionError = useFieldError(form, 'decision', errorValues);
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="decision-form stack">
      <input type="hidden" name="applicationId" value={row.applicationId} />
      <FormAlert message={failure?.formError} values={errorValues} />
      <fieldset
        className="field"
        aria-describedby={describedBy(decisionError && `${base}-decision-error`)}
      >
        <legend>{t('decide.legend', { reference: row.reference })}</legend>
        <div className="decision-choices">
          {DECISIONS.map((decision) => (
            <label key={decision} className="checkbox" htmlFor={`${base}-${decision}`}>
              <input
                id={`${base}-${decision}`}
                type="radio"
                value={decision}
                defaultChecked={initial?.decision === decision}
                {...form.register('decision')}
              />
              <span>{t(`decide.${decision}`)}</span>
            </label>
          ))}
        </div>
        {decisionError ? (
          <p id={`${base}-decision-error`} className="field__error">
            {decisionError}
          </p>
        ) : null}
      </fieldset>
      <TextField
        form={form}
        name="amount"
        id={`${base}-amount`}
        label={t('decide.amount')}
        hint={t('decide.amountHint', {
          min: competition.minGrantText,
          max: competition.maxGrantText,
          requested: row.requested,
        })}
        errorValues={errorValues}
        inputMode="decimal"
        autoComplete="off"
        className="amount-input"
      />
      <TextAreaField
        form={form}
        name="reason"
        id={`${base}-reason`}
        label={t('decide.reason')}
        hint={
          passesOver
            ? t('decide.reasonNeeded', { references: row.passesOver.join(', ') })
            : t('decide.reasonNotNeeded')
        }
        errorValues={errorValues}
        rows={2}
      />
      <div>
        <SubmitButton name="intent" value={INTENT.decide}>
          {t('decide.submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function Feedback({
  row,
  locked,
  failure,
  errorValues,
}: {
  row: BoardRowView;
  locked: boolean;
  failure: RowFailure | null;
  errorValues: ErrorValues;
}) {
  const { t } = useTranslation('decisions');
  const base = `feedback-${row.applicationId}`;
  return (
    <section className="stack feedback" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('feedback.title')}</h4>
      <FeedbackLanguageLine row={row} />
      {row.comments.length > 0 && !locked ? (
        <details className="inline-action">
          <summary>{t('feedback.commentsSummary', { count: row.comments.length })}</summary>
          <ul className="juror-comments">
            {row.comments.map((comment) => (
              <li key={comment} className="prose">
                {comment}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {locked ? (
        row.feedback ? (
          <>
            <p className="small muted">{t('feedback.locked')}</p>
            <p className="prose">{row.feedback}</p>
          </>
        ) : (
          <p className="small muted">{t('feedback.lockedNone')}</p>
        )
      ) : (
        <FeedbackForm row={row} failure={failure} errorValues={errorValues} />
      )}
    </section>
  );
}

/** Which language the family reads, and a mark when her feedback is not in it. */
function FeedbackLanguageLine({ row }: { row: BoardRowView }) {
  const { t } = useTranslation('decisions');
  const { reads, writtenIn, missingInHers } = row.feedbackLanguage;
  return (
    <p className="small">
      {reads
        ? t('feedback.reads', { language: LOCALE_NATIVE_NAMES[reads] })
        : t('feedback.readsUnknown')}
      {missingInHers && writtenIn ? (
        <>
          {' '}
          <span className="badge badge--warn">
            {t('feedback.notInHers', { language: LOCALE_NATIVE_NAMES[writtenIn] })}
          </span>
        </>
      ) : null}
    </p>
  );
}

function FeedbackForm({
  row,
  failure,
  errorValues,
}: {
  row: BoardRowView;
  failure: RowFailure | null;
  errorValues: ErrorValues;
}) {
  const { t, i18n } = useTranslation('decisions');
  const form = useValidatedForm({
    schema: feedbackSchema,
    failure,
    defaultValues: {
      feedback: row.feedback ?? row.suggestion,
      // Written in her language unless staff say otherwise.
      feedbackLocale: row.feedbackLanguage.writtenIn ?? row.feedbackLanguage.reads ?? i18n.language,
    },
  });
  const base = `feedback-${row.applicationId}`;
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
      <input type="hidden" name="applicationId" value={row.applicationId} />
      <FormAlert message={failure?.formError} values={errorValues} />
      <p className="small" id={`${base}-state`}>
        {row.feedback !== null
          ? t('feedback.saved')
          : row.suggestion
            ? t('feedback.suggested')
            : t('feedback.none')}
      </p>
      <TextAreaField
        form={form}
        name="feedback"
        id={`${base}-text`}
        label={t('feedback.label', { reference: row.reference })}
        hint={t('feedback.hint')}
        alsoDescribedBy={`${base}-state`}
        errorValues={errorValues}
      />
      <SelectField
        form={form}
        name="feedbackLocale"
        id={`${base}-language`}
        label={t('feedback.writtenIn')}
        options={LOCALES.map((code) => ({ value: code, label: LOCALE_NATIVE_NAMES[code] }))}
      />
      <div>
        <SubmitButton name="intent" value={INTENT.feedback} variant="secondary">
          {t('feedback.submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}

function WithdrawForm({
  row,
  failure,
  errorValues,
}: {
  row: BoardRowView;
  failure: RowFailure | null;
  errorValues: ErrorValues;
}) {
  const { t } = useTranslation('decisions');
  const form = useValidatedForm({ schema: withdrawSchema, failure, defaultValues: { reason: '' } });
  const base = `withdraw-${row.applicationId}`;
  return (
    <details className="confirm" open={failure ? true : undefined}>
      <summary>
        {t('withdraw.summary')}
        <span className="visually-hidden"> {row.reference}</span>
      </summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="confirm__body stack">
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <FormAlert message={failure?.formError} values={errorValues} />
        <TextAreaField
          form={form}
          name="reason"
          id={`${base}-reason`}
          label={t('withdraw.reason', { reference: row.reference })}
          hint={t('withdraw.reasonHint')}
          errorValues={errorValues}
          rows={3}
        />
        <div>
          <SubmitButton name="intent" value={INTENT.withdraw} variant="danger">
            {t('withdraw.submit')}
          </SubmitButton>
        </div>
      </Form>
    </details>
  );
}

function OfferForm({
  row,
  competition,
  failure,
  errorValues,
}: {
  row: BoardRowView;
  competition: Competition;
  failure: RowFailure | null;
  errorValues: ErrorValues;
}) {
  const { t } = useTranslation('decisions');
  const schema = useMemo(
    () => offerSchema({ minGrant: competition.minGrant, maxGrant: competition.maxGrant }),
    [competition.minGrant, competition.maxGrant],
  );
  const form = useValidatedForm({
    schema,
    failure,
    defaultValues: { amount: row.requestedInput },
  });
  const base = `offer-${row.applicationId}`;
  return (
    <section className="offer stack" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('offer.summary')}</h4>
      <p className="small">{t('offer.intro', { village: row.village })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <FormAlert message={failure?.formError} values={errorValues} />
        <TextField
          form={form}
          name="amount"
          id={`${base}-amount`}
          label={t('offer.amount', { reference: row.reference })}
          hint={t('offer.amountHint', {
            min: competition.minGrantText,
            max: competition.maxGrantText,
            requested: row.requested,
          })}
          errorValues={errorValues}
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
        />
        <div>
          <SubmitButton name="intent" value={INTENT.offer}>
            {t('offer.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
