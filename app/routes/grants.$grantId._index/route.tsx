// Her grant (DESIGN.md, "Grants and money out"): what was paid and when, by which method, what
// is next and what she must bring, the agreement to print, and the receipts of what she bought —
// one small native form per budget line, so it works without JavaScript on a 360-px phone.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { familyGrantPage, grantFor, type GrantContext } from '~/services/family-grant.server';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { baselineSummary } from '~/services/baselines.server';
import { saveReceiptLine, submitReceipts } from '~/services/grant-receipts.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import {
  formFile,
  formId,
  formIntent,
  formText,
  readFormData,
  readUploadForm,
} from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import { parseMoneyInput } from '~/utils/money';
import type { RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';
import { fixedT } from '~/i18n/i18n.server';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;

export const INTENT = { saveLine: 'save-receipt-line', submit: 'submit-receipts' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = grantFor(actor, idParam(params.grantId));
  if (!context) throw notFound();
  // Staff work on their own page of the grant.
  if (context.access === 'staff') throw redirect(`/staff/grants/${context.grant.id}`);
  recordRead(actor, context.household.id, 'grant', request, context.grant.id);
  const page = familyGrantPage(context, actor.user.locale);
  return json({
    pageTitle: fixedT(actor.user.locale)('grantFamily:page.pageTitle', {
      reference: page.grant.reference,
    }),
    actingFor: context.access === 'facilitator',
    maxBytes: MAX_ATTACHMENT_BYTES,
    // Her facilitator records the household's starting point; the family herself is not asked.
    baseline:
      context.access === 'facilitator'
        ? baselineSummary(context.grant.id, actor.user.locale)
        : null,
    ...page,
  });
}

/** A refusal, with what she typed on that line so she need not type it again. */
type Failure = {
  error: string;
  budgetItemId: number | null;
  typed?: { actual: string; reason: string };
};

async function saveLine(request: Request, actor: SessionUser, context: GrantContext) {
  const upload = await readUploadForm(request, { field: 'file', maxBytes: MAX_ATTACHMENT_BYTES });
  if (!upload.ok) return json<Failure>({ error: 'too-large', budgetItemId: null }, { status: 400 });
  const { formData } = upload;
  if (formIntent(formData) !== INTENT.saveLine)
    throw new Response('Unknown intent', { status: 400 });
  const trancheId = formId(formData, 'trancheId');
  const budgetItemId = formId(formData, 'budgetItemId');
  if (trancheId === null || budgetItemId === null) throw notFound();
  const typed = {
    actual: formText(formData, 'actual') ?? '',
    reason: formText(formData, 'reason') ?? '',
  };
  const actual = parseMoneyInput(typed.actual);
  if (actual === null)
    return json<Failure>({ error: 'amount', budgetItemId, typed }, { status: 400 });
  const file = formFile(formData, 'file');
  const kind = formText(formData, 'kind') === 'photo' ? 'photo' : 'receipt';
  const result = saveReceiptLine(request, actor, context, trancheId, {
    budgetItemId,
    actualAmount: actual,
    reason: formText(formData, 'reason'),
    file: file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), kind } : null,
  });
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    return json<Failure>({ error: result.error, budgetItemId, typed }, { status: 400 });
  }
  return redirect(`/grants/${context.grant.id}?done=saved#line-${budgetItemId}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'applications:edit');
  const context = grantFor(actor, idParam(params.grantId));
  if (!context || (context.access !== 'owner' && context.access !== 'facilitator'))
    throw notFound();
  if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data'))
    return saveLine(request, actor, context);
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.submit) throw new Response('Unknown intent', { status: 400 });
  const trancheId = formId(formData, 'trancheId');
  if (trancheId === null) throw notFound();
  const result = submitReceipts(request, actor, context, trancheId);
  if (!result.ok) {
    if (result.error === 'not-found') throw notFound();
    return json<Failure>({ error: result.error, budgetItemId: null }, { status: 400 });
  }
  return redirect(`/grants/${context.grant.id}?done=sent#receipts-title`);
}

export default function FamilyGrantPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get('done');
  const { t } = useTranslation(['grantFamily', 'grants', 'familyReports', 'outcomes']);
  const { grant, receipts } = data;
  const errorText = (error: string) =>
    error === 'amount'
      ? t('receipts.amountInvalid')
      : t(`receipts.refused.${error}` as 'receipts.refused.not-open');
  return (
    <div className="stack family-grant">
      <p>
        <Link to={`/applications/${grant.applicationId}`}>
          <span aria-hidden="true">←</span> {t('page.back')}
        </Link>
      </p>
      <h1>
        {data.actingFor ? t('page.titleFacilitator', { name: grant.holder }) : t('page.title')}
      </h1>
      <dl className="details details--stacked">
        <dt>{t('page.holder')}</dt>
        <dd>{grant.holder}</dd>
        {grant.identityDocument ? (
          <>
            <dt>{t('page.identityDocument')}</dt>
            <dd data-testid="identity-document">{grant.identityDocument}</dd>
          </>
        ) : null}
        <dt>{t('page.amount')}</dt>
        <dd>{grant.amount}</dd>
        <dt>{t('page.paid')}</dt>
        <dd data-testid="grant-paid">{grant.paid}</dd>
        <dt>{t('page.left')}</dt>
        <dd>{grant.left}</dd>
      </dl>
      <p>
        <Link to={`/grants/${grant.id}/agreement`}>{t('page.agreementLink')}</Link>
      </p>
      {data.baseline ? (
        <section className="card" aria-labelledby="baseline-title">
          <h2 id="baseline-title">{t('familyReports:page.baselineTitle')}</h2>
          {data.baseline.recordedOn ? (
            <p>
              {t('familyReports:baseline.recorded', { date: data.baseline.recordedOn })} ·{' '}
              <Link to={`/grants/${grant.id}/baseline`}>{t('familyReports:baseline.view')}</Link>
            </p>
          ) : data.baseline.due ? (
            <p>
              {t('familyReports:baseline.prompt')}{' '}
              <Link to={`/grants/${grant.id}/baseline`}>{t('familyReports:baseline.link')}</Link>
            </p>
          ) : (
            <p className="muted">{t('familyReports:baseline.missing')}</p>
          )}
        </section>
      ) : null}
      <section className="card" aria-labelledby="next-title">
        <h2 id="next-title">{t('page.nextTitle')}</h2>
        <p data-testid="grant-next">{data.next}</p>
      </section>
      <section aria-labelledby="payments-title">
        <h2 id="payments-title">{t('page.paymentsTitle')}</h2>
        {data.payments.length === 0 ? (
          <p>{t('page.paymentsNone')}</p>
        ) : (
          <ul className="plain-list payments">
            {data.payments.map((p) => (
              <li key={p.id} className={p.corrected ? 'muted' : undefined}>
                <strong>{p.amount}</strong> · {p.date} · {t(`grants:methods.${p.method}`)}
                {p.kind === 'reversal' ? ` · ${t('page.correction')}` : null}
                {p.kind === 'repayment' ? ` · ${t('page.returned')}` : null}
                {p.corrected ? ` · ${t('page.corrected')}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="tranches-title">
        <h2 id="tranches-title">{t('page.tranchesTitle')}</h2>
        <ul className="plain-list">
          {data.tranches.map((tr) => (
            <li key={tr.id}>
              <strong>{t('page.tranche', { position: tr.position })}</strong>: {tr.amount} ·{' '}
              {tr.paid ? t('grants:trancheStates.paid') : t(`grants:conditions.${tr.condition}`)}
              {tr.receiptsVerified
                ? ` · ${t('page.receiptsVerified', { date: tr.receiptsVerified })}`
                : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="visits-title">
        <h2 id="visits-title">{t('familyReports:page.visitsTitle')}</h2>
        {data.visits.length === 0 ? (
          <p>{t('familyReports:page.visitsNone')}</p>
        ) : (
          <ul className="plain-list" data-testid="grant-visits">
            {data.visits.map((v) => (
              <li key={v.id}>
                <strong>{t(`outcomes:visitMonths.${v.month}`)}</strong> ·{' '}
                {t('familyReports:page.visitDue', { date: v.due })} ·{' '}
                {v.done ? t('familyReports:page.done') : t('familyReports:page.notYet')}
                {v.businessStatus
                  ? ` · ${t('familyReports:page.found', {
                      status: t(`outcomes:businessStatuses.${v.businessStatus}`),
                    })}`
                  : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">
          {data.actingFor
            ? t('familyReports:page.reportsTitleFor')
            : t('familyReports:page.reportsTitle')}
        </h2>
        {done === 'report-sent' ? <p role="status">{t('familyReports:report.sent')}</p> : null}
        {data.reportsOpen ? (
          <p>
            <Link to={`/grants/${grant.id}/report`} className="button button--secondary">
              {t('familyReports:page.sendLink')}
            </Link>
          </p>
        ) : null}
        {data.reports.length === 0 ? (
          <p className="muted">{t('familyReports:page.reportsNone')}</p>
        ) : (
          <ul className="plain-list stack" data-testid="grant-reports">
            {data.reports.map((r) => (
              <li key={r.id} className="card">
                <p>
                  <strong>{t(`outcomes:businessStatuses.${r.businessStatus}`)}</strong> ·{' '}
                  {t('familyReports:page.sentOn', { date: r.sentOn })}
                  {r.read ? ` · ${t('familyReports:page.read')}` : null}
                </p>
                {r.revenue ? <p>{t('familyReports:page.revenue', { amount: r.revenue })}</p> : null}
                {r.question ? (
                  <p>{t('familyReports:page.question', { question: r.question })}</p>
                ) : null}
                {r.photoIds.map((photoId) => (
                  <p key={photoId}>
                    <a href={`/outcome-photos/${photoId}`}>{t('familyReports:page.photo')}</a>
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      {receipts ? (
        <section aria-labelledby="receipts-title" className="receipts">
          <h2 id="receipts-title">{t('receipts.title', { position: receipts.position })}</h2>
          <p>
            <span className="badge">{t(`receipts.states.${receipts.state}`)}</span>
          </p>
          {done === 'saved' ? <p role="status">{t('receipts.saved')}</p> : null}
          {done === 'sent' ? <p role="status">{t('receipts.sent')}</p> : null}
          {receipts.moreNeeded ? (
            <div className="alert" role="note">
              <p>{t('receipts.moreNeeded', { reason: receipts.moreNeeded })}</p>
            </div>
          ) : null}
          {failure && failure.budgetItemId === null ? (
            <div className="alert alert--error" role="alert">
              <p>{errorText(failure.error)}</p>
            </div>
          ) : null}
          <p>{t('receipts.intro')}</p>
          {receipts.lines.map((line) => {
            const lineError =
              failure && failure.budgetItemId === line.budgetItemId ? failure.error : null;
            const errorId = `line-${line.budgetItemId}-error`;
            const typed =
              failure && failure.budgetItemId === line.budgetItemId ? failure.typed : undefined;
            return (
              <Form
                key={line.budgetItemId}
                method="post"
                encType="multipart/form-data"
                className="card receipt-line"
                id={`line-${line.budgetItemId}`}
                aria-labelledby={`line-${line.budgetItemId}-name`}
              >
                <h3 id={`line-${line.budgetItemId}-name`}>
                  {line.name} × {line.quantity}
                </h3>
                <p>
                  {t('receipts.planned')}: <strong>{line.planned}</strong>
                  {' · '}
                  {t('receipts.actual')}: {line.actual ?? t('receipts.notEntered')}
                </p>
                <input type="hidden" name="intent" value={INTENT.saveLine} />
                <input type="hidden" name="trancheId" value={receipts.trancheId} />
                <input type="hidden" name="budgetItemId" value={line.budgetItemId} />
                {lineError ? (
                  <p id={errorId} className="field__error" role="alert">
                    {errorText(lineError)}
                  </p>
                ) : null}
                <div className="field">
                  <label htmlFor={`actual-${line.budgetItemId}`}>{t('receipts.actual')}</label>
                  <input
                    id={`actual-${line.budgetItemId}`}
                    name="actual"
                    inputMode="decimal"
                    required
                    defaultValue={typed?.actual ?? line.actualInput}
                    aria-describedby={`actual-${line.budgetItemId}-hint${lineError ? ` ${errorId}` : ''}`}
                    aria-invalid={lineError === 'amount' ? true : undefined}
                  />
                  <p className="field__hint" id={`actual-${line.budgetItemId}-hint`}>
                    {t('receipts.actualHint')}
                  </p>
                </div>
                <div className="field">
                  <label htmlFor={`reason-${line.budgetItemId}`}>{t('receipts.reason')}</label>
                  <textarea
                    id={`reason-${line.budgetItemId}`}
                    name="reason"
                    rows={2}
                    defaultValue={typed?.reason ?? line.reason}
                    aria-invalid={lineError === 'reason-required' ? true : undefined}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`file-${line.budgetItemId}`}>{t('receipts.file')}</label>
                  <input
                    id={`file-${line.budgetItemId}`}
                    type="file"
                    name="file"
                    accept="image/jpeg,image/png,application/pdf"
                  />
                </div>
                <fieldset className="field">
                  <legend>{t('receipts.kind')}</legend>
                  {(['receipt', 'photo'] as const).map((kind) => (
                    <label key={kind} className="checkbox">
                      <input
                        type="radio"
                        name="kind"
                        value={kind}
                        defaultChecked={kind === 'receipt'}
                      />{' '}
                      {t(`receipts.kinds.${kind}`)}
                    </label>
                  ))}
                </fieldset>
                <p>
                  {t('receipts.files')}:{' '}
                  {line.files.length === 0
                    ? t('receipts.noFiles')
                    : line.files.map((f, i) => (
                        <span key={f.id}>
                          {i > 0 ? ', ' : null}
                          <a href={`/grants/${grant.id}/receipts/${f.id}`}>{f.name}</a> (
                          {t(`receipts.kinds.${f.kind}`)})
                        </span>
                      ))}
                </p>
                <button type="submit" className="button button--secondary">
                  {t('receipts.save')}
                </button>
              </Form>
            );
          })}
          {receipts.state !== 'submitted' ? (
            <Form method="post" className="card">
              <h3>{t('receipts.submitTitle')}</h3>
              <p>{t('receipts.submitIntro')}</p>
              <input type="hidden" name="intent" value={INTENT.submit} />
              <input type="hidden" name="trancheId" value={receipts.trancheId} />
              <button type="submit" className="button">
                {t('receipts.submit')}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
