// The assignment table: each application of the round with its jurors, how far they are, and
// the two things staff may do to one juror's assignment — hand it to another juror (within the
// rules) or, once submitted, reopen her score with a reason.
import { Form, Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert, SubmitButton, useErrorText } from '~/components/form-fields';
import { Pagination } from '~/components/pagination';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import type { RoundStatus } from '~/schemas/enums';
import { reasonSchema } from '~/schemas/round';
import type { AssignedJuror, AssignmentRow } from '~/services/round-overview.server';
import { INTENT } from './intent';

type ReopenFailure = FormFailure & { assignmentId: number };
type Row = Omit<AssignmentRow, 'others'>;
type Juror = { id: number; name: string };

export function AssignmentSection({
  rows,
  jurors,
  paging,
  status,
  needed,
  reopenFailure,
}: {
  rows: Row[];
  /** The round's jurors: whoever is not on a row may take one of its assignments. */
  jurors: Juror[];
  /** Which page of the round's assigned applications the rows are. */
  paging: { page: number; pageSize: number; total: number };
  status: RoundStatus;
  needed: number;
  reopenFailure: ReopenFailure | null;
}) {
  const { t } = useTranslation('rounds');
  if (rows.length === 0) return <p className="muted">{t('assignment.none')}</p>;
  const first = (paging.page - 1) * paging.pageSize + 1;
  return (
    <>
      <p className="muted" id="assignment-count">
        {t('assignment.shown', {
          count: paging.total,
          from: first,
          to: first + rows.length - 1,
        })}
      </p>
      <TableFrame labelledBy="assignment-caption">
        <table className="assignment-table">
          <caption id="assignment-caption" className="visually-hidden">
            {t('assignment.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('assignment.columns.application')}</th>
              <th scope="col">{t('assignment.columns.village')}</th>
              <th scope="col">{t('assignment.columns.jurors')}</th>
              <th scope="col">{t('assignment.columns.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.applicationId}>
                <th scope="row">
                  <Link to={`/staff/applications/${row.applicationId}`}>{row.reference}</Link>
                  {row.title ? <span className="small muted block">{row.title}</span> : null}
                </th>
                <td>{row.village}</td>
                <td>
                  <ul className="juror-list">
                    {row.jurors.map((juror) => (
                      <JurorItem
                        key={juror.assignmentId}
                        row={row}
                        others={jurors.filter((j) => !row.jurors.some((on) => on.jurorId === j.id))}
                        juror={juror}
                        status={status}
                        reopenFailure={
                          reopenFailure?.assignmentId === juror.assignmentId ? reopenFailure : null
                        }
                      />
                    ))}
                  </ul>
                  {row.recused.length > 0 ? (
                    <ul className="juror-list small muted">
                      {row.recused.map((r, index) => (
                        <li key={index}>
                          {t('assignment.recused', { name: r.name })}
                          {r.reason ? `: ${r.reason}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="nowrap">
                  {t('assignment.submittedOf', { count: needed, submitted: row.submitted })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <Pagination {...paging} drop={['done', 'count']} label={t('assignment.pages')} />
    </>
  );
}

function JurorItem({
  row,
  others,
  juror,
  status,
  reopenFailure,
}: {
  row: Row;
  others: Juror[];
  juror: AssignedJuror;
  status: RoundStatus;
  reopenFailure: ReopenFailure | null;
}) {
  const { t } = useTranslation('rounds');
  const canMove = status !== 'closed' && juror.score !== 'submitted' && others.length > 0;
  const canReopen = status === 'open' && juror.score === 'submitted';
  const which = t('assignment.whichAssignment', { name: juror.name, reference: row.reference });
  return (
    <li>
      <span className="juror-list__name">{juror.name}</span>{' '}
      <span className={`score-state score-state--${juror.score}`}>
        {t(`assignment.score.${juror.reopenReason ? 'reopened' : juror.score}`)}
      </span>
      {juror.movedByStaff ? (
        <span className="small muted"> · {t('assignment.movedByStaff')}</span>
      ) : null}
      {juror.reopenReason ? (
        <span className="small muted block">
          {t('assignment.reopenReason', { reason: juror.reopenReason })}
        </span>
      ) : null}
      {canMove ? (
        <details className="inline-action">
          <summary>
            {t('move.summary')}
            <span className="visually-hidden"> {which}</span>
          </summary>
          <Form method="post" className="inline-action__body">
            <input type="hidden" name="assignmentId" value={juror.assignmentId} />
            <div className="field">
              <label htmlFor={`move-${juror.assignmentId}`}>{t('move.to')}</label>
              <select id={`move-${juror.assignmentId}`} name="toJurorId">
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton name="intent" value={INTENT.move} variant="secondary">
              {t('move.button')}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
      {canReopen ? (
        <details className="inline-action" open={reopenFailure ? true : undefined}>
          <summary>
            {t('reopen.summary')}
            <span className="visually-hidden"> {which}</span>
          </summary>
          <ReopenForm assignmentId={juror.assignmentId} failure={reopenFailure} />
        </details>
      ) : null}
    </li>
  );
}

function ReopenForm({
  assignmentId,
  failure,
}: {
  assignmentId: number;
  failure: ReopenFailure | null;
}) {
  const { t } = useTranslation('rounds');
  const errorText = useErrorText();
  const form = useValidatedForm({ schema: reasonSchema, failure, defaultValues: { reason: '' } });
  const id = `reopen-reason-${assignmentId}`;
  const error = errorText(
    form.hydrated ? form.formState.errors.reason?.message : form.serverErrors.reason,
  );
  return (
    <Form method="post" className="inline-action__body" noValidate onSubmit={form.onSubmit}>
      <FormAlert message={failure?.formError} />
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <div className="field">
        <label htmlFor={id}>{t('reopen.reason')}</label>
        <p id={`${id}-hint`} className="field__hint">
          {t('reopen.reasonHint')}
        </p>
        <textarea
          id={id}
          rows={3}
          defaultValue={String(failure?.values?.reason ?? '')}
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          {...form.register('reason')}
        />
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton name="intent" value={INTENT.reopen}>
        {t('reopen.button')}
      </SubmitButton>
    </Form>
  );
}
