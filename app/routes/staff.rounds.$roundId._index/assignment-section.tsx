// The assignment table: each application of the round with its jurors, how far they are, and
// the two things staff may do to one juror's assignment — hand it to another juror (within the
// rules) or, once submitted, reopen her score with a reason. A row carries no classes and no
// forms, only a link per juror (?assignment=): the one assignment it names opens its form in
// place, so a page of the table stays light at any programme size and works without JS.
import { Form, Link, useSearchParams } from '@remix-run/react';
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
  const [searchParams] = useSearchParams();
  if (rows.length === 0) return <p className="muted">{t('assignment.none')}</p>;
  const first = (paging.page - 1) * paging.pageSize + 1;
  const opened = Number(searchParams.get('assignment')) || reopenFailure?.assignmentId || null;
  /** This page of the table with one assignment's form open, or none. */
  const hrefFor = (assignmentId: number | null) => {
    const search = new URLSearchParams(searchParams);
    for (const name of ['done', 'count', 'assignment']) search.delete(name);
    if (assignmentId !== null) search.set('assignment', String(assignmentId));
    const query = search.toString();
    return `?${query}${assignmentId !== null ? `#assignment-${assignmentId}` : ''}`;
  };
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
                  {row.title ? <small>{row.title}</small> : null}
                </th>
                <td>{row.village}</td>
                <td>
                  <ul>
                    {row.jurors.map((juror) => (
                      <JurorItem
                        key={juror.assignmentId}
                        row={row}
                        jurors={jurors}
                        juror={juror}
                        status={status}
                        open={juror.assignmentId === opened}
                        href={hrefFor(juror.assignmentId)}
                        closeHref={hrefFor(null)}
                        reopenFailure={
                          reopenFailure?.assignmentId === juror.assignmentId ? reopenFailure : null
                        }
                      />
                    ))}
                  </ul>
                  {row.recused.length > 0 ? (
                    <ul>
                      {row.recused.map((r, index) => (
                        <li key={index}>
                          {t('assignment.recused', { name: r.name })}
                          {r.reason ? `: ${r.reason}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td>{t('assignment.submittedOf', { count: needed, submitted: row.submitted })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      <Pagination
        {...paging}
        drop={['done', 'count', 'assignment']}
        label={t('assignment.pages')}
      />
    </>
  );
}

function JurorItem({
  row,
  jurors,
  juror,
  status,
  open,
  href,
  closeHref,
  reopenFailure,
}: {
  row: Row;
  /** The round's jurors. */
  jurors: Juror[];
  juror: AssignedJuror;
  status: RoundStatus;
  /** Whether this assignment's form is the one open on the page. */
  open: boolean;
  href: string;
  closeHref: string;
  reopenFailure: ReopenFailure | null;
}) {
  const { t } = useTranslation('rounds');
  const others = jurors.filter((j) => !row.jurors.some((on) => on.jurorId === j.id));
  const canMove = status !== 'closed' && juror.score !== 'submitted' && others.length > 0;
  const canReopen = status === 'open' && juror.score === 'submitted';
  const action = canMove ? 'move' : canReopen ? 'reopen' : null;
  return (
    <li id={open ? `assignment-${juror.assignmentId}` : undefined}>
      <strong>{juror.name}</strong>{' '}
      {t(`assignment.score.${juror.reopenReason ? 'reopened' : juror.score}`)}
      {juror.movedByStaff ? ` · ${t('assignment.movedByStaff')}` : null}
      {juror.reopenReason ? (
        <small>{t('assignment.reopenReason', { reason: juror.reopenReason })}</small>
      ) : null}
      {action && !open ? (
        <>
          {' '}
          <Link
            to={href}
            aria-label={`${t(`${action}.summary`)}: ${t('assignment.whichAssignment', { name: juror.name, reference: row.reference })}`}
          >
            {t(`${action}.summary`)}
          </Link>
        </>
      ) : null}
      {action === 'move' && open ? (
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
          <Link to={closeHref}>{t('assignment.close')}</Link>
        </Form>
      ) : null}
      {action === 'reopen' && open ? (
        <ReopenForm
          assignmentId={juror.assignmentId}
          failure={reopenFailure}
          closeHref={closeHref}
        />
      ) : null}
    </li>
  );
}

function ReopenForm({
  assignmentId,
  failure,
  closeHref,
}: {
  assignmentId: number;
  failure: ReopenFailure | null;
  closeHref: string;
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
      <Link to={closeHref}>{t('assignment.close')}</Link>
    </Form>
  );
}
