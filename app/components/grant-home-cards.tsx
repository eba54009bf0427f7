import { Link } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';

/** Her grants, on her home page: each opens her grant page. */
export function FamilyGrantLinks({
  grants,
}: {
  grants: { grantId: number; reference: string | null }[];
}) {
  const { t } = useTranslation('grantFamily');
  if (grants.length === 0) return null;
  return (
    <ul className="plain-list">
      {grants.map((g) => (
        <li key={g.grantId}>
          <Link to={`/grants/${g.grantId}`}>{t('page.title')}</Link>
          {g.reference ? <span className="muted small"> {g.reference}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export type StaffWaiting = {
  toApprove: { requestId: number; grantId: number; kind: string; reference: string | null }[];
  toVerify: { trancheId: number; grantId: number; reference: string | null; sentOn: string }[];
  /** Families' reports with a question, not read yet. */
  reportQuestions: number;
};

/** Staff home: payment requests of others to approve, receipts to verify (never one's own). */
export function StaffWaitingCard({ waiting }: { waiting: StaffWaiting }) {
  const { t } = useTranslation(['grantFamily', 'grants', 'familyReports']);
  return (
    <section className="card" aria-labelledby="home-waiting">
      <h2 id="home-waiting">{t('home.title')}</h2>
      <h3>{t('home.toApprove')}</h3>
      {waiting.toApprove.length === 0 ? (
        <p className="muted">{t('home.toApproveNone')}</p>
      ) : (
        <ul className="plain-list" data-testid="waiting-approvals">
          {waiting.toApprove.map((r) => (
            <li key={r.requestId}>
              <Link to={`/staff/grants/${r.grantId}`}>
                {r.reference ?? r.grantId} · {t(`grants:kinds.${r.kind as 'payment'}`)}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('home.toVerify')}</h3>
      {waiting.toVerify.length === 0 ? (
        <p className="muted">{t('home.toVerifyNone')}</p>
      ) : (
        <ul className="plain-list" data-testid="waiting-receipts">
          {waiting.toVerify.map((r) => (
            <li key={r.trancheId}>
              <Link to={`/staff/grants/${r.grantId}/receipts`}>{r.reference ?? r.grantId}</Link>{' '}
              <span className="muted small">{t('home.sentOn', { date: r.sentOn })}</span>
            </li>
          ))}
        </ul>
      )}
      <p data-testid="waiting-report-questions">
        {waiting.reportQuestions === 0 ? (
          <span className="muted">{t('familyReports:home.none')}</span>
        ) : (
          <Link to="/staff/reports">
            {t('familyReports:home.questions', { count: waiting.reportQuestions })}
          </Link>
        )}
      </p>
    </section>
  );
}

/** On her application page: the way to her grant (staff: to their grant page). */
export function GrantLink({ to }: { to: string }) {
  const { t } = useTranslation('grantFamily');
  return (
    <section className="card" aria-labelledby="application-grant">
      <h2 id="application-grant">{t('page.title')}</h2>
      <p>
        <Link to={to}>{t('page.open')}</Link>
      </p>
    </section>
  );
}
