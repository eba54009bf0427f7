// One application of the final ranking as a card under the table: its decision form, the
// family's feedback drawn from the jurors' comments, and — after the announcement — withdrawing
// the award or offering the freed place. Cards rather than table cells so that each form fits a
// 360-px phone; every field's id carries the application's id, as many cards share one page.
import { Form } from '@remix-run/react';
import { useMemo } from 'react';
import { get, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '~/components/enum-labels';
import { SubmitButton } from '~/components/form-fields';
import { ApplicationStatusBadge } from '~/components/status-badges';
import {
  useValidatedForm,
  type FormFailure,
  type ValidatedForm,
} from '~/components/use-validated-form';
import {
  DECISIONS,
  decideSchema,
  feedbackSchema,
  offerSchema,
  withdrawSchema,
} from '~/schemas/decision';
import type { BoardRowView, BoardState } from '~/services/decision-pages.server';
import { INTENT, type Intent } from './intent';

export type RowFailure = FormFailure & { applicationId: number; form: Intent };

type Competition = {
  minGrant: number;
  maxGrant: number;
  minGrantText: string;
  maxGrantText: string;
};

/**
 * An error key from the schema or the action, in words, with the figures it needs (what remains
 * of the budget, the village, the grant range).
 */
function useRowErrorText(values: Record<string, string>) {
  const { t, i18n } = useTranslation('errors');
  const translate = t as (key: string, values?: Record<string, string>) => string;
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    const fullKey = key.includes(':') ? key : `errors:${key}`;
    return i18n.exists(fullKey) ? translate(fullKey, values) : translate('validation.invalid');
  };
}

/** The error a field shows: the browser's check once the script runs, the server's before. */
function fieldError<T extends FieldValues>(form: ValidatedForm<T>, name: string) {
  const client = (get(form.formState.errors, name) as { message?: string } | undefined)?.message;
  return form.hydrated ? client : form.serverErrors[name];
}

function describedBy(...ids: (string | false | undefined | null)[]) {
  return ids.filter(Boolean).join(' ') || undefined;
}

function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
    </div>
  );
}

function FieldErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field__error">
      {message}
    </p>
  );
}

/** The current decision in words: the status, and the amount or the waiting-list place. */
export function DecisionSummary({ row }: { row: BoardRowView }) {
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
  failure,
}: {
  row: BoardRowView;
  state: BoardState;
  editable: boolean;
  competition: Competition;
  remaining: string;
  failure: RowFailure | null;
}) {
  const { t } = useTranslation('decisions');
  const labels = useEnumLabels();
  const id = row.applicationId;
  const errorText = useRowErrorText({
    remaining,
    village: row.village,
    min: competition.minGrantText,
    max: competition.maxGrantText,
  });
  const failureOf = (form: Intent) => (failure?.form === form ? failure : null);
  return (
    <li id={`row-${id}`} className="card stack decision-card">
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
          errorText={errorText}
        />
      ) : null}
      <Feedback
        row={row}
        locked={state === 'announced'}
        failure={failureOf(INTENT.feedback)}
        errorText={errorText}
      />
      {state === 'announced' && row.status === 'awarded' ? (
        <WithdrawForm row={row} failure={failureOf(INTENT.withdraw)} errorText={errorText} />
      ) : null}
      {state === 'announced' && row.nextOnWaitlist ? (
        <OfferForm
          row={row}
          competition={competition}
          failure={failureOf(INTENT.offer)}
          errorText={errorText}
        />
      ) : null}
    </li>
  );
}

type ErrorText = (key: string | undefined) => string | undefined;

function DecideForm({
  row,
  competition,
  failure,
  errorText,
}: {
  row: BoardRowView;
  competition: Competition;
  failure: RowFailure | null;
  errorText: ErrorText;
}) {
  const { t } = useTranslation('decisions');
  const passesOver = row.passesOver.length > 0;
  const schema = useMemo(
    () =>
      decideSchema({ minGrant: competition.minGrant, maxGrant: competition.maxGrant, passesOver }),
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
  const initial = form.formState.defaultValues as
    { decision?: string; amount?: string; reason?: string } | undefined;
  const base = `decide-${row.applicationId}`;
  const decisionError = errorText(fieldError(form, 'decision'));
  const amountError = errorText(fieldError(form, 'amount'));
  const reasonError = errorText(fieldError(form, 'reason'));
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="decision-form stack">
      <input type="hidden" name="applicationId" value={row.applicationId} />
      <FormError message={errorText(failure?.formError)} />
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
        <FieldErrorText id={`${base}-decision-error`} message={decisionError} />
      </fieldset>
      <div className="field">
        <label htmlFor={`${base}-amount`}>{t('decide.amount')}</label>
        <p id={`${base}-amount-hint`} className="field__hint">
          {t('decide.amountHint', {
            min: competition.minGrantText,
            max: competition.maxGrantText,
            requested: row.requested,
          })}
        </p>
        <input
          id={`${base}-amount`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="amount-input"
          defaultValue={initial?.amount ?? ''}
          aria-invalid={amountError ? true : undefined}
          aria-describedby={describedBy(
            `${base}-amount-hint`,
            amountError && `${base}-amount-error`,
          )}
          {...form.register('amount')}
        />
        <FieldErrorText id={`${base}-amount-error`} message={amountError} />
      </div>
      <div className="field">
        <label htmlFor={`${base}-reason`}>{t('decide.reason')}</label>
        <p id={`${base}-reason-hint`} className="field__hint">
          {passesOver
            ? t('decide.reasonNeeded', { references: row.passesOver.join(', ') })
            : t('decide.reasonNotNeeded')}
        </p>
        <textarea
          id={`${base}-reason`}
          rows={2}
          defaultValue={initial?.reason ?? ''}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={describedBy(
            `${base}-reason-hint`,
            reasonError && `${base}-reason-error`,
          )}
          {...form.register('reason')}
        />
        <FieldErrorText id={`${base}-reason-error`} message={reasonError} />
      </div>
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
  errorText,
}: {
  row: BoardRowView;
  locked: boolean;
  failure: RowFailure | null;
  errorText: ErrorText;
}) {
  const { t } = useTranslation('decisions');
  const base = `feedback-${row.applicationId}`;
  return (
    <section className="stack feedback" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('feedback.title')}</h4>
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
        <FeedbackForm row={row} failure={failure} errorText={errorText} />
      )}
    </section>
  );
}

function FeedbackForm({
  row,
  failure,
  errorText,
}: {
  row: BoardRowView;
  failure: RowFailure | null;
  errorText: ErrorText;
}) {
  const { t } = useTranslation('decisions');
  const form = useValidatedForm({
    schema: feedbackSchema,
    failure,
    defaultValues: { feedback: row.feedback ?? row.suggestion },
  });
  const initial = form.formState.defaultValues as { feedback?: string } | undefined;
  const base = `feedback-${row.applicationId}`;
  const error = errorText(fieldError(form, 'feedback'));
  return (
    <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
      <input type="hidden" name="applicationId" value={row.applicationId} />
      <FormError message={errorText(failure?.formError)} />
      <p className="small" id={`${base}-state`}>
        {row.feedback !== null
          ? t('feedback.saved')
          : row.suggestion
            ? t('feedback.suggested')
            : t('feedback.none')}
      </p>
      <div className="field">
        <label htmlFor={`${base}-text`}>{t('feedback.label', { reference: row.reference })}</label>
        <p id={`${base}-hint`} className="field__hint">
          {t('feedback.hint')}
        </p>
        <textarea
          id={`${base}-text`}
          rows={4}
          defaultValue={initial?.feedback ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(
            `${base}-state`,
            `${base}-hint`,
            error && `${base}-text-error`,
          )}
          {...form.register('feedback')}
        />
        <FieldErrorText id={`${base}-text-error`} message={error} />
      </div>
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
  errorText,
}: {
  row: BoardRowView;
  failure: RowFailure | null;
  errorText: ErrorText;
}) {
  const { t } = useTranslation('decisions');
  const form = useValidatedForm({ schema: withdrawSchema, failure, defaultValues: { reason: '' } });
  const initial = form.formState.defaultValues as { reason?: string } | undefined;
  const base = `withdraw-${row.applicationId}`;
  const error = errorText(fieldError(form, 'reason'));
  return (
    <details className="confirm" open={failure ? true : undefined}>
      <summary>
        {t('withdraw.summary')}
        <span className="visually-hidden"> {row.reference}</span>
      </summary>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="confirm__body stack">
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <FormError message={errorText(failure?.formError)} />
        <div className="field">
          <label htmlFor={`${base}-reason`}>
            {t('withdraw.reason', { reference: row.reference })}
          </label>
          <p id={`${base}-hint`} className="field__hint">
            {t('withdraw.reasonHint')}
          </p>
          <textarea
            id={`${base}-reason`}
            rows={3}
            defaultValue={initial?.reason ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${base}-hint`, error && `${base}-reason-error`)}
            {...form.register('reason')}
          />
          <FieldErrorText id={`${base}-reason-error`} message={error} />
        </div>
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
  errorText,
}: {
  row: BoardRowView;
  competition: Competition;
  failure: RowFailure | null;
  errorText: ErrorText;
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
  const initial = form.formState.defaultValues as { amount?: string } | undefined;
  const base = `offer-${row.applicationId}`;
  const error = errorText(fieldError(form, 'amount'));
  return (
    <section className="offer stack" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`}>{t('offer.summary')}</h4>
      <p className="small">{t('offer.intro', { village: row.village })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
        <input type="hidden" name="applicationId" value={row.applicationId} />
        <FormError message={errorText(failure?.formError)} />
        <div className="field">
          <label htmlFor={`${base}-amount`}>
            {t('offer.amount', { reference: row.reference })}
          </label>
          <p id={`${base}-hint`} className="field__hint">
            {t('offer.amountHint', {
              min: competition.minGrantText,
              max: competition.maxGrantText,
              requested: row.requested,
            })}
          </p>
          <input
            id={`${base}-amount`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className="amount-input"
            defaultValue={initial?.amount ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${base}-hint`, error && `${base}-amount-error`)}
            {...form.register('amount')}
          />
          <FieldErrorText id={`${base}-amount-error`} message={error} />
        </div>
        <div>
          <SubmitButton name="intent" value={INTENT.offer}>
            {t('offer.submit')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  );
}
