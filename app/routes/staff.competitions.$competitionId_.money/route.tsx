// The competition's money, live: budget, awarded, committed (signed agreements), paid and
// remaining, by village — with the requests waiting for a second person's approval first.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert } from '~/components/form-fields';
import { TableFrame } from '~/components/table-frame';
import { TranchePlanForm } from '~/components/tranche-plan-form';
import { planSchema } from '~/schemas/grants';
import { setTranchePlanTemplate } from '~/services/grants.server';
import { formIntent, parseForm, readFormData } from '~/utils/forms.server';
import { fixedT } from '~/i18n/i18n.server';
import { moneyPage } from '~/services/grant-view.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'grants:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = { plan: 'set-plan' } as const;

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'grants:manage');
  const id = competitionIdFrom(params);
  const page = moneyPage(id, user.id, user.locale);
  if (!page) throw new Response('Not Found', { status: 404 });
  return json({
    pageTitle: fixedT(user.locale)('grants:money.title', { competition: page.competition.title }),
    ...page,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'grants:manage');
  const id = competitionIdFrom(params);
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.plan) throw new Response('Unknown intent', { status: 400 });
  const parsed = parseForm(formData, planSchema);
  if (!parsed.ok) return json({ formError: 'grants:refused.bad-value' }, { status: 400 });
  const result = setTranchePlanTemplate(request, staff, id, parsed.data);
  if (result.ok) return redirect(`/staff/competitions/${id}/money?done=plan`);
  if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
  return json({ formError: `grants:refused.${result.error}` }, { status: 400 });
}

export default function MoneyPage() {
  const { competition, summary, villages, waiting, grants, plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation(['grants', 'outcomes']);
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>← {t('money.back')}</Link>
      </p>
      <h1>{t('money.title', { competition: competition.title })}</h1>
      <p>
        <a href={`/staff/competitions/${competition.id}/ledger.csv`} download>
          {t('export.link')}
        </a>
        {' · '}
        <a href={`/staff/competitions/${competition.id}/ledger.xlsx`} download>
          {t('export.linkXlsx')}
        </a>
        {' · '}
        <a href={`/staff/competitions/${competition.id}/grants.csv`} download>
          {t('grantsExport.linkCsv')}
        </a>
        {' · '}
        <a href={`/staff/competitions/${competition.id}/grants.xlsx`} download>
          {t('grantsExport.linkXlsx')}
        </a>
        {' · '}
        <Link to={`/staff/competitions/${competition.id}/outcomes`}>
          {t('outcomes:figures.link')}
        </Link>
      </p>

      <section className="card stack" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('money.pendingTitle')}</h2>
        {waiting.length === 0 ? (
          <p className="muted">{t('money.pendingNone')}</p>
        ) : (
          <TableFrame labelledBy="waiting-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('money.reference')}</th>
                  <th scope="col">{t('money.beneficiary')}</th>
                  <th scope="col">{t('money.kind')}</th>
                  <th scope="col" className="num">
                    {t('money.amount')}
                  </th>
                  <th scope="col">{t('money.recordedBy')}</th>
                  <th scope="col">{t('money.recordedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.map((r) => (
                  <tr key={r.requestId} data-testid={`waiting-${r.requestId}`}>
                    <th scope="row">
                      <Link to={`/staff/grants/${r.grantId}#request-${r.requestId}`}>
                        {r.reference}
                      </Link>
                    </th>
                    <td>{r.beneficiary}</td>
                    <td>{t(`kinds.${r.kind}`)}</td>
                    <td className="num">{r.amount}</td>
                    <td>{r.recordedBy}</td>
                    <td>
                      <time dateTime={r.recordedAt.iso}>{r.recordedAt.text}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>

      <section className="card stack" aria-labelledby="summary-title">
        <h2 id="summary-title">{t('money.summaryTitle')}</h2>
        <dl className="details">
          <dt>{t('money.budget')}</dt>
          <dd data-testid="money-budget">{summary.budget}</dd>
          <dt>{t('money.awarded')}</dt>
          <dd data-testid="money-awarded">{summary.awarded}</dd>
          <dt>{t('money.committed')}</dt>
          <dd data-testid="money-committed">{summary.committed}</dd>
          <dt>{t('money.paid')}</dt>
          <dd data-testid="money-paid">{summary.paid}</dd>
          <dt>{t('money.toPay')}</dt>
          <dd data-testid="money-to-pay">{summary.toPay}</dd>
          <dt>{t('money.remaining')}</dt>
          <dd data-testid="money-remaining">{summary.remaining}</dd>
        </dl>
      </section>

      <TableFrame labelledBy="villages-title">
        <table>
          <caption id="villages-title">{t('money.byVillageTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('money.village')}</th>
              <th scope="col" className="num">
                {t('money.grants')}
              </th>
              <th scope="col" className="num">
                {t('money.awarded')}
              </th>
              <th scope="col" className="num">
                {t('money.committed')}
              </th>
              <th scope="col" className="num">
                {t('money.paid')}
              </th>
              <th scope="col" className="num">
                {t('money.toPay')}
              </th>
            </tr>
          </thead>
          <tbody>
            {villages.map((v) => (
              <tr key={v.id}>
                <th scope="row">{v.name}</th>
                <td className="num">{v.grants}</td>
                <td className="num">{v.awarded}</td>
                <td className="num">{v.committed}</td>
                <td className="num">{v.paid}</td>
                <td className="num">{v.toPay}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>

      <section className="card stack" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('money.planTitle')}</h2>
        <p>{t('money.planIntro')}</p>
        {search.get('done') === 'plan' ? (
          <div className="alert alert--success" role="status">
            <p>{t('money.planSaved')}</p>
          </div>
        ) : null}
        <FormAlert message={actionData?.formError} />
        <TranchePlanForm steps={plan} intent={INTENT.plan} submitLabel={t('money.planSubmit')} />
      </section>

      <section className="stack" aria-labelledby="grants-title">
        <h2 id="grants-title">{t('money.grantsTitle')}</h2>
        {grants.length === 0 ? (
          <p className="muted">{t('money.grantsNone')}</p>
        ) : (
          <TableFrame labelledBy="grants-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('money.reference')}</th>
                  <th scope="col">{t('money.beneficiary')}</th>
                  <th scope="col">{t('money.village')}</th>
                  <th scope="col" className="num">
                    {t('money.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('money.paid')}
                  </th>
                  <th scope="col">{t('money.status')}</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      <Link to={`/staff/grants/${g.id}`}>{g.reference}</Link>
                    </th>
                    <td>{g.beneficiary}</td>
                    <td>{g.village}</td>
                    <td className="num">{g.amount}</td>
                    <td className="num">{g.paid}</td>
                    <td>{t(`statuses.${g.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </div>
  );
}
