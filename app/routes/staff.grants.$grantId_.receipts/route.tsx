// Staff check a grant's receipts, tranche by tranche: each budget line planned against actual,
// with the family's reason and her receipts and photos; they accept (the purchases are verified,
// the next tranche unlocks) or ask for more with a reason she reads.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { TableFrame } from '~/components/table-frame';
import { fixedT } from '~/i18n/i18n.server';
import { formatMoney } from '~/i18n/format';
import { findApplication } from '~/models/application.server';
import { findGrant, tranchesOf } from '~/models/grant.server';
import { standingPaymentOf } from '~/models/grant-ledger.server';
import { latestReceiptEvent } from '~/models/grant-receipt.server';
import {
  acceptReceipts,
  askForMoreReceipts,
  receiptsOfTranche,
  receiptsState,
} from '~/services/grant-receipts.server';
import { tellAgreementReady } from '~/services/family-grant.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formId, formIntent, formText, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'grants:manage' };
export const meta = titleFromLoader;

export const INTENT = {
  verify: 'verify-receipts',
  more: 'ask-for-more',
  agreementReady: 'tell-agreement-ready',
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'grants:manage');
  const { user } = staff;
  const grant = findGrant(idParam(params.grantId));
  if (!grant) throw notFound();
  const application = findApplication(grant.applicationId)!;
  recordRead(staff, application.householdId, 'receipt', request, grant.id);
  const money = (minor: number) => formatMoney(minor, grant.currency, user.locale);
  const tranches = tranchesOf(grant.id)
    .filter((t) => standingPaymentOf(t.id))
    .map((t) => {
      const latest = latestReceiptEvent(t.id);
      return {
        id: t.id,
        position: t.position,
        state: receiptsState(t, latest),
        moreNeeded: latest?.kind === 'more-needed' ? latest.reason : null,
        lines: receiptsOfTranche(application.id, t.id).map((row) => ({
          id: row.item.id,
          name: row.item.name,
          quantity: row.item.quantity,
          planned: money(row.planned),
          actual: row.line ? money(row.line.actualAmount) : null,
          differs: row.line ? row.line.actualAmount !== row.planned : false,
          reason: row.line?.reason ?? '',
          files: row.files.map((f) => ({ id: f.id, name: f.fileName, kind: f.kind })),
        })),
      };
    });
  return json({
    pageTitle: fixedT(user.locale)('grantFamily:staff.pageTitle', {
      reference: application.reference ?? '',
    }),
    grantId: grant.id,
    tranches,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'grants:manage');
  const grantId = idParam(params.grantId);
  const formData = await readFormData(request);
  if (formIntent(formData) === INTENT.agreementReady) {
    const told = tellAgreementReady(request, staff, grantId);
    if (!told.ok && told.error === 'not-found') throw notFound();
    return redirect(`/staff/grants/${grantId}?told=${told.ok ? 'ready' : 'no'}`);
  }
  const trancheId = formId(formData, 'trancheId');
  if (trancheId === null || !tranchesOf(grantId).some((t) => t.id === trancheId)) throw notFound();
  switch (formIntent(formData)) {
    case INTENT.verify: {
      const result = acceptReceipts(request, staff, trancheId);
      if (!result.ok) return json({ trancheId, error: result.error }, { status: 409 });
      return redirect(`/staff/grants/${grantId}/receipts?done=accepted`);
    }
    case INTENT.more: {
      const result = askForMoreReceipts(
        request,
        staff,
        trancheId,
        formText(formData, 'reason') ?? '',
      );
      if (!result.ok)
        return json(
          { trancheId, error: result.error },
          { status: result.error === 'reason-required' ? 400 : 409 },
        );
      return redirect(`/staff/grants/${grantId}/receipts?done=asked`);
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

export default function StaffReceiptsPage() {
  const { grantId, tranches } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const done = searchParams.get('done');
  const { t } = useTranslation(['grantFamily', 'grants']);
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/grants/${grantId}`}>
          <span aria-hidden="true">←</span> {t('staff.back')}
        </Link>
      </p>
      <h1>{t('staff.link')}</h1>
      {done === 'accepted' ? <p role="status">{t('staff.accepted')}</p> : null}
      {done === 'asked' ? <p role="status">{t('staff.asked')}</p> : null}
      {tranches.length === 0 ? <p>{t('staff.none')}</p> : null}
      {tranches.map((tranche) => (
        <section key={tranche.id} aria-labelledby={`tranche-${tranche.id}`} className="stack">
          <h2 id={`tranche-${tranche.id}`}>
            {t('receipts.title', { position: tranche.position })}{' '}
            <span className="badge">{t(`receipts.states.${tranche.state}`)}</span>
          </h2>
          {tranche.moreNeeded ? (
            <p>{t('receipts.moreNeeded', { reason: tranche.moreNeeded })}</p>
          ) : null}
          <TableFrame labelledBy={`tranche-${tranche.id}`}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('staff.item')}</th>
                  <th scope="col">{t('staff.planned')}</th>
                  <th scope="col">{t('staff.actual')}</th>
                  <th scope="col">{t('staff.reason')}</th>
                  <th scope="col">{t('staff.files')}</th>
                </tr>
              </thead>
              <tbody>
                {tranche.lines.map((line) => (
                  <tr key={line.id}>
                    <td>
                      {line.name} × {line.quantity}
                    </td>
                    <td>{line.planned}</td>
                    <td>
                      {line.actual ? (
                        line.differs ? (
                          <strong>{line.actual}</strong>
                        ) : (
                          line.actual
                        )
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{line.reason}</td>
                    <td>
                      {line.files.map((f) => (
                        <a
                          key={f.id}
                          href={`/grants/${grantId}/receipts/${f.id}`}
                          className="receipt-file"
                        >
                          {f.name} ({t(`receipts.kinds.${f.kind}`)})
                        </a>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          {failure && failure.trancheId === tranche.id ? (
            <div className="alert alert--error" role="alert">
              <p>{t(`staff.refused.${failure.error}` as 'staff.refused.not-found')}</p>
            </div>
          ) : null}
          {tranche.state !== 'verified' ? (
            <div className="row">
              <Form method="post" className="card">
                <p>{t('staff.verifyIntro')}</p>
                <input type="hidden" name="intent" value={INTENT.verify} />
                <input type="hidden" name="trancheId" value={tranche.id} />
                <button type="submit" className="button">
                  {t('staff.verify')}
                </button>
              </Form>
              <Form method="post" className="card">
                <h3>{t('staff.moreTitle')}</h3>
                <input type="hidden" name="intent" value={INTENT.more} />
                <input type="hidden" name="trancheId" value={tranche.id} />
                <div className="field">
                  <label htmlFor={`more-${tranche.id}`}>{t('staff.moreReason')}</label>
                  <textarea id={`more-${tranche.id}`} name="reason" rows={3} required />
                </div>
                <button type="submit" className="button button--secondary">
                  {t('staff.more')}
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
