// One grant: its tranches, the agreement's signing, payment requests (recorded by one staff
// member, approved or rejected by another), the append-only ledger with reversals, money
// returned. Every form is a native POST, so it works without JavaScript.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import {
  FieldShell,
  FormAlert,
  SelectField,
  SubmitButton,
  TextField,
  describedBy,
  useErrorText,
} from '~/components/form-fields';
import { GrantFamilyLinks } from '~/components/grant-family-links';
import { GrantOutcomes } from '~/components/grant-outcomes';
import { TableFrame } from '~/components/table-frame';
import { TranchePlanForm } from '~/components/tranche-plan-form';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import {
  E_WALLET_PROVIDERS,
  IDENTITY_DOCUMENT_KINDS,
  PAYMENT_METHODS,
} from '~/schemas/grant-enums';
import {
  identityDocumentSchema,
  paymentRequestSchema,
  planSchema,
  rejectSchema,
  repaymentSchema,
  requestIdSchema,
  reversalSchema,
  signingSchema,
  trancheIdSchema,
} from '~/schemas/grants';
import {
  approveMoneyRequest,
  recordMoneyRequest,
  rejectMoneyRequest,
} from '~/services/disbursement.server';
import { grantPage } from '~/services/grant-view.server';
import { grantTimeline, resolveSafeguardingFlag } from '~/services/grant-timeline.server';
import { resolveFlagSchema } from '~/schemas/outcome-views';
import { hasPermission } from '~/utils/permissions';
import { acceptReceipts } from '~/services/grant-receipts.server';
import { MAX_ATTACHMENT_BYTES } from '~/services/attachment-storage.server';
import { baselineSummary } from '~/services/baselines.server';
import {
  attachAgreementScan,
  changeGrantPlan,
  recordIdentityDocument,
  recordSigning,
} from '~/services/grants.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import {
  formFailure,
  formFile,
  formIntent,
  parseForm,
  readFormData,
  readUploadForm,
} from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { recordGrantRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'grants:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = {
  sign: 'sign',
  identity: 'set-identity-document',
  scan: 'attach-scan',
  request: 'request-payment',
  approve: 'approve',
  reject: 'reject',
  verify: 'verify-receipts',
  reverse: 'request-reversal',
  repay: 'record-repayment',
  plan: 'change-plan',
  resolveFlag: 'resolve-flag',
} as const;
type Intent = (typeof INTENT)[keyof typeof INTENT];

function grantIdFrom(params: { grantId?: string }): number {
  const id = Number(params.grantId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionUser = await requirePermission(request, 'grants:manage');
  const { user, roles } = sessionUser;
  const page = grantPage(grantIdFrom(params), user.id, user.locale);
  if (!page) throw new Response('Not Found', { status: 404 });
  recordGrantRead(sessionUser, page.grant.id, 'grant', request);
  return json({
    pageTitle: fixedT(user.locale)('grants:grant.title', { reference: page.grant.reference }),
    today: new Date().toISOString().slice(0, 10),
    baseline: baselineSummary(page.grant.id, user.locale),
    ...page,
    outcomes: grantTimeline(page.grant.id, user.locale, {
      withFlags: hasPermission(roles, 'safeguarding:read'),
    }),
  });
}

type ActionFailure = FormFailure & { intent: Intent };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'grants:manage');
  const grantId = grantIdFrom(params);
  // Only the signing and scan forms are multipart: they carry the scan of the signed paper.
  const multipart = (request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data');
  const upload = multipart
    ? await readUploadForm(request, { field: 'scan', maxBytes: MAX_ATTACHMENT_BYTES })
    : { ok: true as const, formData: await readFormData(request) };
  if (!upload.ok)
    return json<ActionFailure>(
      // The body was not read, so which form sent it is unknown: the signing form and the scan
      // form are never on the page together, and both show a scan error given for the signing.
      { intent: INTENT.sign, fieldErrors: { scan: 'grants:grant.scanTooLarge' } },
      { status: 400 },
    );
  const { formData } = upload;
  const intent = formIntent(formData) as Intent;
  const done = (key: string) => redirect(`/staff/grants/${grantId}?done=${key}`);
  const refused = (error: string, status = 400) =>
    json<ActionFailure>({ intent, formError: `grants:refused.${error}` }, { status });
  const invalid = (failure: FormFailure) => formFailure({ ...failure, intent } as ActionFailure);
  switch (intent) {
    case INTENT.sign: {
      const parsed = parseForm(formData, signingSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const scan = formFile(formData, 'scan');
      const result = recordSigning(request, staff, grantId, {
        ...parsed.data,
        scan: scan ? new Uint8Array(await scan.arrayBuffer()) : null,
      });
      if (result.ok) return done('signed');
      if (result.error === 'scan-type')
        return invalid({ fieldErrors: { scan: 'grants:grant.scanType' } });
      return refused(result.error, 409);
    }
    case INTENT.scan: {
      const scan = formFile(formData, 'scan');
      if (!scan) return invalid({ fieldErrors: { scan: 'validation.required' } });
      const result = attachAgreementScan(
        request,
        staff,
        grantId,
        new Uint8Array(await scan.arrayBuffer()),
      );
      if (result.ok) return done('scan');
      if (result.error === 'scan-type')
        return invalid({ fieldErrors: { scan: 'grants:grant.scanType' } });
      return refused(result.error, result.error === 'not-found' ? 404 : 409);
    }
    case INTENT.identity: {
      const parsed = parseForm(formData, identityDocumentSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = recordIdentityDocument(request, staff, grantId, parsed.data);
      if (result.ok) return done('identity');
      if (result.error === 'already-signed') return refused('not-awaiting-signature', 409);
      return refused(result.error, result.error === 'not-found' ? 404 : 409);
    }
    case INTENT.request: {
      const parsed = parseForm(formData, paymentRequestSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = recordMoneyRequest(request, staff, grantId, {
        kind: 'payment',
        ...parsed.data,
      });
      return result.ok ? done('recorded') : refused(result.error);
    }
    case INTENT.approve: {
      const parsed = parseForm(formData, requestIdSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = approveMoneyRequest(request, staff, parsed.data.requestId);
      if (result.ok) return done('approved');
      return refused(result.error, result.error === 'own-request' ? 403 : 409);
    }
    case INTENT.reject: {
      const parsed = parseForm(formData, rejectSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = rejectMoneyRequest(request, staff, parsed.data.requestId, parsed.data.reason);
      if (result.ok) return done('rejected');
      return refused(result.error, result.error === 'own-request' ? 403 : 409);
    }
    case INTENT.verify: {
      const parsed = parseForm(formData, trancheIdSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = acceptReceipts(request, staff, parsed.data.trancheId);
      return result.ok ? done('verified') : refused(result.error, 409);
    }
    case INTENT.reverse: {
      const parsed = parseForm(formData, reversalSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = recordMoneyRequest(request, staff, grantId, {
        kind: 'reversal',
        ...parsed.data,
      });
      return result.ok ? done('recorded') : refused(result.error);
    }
    case INTENT.repay: {
      const parsed = parseForm(formData, repaymentSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const result = recordMoneyRequest(request, staff, grantId, {
        kind: 'repayment',
        ...parsed.data,
      });
      return result.ok ? done('recorded') : refused(result.error);
    }
    case INTENT.plan: {
      const parsed = parseForm(formData, planSchema);
      if (!parsed.ok) return invalid({ ...parsed.failure, formError: 'grants:refused.bad-value' });
      const result = changeGrantPlan(request, staff, grantId, parsed.data);
      if (result.ok) return done('plan');
      return refused(result.error, result.error === 'not-found' ? 404 : 400);
    }
    case INTENT.resolveFlag: {
      if (!hasPermission(staff.roles, 'safeguarding:read'))
        throw new Response('Forbidden', { status: 403 });
      const parsed = parseForm(formData, resolveFlagSchema);
      if (!parsed.ok) return invalid(parsed.failure);
      const { flagId, note } = parsed.data;
      const result = resolveSafeguardingFlag(request, staff, grantId, flagId, note);
      if (result.ok) return done('resolved');
      return json<ActionFailure>(
        { intent, formError: `outcomes:timeline.errors.${result.error}` },
        { status: 409 },
      );
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

const DONE = {
  signed: 'grant.signedDone',
  identity: 'grant.identityDone',
  scan: 'grant.scanDone',
  recorded: 'grant.recordedDone',
  approved: 'grant.approvedDone',
  rejected: 'grant.rejectedDone',
  verified: 'grant.receiptsVerifiedDone',
  plan: 'grant.planChangedDone',
  resolved: 'outcomes:timeline.resolvedDone',
} as const;

export default function GrantPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionFailure | undefined;
  const { t } = useTranslation(['grants', 'outcomes']);
  const [search] = useSearchParams();
  const doneKey = DONE[search.get('done') as keyof typeof DONE];
  const { grant } = data;
  const failureOf = (intent: Intent) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/competitions/${grant.competition.id}/money`}>← {t('grant.back')}</Link>
      </p>
      <h1>{t('grant.title', { reference: grant.reference })}</h1>
      {doneKey ? (
        <div className="alert alert--success" role="status">
          <p>{t(doneKey)}</p>
        </div>
      ) : null}
      {actionData?.formError ? <FormAlert message={actionData.formError} /> : null}
      <dl className="details">
        <dt>{t('grant.beneficiary')}</dt>
        <dd data-testid="beneficiary">{grant.beneficiary}</dd>
        <dt>{t('grant.competition')}</dt>
        <dd>{grant.competition.title}</dd>
        <dt>{t('grant.amount')}</dt>
        <dd data-testid="grant-amount">{grant.amount}</dd>
        <dt>{t('grant.paid')}</dt>
        <dd data-testid="grant-paid">{grant.paid}</dd>
        <dt>{t('grant.status')}</dt>
        <dd>{t(`statuses.${grant.status}`)}</dd>
      </dl>
      <GrantFamilyLinks
        grantId={grant.id}
        awaitingSignature={grant.status === 'awaiting-signature'}
      />

      <Tranches />
      {grant.status === 'awaiting-signature' ? <PlanForm /> : null}
      <Agreement
        failure={failureOf(INTENT.sign)}
        identityFailure={failureOf(INTENT.identity)}
        scanFailure={failureOf(INTENT.scan) ?? failureOf(INTENT.sign)}
      />
      <BaselinePrompt grantId={grant.id} baseline={data.baseline} />
      <RequestPayment failure={failureOf(INTENT.request)} />
      <Requests />
      <Ledger />
      <Repayment />
      {data.outcomes ? (
        <GrantOutcomes
          timeline={data.outcomes}
          resolveIntent={INTENT.resolveFlag}
          failure={failureOf(INTENT.resolveFlag)}
        />
      ) : null}
    </div>
  );
}

/** The household's starting point, asked for once the agreement is signed (issue 14). */
function BaselinePrompt({
  grantId,
  baseline,
}: {
  grantId: number;
  baseline: { recordedOn: string | null; due: boolean } | null;
}) {
  const { t } = useTranslation('familyReports');
  if (!baseline || (!baseline.recordedOn && !baseline.due)) return null;
  return (
    <section className="card" aria-labelledby="baseline-title" data-testid="baseline-prompt">
      <h2 id="baseline-title">{t('page.baselineTitle')}</h2>
      <p>
        {baseline.recordedOn
          ? t('baseline.recorded', { date: baseline.recordedOn })
          : t('baseline.prompt')}{' '}
        <Link to={`/grants/${grantId}/baseline`}>
          {baseline.recordedOn ? t('baseline.view') : t('baseline.link')}
        </Link>
      </p>
    </section>
  );
}

function Tranches() {
  const { tranches, limit } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  return (
    <section className="card stack" aria-labelledby="tranches-title">
      <TableFrame labelledBy="tranches-title">
        <table>
          <caption id="tranches-title">{t('grant.planTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grant.position')}</th>
              <th scope="col">{t('grant.share')}</th>
              <th scope="col" className="num">
                {t('money.amount')}
              </th>
              <th scope="col">{t('grant.condition')}</th>
              <th scope="col">{t('grant.state')}</th>
              <th scope="col">{t('grant.receipts')}</th>
            </tr>
          </thead>
          <tbody>
            {tranches.map((tranche) => (
              <tr key={tranche.id} data-testid={`tranche-${tranche.position}`}>
                <th scope="row">{tranche.position}</th>
                <td>
                  {tranche.kind === 'percent'
                    ? t('share.percent', { percent: tranche.percent })
                    : t(`share.${tranche.kind}`)}
                </td>
                <td className="num">{tranche.amount}</td>
                <td>{t(`conditions.${tranche.condition}`)}</td>
                <td>{t(`trancheStates.${tranche.state}`)}</td>
                <td>
                  {tranche.receiptsVerifiedAt ? (
                    t('grant.receiptsVerified', { date: tranche.receiptsVerifiedAt.text })
                  ) : tranche.canVerify ? (
                    <Form method="post">
                      <input type="hidden" name="trancheId" value={tranche.id} />
                      <SubmitButton name="intent" value={INTENT.verify} variant="secondary">
                        {t('grant.verifyReceipts')}
                      </SubmitButton>
                    </Form>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {tranches
        .filter((tranche) => tranche.overLimit && tranche.state !== 'paid')
        .map((tranche) => (
          <div key={tranche.id} className="alert alert--warning">
            <p>{t('grant.limitWarning', { amount: tranche.amount, limit: limit ?? '' })}</p>
          </div>
        ))}
    </section>
  );
}

function Agreement({
  failure,
  identityFailure,
  scanFailure,
}: {
  failure?: ActionFailure;
  identityFailure?: ActionFailure;
  scanFailure?: ActionFailure;
}) {
  const { grant, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  const errorText = useErrorText();
  const form = useValidatedForm({
    schema: signingSchema,
    defaultValues: {
      identityDocumentKind: grant.identityDocument?.kind ?? '',
      identityDocumentNumber: grant.identityDocument?.number ?? '',
      signedOn: today,
      signedByName: grant.beneficiary,
      witnessName: '',
      paymentMethod: 'cash',
      walletProvider: '',
      walletPhone: '',
      bankAccount: '',
      perOperationLimit: '',
    },
    failure,
  });
  const agreement = grant.agreement;
  if (agreement) {
    return (
      <section className="card stack" aria-labelledby="agreement-title">
        <h2 id="agreement-title">{t('grant.agreementTitle')}</h2>
        <dl className="details">
          <dt>{t('grant.identityDocument')}</dt>
          <dd data-testid="identity-document">
            {grant.identityDocument
              ? `${t(`documentKinds.${grant.identityDocument.kind}`)} ${grant.identityDocument.number}`
              : '—'}
          </dd>
          <dt>{t('grant.signedOn')}</dt>
          <dd>{agreement.signedOn?.text}</dd>
          <dt>{t('grant.signedBy')}</dt>
          <dd>{agreement.signedByName}</dd>
          <dt>{t('grant.witness')}</dt>
          <dd>{agreement.witnessName}</dd>
          <dt>{t('grant.method')}</dt>
          <dd>{agreement.paymentMethod ? t(`methods.${agreement.paymentMethod}`) : '—'}</dd>
          {agreement.walletProvider ? (
            <>
              <dt>{t('grant.provider')}</dt>
              <dd>{t(`providers.${agreement.walletProvider}`)}</dd>
              <dt>{t('grant.phone')}</dt>
              <dd>{agreement.walletPhone}</dd>
            </>
          ) : null}
          {agreement.bankAccount ? (
            <>
              <dt>{t('grant.bankAccount')}</dt>
              <dd>{agreement.bankAccount}</dd>
            </>
          ) : null}
          <dt>{t('grant.limit')}</dt>
          <dd>{agreement.limit ?? t('grant.noLimit')}</dd>
          <dt>{t('grant.scan')}</dt>
          <dd>
            {agreement.hasScan ? (
              <a href={`/staff/grants/${grant.id}/agreement-scan`} data-testid="agreement-scan">
                {t('grant.scanOpen')}
              </a>
            ) : (
              t('grant.scanNone')
            )}
          </dd>
        </dl>
        {agreement.hasScan ? null : <ScanForm failure={scanFailure} />}
      </section>
    );
  }
  if (grant.status === 'cancelled') return null;
  return (
    <section className="card stack" aria-labelledby="signing-title">
      <h2 id="signing-title">{t('grant.signingTitle')}</h2>
      <p>{t('grant.signingIntro')}</p>
      <IdentityDocumentForm failure={identityFailure} />
      <Form
        method="post"
        encType="multipart/form-data"
        noValidate
        onSubmit={form.onSubmit}
        className="stack"
      >
        <SelectField
          form={form}
          name="identityDocumentKind"
          label={t('grant.documentKind')}
          required
          placeholder="—"
          options={IDENTITY_DOCUMENT_KINDS.map((k) => ({
            value: k,
            label: t(`documentKinds.${k}`),
          }))}
        />
        <TextField
          form={form}
          name="identityDocumentNumber"
          label={t('grant.documentNumber')}
          hint={t('grant.documentNumberHint')}
          autoComplete="off"
          required
        />
        <TextField form={form} name="signedOn" type="date" label={t('grant.signedOn')} required />
        <TextField form={form} name="signedByName" label={t('grant.signedBy')} required />
        <TextField form={form} name="witnessName" label={t('grant.witness')} required />
        <SelectField
          form={form}
          name="paymentMethod"
          label={t('grant.method')}
          required
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        />
        <SelectField
          form={form}
          name="walletProvider"
          label={t('grant.provider')}
          placeholder="—"
          options={E_WALLET_PROVIDERS.map((p) => ({ value: p, label: t(`providers.${p}`) }))}
        />
        <TextField
          form={form}
          name="walletPhone"
          type="tel"
          label={t('grant.phone')}
          hint={t('grant.phoneHint')}
        />
        <TextField form={form} name="bankAccount" label={t('grant.bankAccount')} />
        <TextField
          form={form}
          name="perOperationLimit"
          inputMode="decimal"
          label={t('grant.limit')}
          hint={t('grant.limitHint')}
        />
        <FieldShell
          id="field-scan"
          label={t('grant.scan')}
          hint={t('grant.scanHint')}
          error={errorText(form.serverErrors.scan)}
        >
          <input
            id="field-scan"
            type="file"
            name="scan"
            accept="image/jpeg,image/png,application/pdf"
            aria-invalid={form.serverErrors.scan ? true : undefined}
            aria-describedby={describedBy(
              'field-scan-hint',
              form.serverErrors.scan ? 'field-scan-error' : undefined,
            )}
          />
        </FieldShell>
        <SubmitButton name="intent" value={INTENT.sign}>
          {t('grant.sign')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** The signing was recorded without the scan: add it (once). A native form, no script needed. */
function ScanForm({ failure }: { failure?: ActionFailure }) {
  const { t } = useTranslation('grants');
  const errorText = useErrorText();
  const error = errorText(failure?.fieldErrors?.scan);
  return (
    <Form method="post" encType="multipart/form-data" className="stack">
      <FieldShell id="attach-scan" label={t('grant.scan')} hint={t('grant.scanHint')} error={error}>
        <input
          id="attach-scan"
          type="file"
          name="scan"
          required
          accept="image/jpeg,image/png,application/pdf"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(
            'attach-scan-hint',
            error ? 'attach-scan-error' : undefined,
          )}
        />
      </FieldShell>
      <SubmitButton name="intent" value={INTENT.scan} variant="secondary">
        {t('grant.scanAttach')}
      </SubmitButton>
    </Form>
  );
}

/** Before the agreement is printed: the document the printed agreement names. */
function IdentityDocumentForm({ failure }: { failure?: ActionFailure }) {
  const { grant } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  const form = useValidatedForm({
    schema: identityDocumentSchema,
    defaultValues: {
      identityDocumentKind: grant.identityDocument?.kind ?? '',
      identityDocumentNumber: grant.identityDocument?.number ?? '',
    },
    failure,
  });
  return (
    <details className="card" open={Boolean(failure) || !grant.identityDocument}>
      <summary>{t('grant.identityTitle')}</summary>
      <p>{t('grant.identityIntro')}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
        <SelectField
          form={form}
          name="identityDocumentKind"
          id="identity-kind"
          label={t('grant.documentKind')}
          required
          placeholder="—"
          options={IDENTITY_DOCUMENT_KINDS.map((k) => ({
            value: k,
            label: t(`documentKinds.${k}`),
          }))}
        />
        <TextField
          form={form}
          name="identityDocumentNumber"
          id="identity-number"
          label={t('grant.documentNumber')}
          hint={t('grant.documentNumberHint')}
          autoComplete="off"
          required
        />
        <SubmitButton name="intent" value={INTENT.identity} variant="secondary">
          {t('grant.identitySave')}
        </SubmitButton>
      </Form>
    </details>
  );
}

function RequestPayment({ failure }: { failure?: ActionFailure }) {
  const { tranches, today, grant } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  const open = tranches.filter((tranche) => tranche.canRequest);
  const first = open[0];
  const form = useValidatedForm({
    schema: paymentRequestSchema,
    defaultValues: {
      trancheId: first ? String(first.id) : '',
      amount: first?.amountInput ?? '',
      method: grant.agreement?.paymentMethod ?? 'cash',
      paidOn: today,
      reference: '',
    },
    failure,
  });
  if (grant.status === 'cancelled') return null;
  return (
    <section className="card stack" aria-labelledby="request-title">
      <h2 id="request-title">{t('grant.requestTitle')}</h2>
      <p>{t('grant.requestIntro')}</p>
      {open.length === 0 ? (
        <p className="muted">{t('grant.nothingToPay')}</p>
      ) : (
        <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
          <SelectField
            form={form}
            name="trancheId"
            label={t('grant.tranche')}
            required
            options={open.map((tranche) => ({
              value: String(tranche.id),
              label: `${tranche.position} · ${tranche.amount}`,
            }))}
          />
          <TextField
            form={form}
            name="amount"
            inputMode="decimal"
            label={t('grant.amountField')}
            required
          />
          <SelectField
            form={form}
            name="method"
            label={t('grant.method')}
            required
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
          />
          <TextField
            form={form}
            name="paidOn"
            type="date"
            label={t('grant.paidOnField')}
            required
          />
          <TextField form={form} name="reference" label={t('grant.referenceField')} required />
          <SubmitButton name="intent" value={INTENT.request}>
            {t('grant.record')}
          </SubmitButton>
        </Form>
      )}
    </section>
  );
}

function Requests() {
  const { requests } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  return (
    <section className="card stack" aria-labelledby="requests-title">
      <h2 id="requests-title">{t('grant.requestsTitle')}</h2>
      {requests.length === 0 ? <p className="muted">{t('grant.requestsNone')}</p> : null}
      <ul className="stack" aria-label={t('grant.requestsTitle')}>
        {requests.map((r) => (
          <li key={r.id} className="card stack" data-testid={`request-${r.id}`}>
            <p>
              <strong>
                {t(`kinds.${r.kind}`)}
                {r.position ? ` · ${t('grant.tranche')} ${r.position}` : ''}
                {r.reversesEntryId ? ` · ${t('grant.reverses', { id: r.reversesEntryId })}` : ''}
              </strong>{' '}
              — {r.amount} · {t(`methods.${r.method}`)} · {r.paidOn.text} · {r.reference}
            </p>
            {r.note ? (
              <p>
                {t('grant.reason')}: {r.note}
              </p>
            ) : null}
            <p className="small">
              {t('money.recordedBy')}: {r.recordedBy} ·{' '}
              <span data-testid="request-status">{t(`requestStatuses.${r.status}`)}</span>
              {r.decidedBy
                ? ` · ${t('grant.decidedBy', { status: t(`requestStatuses.${r.status}`), name: r.decidedBy })}`
                : ''}
            </p>
            {r.rejectionReason ? <p>{r.rejectionReason}</p> : null}
            {r.status === 'requested' ? (
              r.mine ? (
                <p className="muted">{t('grant.ownRequest')}</p>
              ) : (
                <div className="stack">
                  <Form method="post">
                    <input type="hidden" name="requestId" value={r.id} />
                    <SubmitButton name="intent" value={INTENT.approve}>
                      {t('grant.approve')}
                    </SubmitButton>
                  </Form>
                  <Form method="post" className="stack">
                    <input type="hidden" name="requestId" value={r.id} />
                    <label htmlFor={`reject-${r.id}`}>{t('grant.rejectReason')}</label>
                    <input id={`reject-${r.id}`} name="reason" required maxLength={500} />
                    <SubmitButton name="intent" value={INTENT.reject} variant="danger">
                      {t('grant.reject')}
                    </SubmitButton>
                  </Form>
                </div>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Ledger() {
  const { ledger, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  return (
    <section className="card stack" aria-labelledby="ledger-title">
      <h2 id="ledger-title">{t('grant.ledgerTitle')}</h2>
      <p className="small muted">{t('grant.ledgerIntro')}</p>
      {ledger.length === 0 ? (
        <p className="muted">{t('grant.ledgerNone')}</p>
      ) : (
        <TableFrame labelledBy="ledger-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('grant.entry')}</th>
                <th scope="col">{t('money.kind')}</th>
                <th scope="col" className="num">
                  {t('money.amount')}
                </th>
                <th scope="col">{t('grant.paidAt')}</th>
                <th scope="col">{t('grant.method')}</th>
                <th scope="col">{t('grant.referenceField')}</th>
                <th scope="col">{t('money.recordedBy')}</th>
                <th scope="col">{t('grant.approvedBy')}</th>
                <th scope="col">{t('grant.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.map((e) => (
                <tr key={e.id} data-testid={`entry-${e.id}`}>
                  <th scope="row">{e.id}</th>
                  <td>
                    {t(`kinds.${e.kind}`)}
                    {e.position ? ` · ${t('grant.tranche')} ${e.position}` : ''}
                    {e.reversesEntryId
                      ? ` · ${t('grant.reverses', { id: e.reversesEntryId })}`
                      : ''}
                    {e.reversedBy ? ` · ${t('grant.reversedBy', { id: e.reversedBy })}` : ''}
                  </td>
                  <td className="num">{e.amount}</td>
                  <td>{e.paidAt.text}</td>
                  <td>{t(`methods.${e.method}`)}</td>
                  <td>{e.reference}</td>
                  <td>{e.recordedBy}</td>
                  <td>{e.approvedBy}</td>
                  <td>
                    {e.reason ?? ''}
                    {e.canReverse ? (
                      <details>
                        <summary>{t('grant.reverse')}</summary>
                        <Form method="post" className="stack">
                          <input type="hidden" name="entryId" value={e.id} />
                          <input type="hidden" name="paidOn" value={today} />
                          <label htmlFor={`reverse-reason-${e.id}`}>
                            {t('grant.reverseReason')}
                          </label>
                          <input
                            id={`reverse-reason-${e.id}`}
                            name="reason"
                            required
                            maxLength={500}
                          />
                          <label htmlFor={`reverse-ref-${e.id}`}>
                            {t('grant.reverseReference')}
                          </label>
                          <input
                            id={`reverse-ref-${e.id}`}
                            name="reference"
                            required
                            maxLength={80}
                          />
                          <SubmitButton name="intent" value={INTENT.reverse} variant="secondary">
                            {t('grant.reverseSubmit')}
                          </SubmitButton>
                        </Form>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </section>
  );
}

function Repayment() {
  const { grant, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  if (grant.paidMinor <= 0) return null;
  return (
    <section className="card stack" aria-labelledby="repayment-title">
      <h2 id="repayment-title">{t('grant.repaymentTitle')}</h2>
      <p>{t('grant.repaymentIntro')}</p>
      <Form method="post" className="stack">
        <label htmlFor="repay-amount">{t('grant.amountField')}</label>
        <input id="repay-amount" name="amount" inputMode="decimal" required />
        <label htmlFor="repay-method">{t('grant.method')}</label>
        <select id="repay-method" name="method" defaultValue="cash">
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </select>
        <label htmlFor="repay-date">{t('grant.paidOnField')}</label>
        <input id="repay-date" name="paidOn" type="date" defaultValue={today} required />
        <label htmlFor="repay-reference">{t('grant.referenceField')}</label>
        <input id="repay-reference" name="reference" required maxLength={80} />
        <label htmlFor="repay-reason">{t('grant.reason')}</label>
        <input id="repay-reason" name="reason" required maxLength={500} />
        <SubmitButton name="intent" value={INTENT.repay} variant="secondary">
          {t('grant.repaymentSubmit')}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Staff change the plan before signing; the total stays the award (the service checks it). */
function PlanForm() {
  const { tranches } = useLoaderData<typeof loader>();
  const { t } = useTranslation('grants');
  return (
    <details className="card">
      <summary>{t('grant.changeTitle')}</summary>
      <TranchePlanForm
        steps={tranches}
        intent={INTENT.plan}
        submitLabel={t('grant.changeSubmit')}
      />
    </details>
  );
}
