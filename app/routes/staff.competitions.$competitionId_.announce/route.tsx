// Before the one announce action: who is told what and how (e-mail or her facilitator), the
// e-mails as each kind of family will read them, and what the public results page will show.
// Announcing asks once more (a disclosure, so it works without JavaScript), then locks the
// decisions and tells every family.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { TableFrame } from '~/components/table-frame';
import { fixedT } from '~/i18n/i18n.server';
import { announcementPreview } from '~/services/decision-pages.server';
import { announce } from '~/services/decisions.server';
import decisionStyles from '~/styles/decisions.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { readFormData, formIntent } from '~/utils/forms.server';

export const handle: RouteAccess = { access: 'decisions:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: decisionStyles },
];

export const INTENT = { announce: 'announce' } as const;

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'decisions:manage');
  const preview = announcementPreview(competitionIdFrom(params), user.locale);
  if (!preview) throw new Response('Not Found', { status: 404 });
  return json({
    pageTitle: fixedT(user.locale)('decisions:announce.title', {
      competition: preview.competition.title?.text ?? '',
    }),
    ...preview,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'decisions:manage');
  const competitionId = competitionIdFrom(params);
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.announce)
    throw new Response('Unknown intent', { status: 400 });
  const result = announce(request, staff, competitionId);
  if (result.ok)
    return redirect(
      `/staff/competitions/${competitionId}/decisions?done=announced&count=${result.told}`,
    );
  if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
  return json(
    { formError: `decisions:announce.refused.${result.error}` },
    { status: result.error === 'already-announced' ? 409 : 400 },
  );
}

export default function AnnouncePage() {
  const data = useLoaderData<typeof loader>();
  const { competition, plan, undecided, emails } = data;
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation('decisions');
  const board = `/staff/competitions/${competition.id}/decisions`;
  const canAnnounce = !competition.announcedAt && data.ready && undecided.length === 0;
  return (
    <div className="stack decisions-page">
      <p>
        <Link to={board}>← {t('announce.back')}</Link>
      </p>
      <h1>{t('announce.title', { competition: competition.title?.text ?? '' })}</h1>
      {competition.announcedAt ? (
        <div className="alert alert--info" role="status">
          <p>{t('announce.alreadyAnnounced', { date: competition.announcedAt.text })}</p>
        </div>
      ) : (
        <p>{t('announce.intro')}</p>
      )}
      <FormAlert message={actionData?.formError} />
      {!data.ready && !competition.announcedAt ? (
        <div className="alert alert--warning">
          <p>{t('announce.refused.not-ready')}</p>
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('announce.countsTitle')}</h2>
        <dl className="plan-counts">
          <div>
            <dt>{t('announce.awarded')}</dt>
            <dd data-testid="plan-awarded">{plan.awarded}</dd>
          </div>
          <div>
            <dt>{t('announce.waitlisted')}</dt>
            <dd data-testid="plan-waitlisted">{plan.waitlisted}</dd>
          </div>
          <div>
            <dt>{t('announce.notSelected')}</dt>
            <dd data-testid="plan-not-selected">{plan.notSelected}</dd>
          </div>
          <div>
            <dt>{t('announce.byEmail')}</dt>
            <dd data-testid="plan-by-email">{plan.byEmail}</dd>
          </div>
          <div>
            <dt>{t('announce.inPerson')}</dt>
            <dd data-testid="plan-in-person">{plan.inPerson}</dd>
          </div>
        </dl>
        <p className="small muted">{t('announce.notSelectedHint')}</p>
        <p className="small muted">{t('announce.inPersonHint')}</p>
        {undecided.length > 0 ? (
          <div className="alert alert--warning" id="undecided">
            <p>{t('announce.undecided', { count: undecided.length })}</p>
            <ul>
              {undecided.map((row) => (
                <li key={row.applicationId}>
                  <Link to={`${board}#row-${row.applicationId}`}>
                    {t('announce.undecidedRow', { rank: row.rank, reference: row.reference })}
                  </Link>
                </li>
              ))}
            </ul>
            <p>
              <Link to={board}>{t('announce.undecidedFix')}</Link>
            </p>
          </div>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="emails-title">
        <h2 id="emails-title">{t('announce.emailsTitle')}</h2>
        <p>{t('announce.emailsIntro')}</p>
        {emails.map((email) => (
          <section
            key={email.kind}
            className="card stack email-preview"
            aria-labelledby={`email-${email.kind}`}
          >
            <h3 id={`email-${email.kind}`}>{t(`announce.emailKind.${email.kind}`)}</h3>
            <p className="small muted">
              {email.count > 0
                ? t('announce.emailCount', { count: email.count })
                : t('announce.emailNone')}
            </p>
            <p>
              <strong>{t('announce.subject', { subject: email.subject })}</strong>
            </p>
            <pre className="mail-text">{email.text}</pre>
          </section>
        ))}
      </section>

      <PublicPreview />

      {!competition.announcedAt ? (
        <section className="card stack" aria-labelledby="announce-title">
          <h2 id="announce-title">{t('announce.actionTitle')}</h2>
          {canAnnounce ? (
            <details className="confirm">
              <summary>{t('announce.confirmSummary')}</summary>
              <div className="confirm__body stack">
                <p>{t('announce.confirmText', { count: plan.total })}</p>
                <Form method="post">
                  <SubmitButton name="intent" value={INTENT.announce}>
                    {t('announce.submit')}
                  </SubmitButton>
                </Form>
              </div>
            </details>
          ) : (
            <p className="muted">
              {undecided.length > 0
                ? t('announce.refused.undecided')
                : t('announce.refused.not-ready')}
            </p>
          )}
        </section>
      ) : null}
    </div>
  );
}

function PublicPreview() {
  const { public: results } = useLoaderData<typeof loader>();
  const { t } = useTranslation('decisions');
  const labels = useEnumLabels();
  return (
    <section className="card stack" aria-labelledby="public-title">
      <h2 id="public-title">{t('announce.publicTitle')}</h2>
      <p className="small muted">{t('announce.publicIntro')}</p>
      <dl className="details">
        <dt>{t('announce.publicApplications')}</dt>
        <dd>{results.applications}</dd>
        <dt>{t('announce.publicWinners')}</dt>
        <dd>{results.winners}</dd>
        <dt>{t('announce.publicTotal')}</dt>
        <dd>{results.totalAwarded}</dd>
      </dl>
      <div className="sections sections--two">
        <TableFrame labelledBy="public-villages">
          <table>
            <caption id="public-villages">{t('announce.publicByVillage')}</caption>
            <tbody>
              {results.byVillage.map((v) => (
                <tr key={v.name}>
                  <th scope="row">{v.name}</th>
                  <td className="num">{v.winners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
        <TableFrame labelledBy="public-sectors">
          <table>
            <caption id="public-sectors">{t('announce.publicBySector')}</caption>
            <tbody>
              {results.bySector.map((s) => (
                <tr key={s.sector ?? 'none'}>
                  <th scope="row">{s.sector ? labels.sector(s.sector) : '—'}</th>
                  <td className="num">{s.winners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </div>
      <h3>{t('announce.publicNamed')}</h3>
      {results.named.length === 0 ? (
        <p className="muted">{t('announce.publicNamedNone')}</p>
      ) : (
        <ul>
          {results.named.map((n, index) => (
            <li key={index}>
              {t('announce.publicNamedRow', { name: n.name, village: n.village })}
              {n.sector ? ` · ${labels.sector(n.sector)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
