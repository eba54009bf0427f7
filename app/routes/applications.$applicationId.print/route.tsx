import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { ApplicationAnswers, EnteredBy } from '~/components/application-summary';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { FormattedDateTime } from '~/components/formatted';
import { LocalizedString } from '~/components/localized';
import { useHydrated } from '~/components/use-hydrated';
import { fixedT } from '~/i18n/i18n.server';
import { applicationSummary } from '~/models/application-view.server';
import { familyStatus } from '~/services/results.server';
import { applicationOr404 } from '~/utils/application-route.server';
import { zonedInstant } from '~/utils/application-display.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const context = applicationOr404(actor, params.applicationId);
  const { application } = context;
  recordRead(actor, application.householdId, 'application', request, application.id);
  const locale = actor.user.locale;
  const familyFacing = context.access === 'owner' || context.access === 'facilitator';
  // The family and her facilitator hear a decision only when it is announced.
  const summary = {
    ...applicationSummary(context, locale),
    status: familyFacing
      ? familyStatus(context.application, context.competition)
      : context.application.status,
  };
  const t = fixedT(locale);
  return json({
    pageTitle: summary.reference
      ? t('applications:print.title', { reference: summary.reference })
      : t('applications:print.titleDraft'),
    summary,
    printedAt: zonedInstant(new Date(), locale, context.competition.timezone),
  });
}

/** The whole application on A4 paper, for the programme's file and the signatures. */
export default function PrintPage() {
  const { summary, printedAt } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  const hydrated = useHydrated();
  return (
    <article className="print-sheet">
      <div className="row no-print">
        <Link to={`/applications/${summary.id}`}>
          <span aria-hidden="true">←</span> {t('print.back')}
        </Link>
        {hydrated ? (
          <button type="button" className="button" onClick={() => window.print()}>
            {t('print.printButton')}
          </button>
        ) : null}
      </div>
      <header className="print-sheet__head">
        <h1>
          {summary.reference
            ? t('print.title', { reference: summary.reference })
            : t('print.titleDraft')}
        </h1>
        <p>
          <LocalizedString value={summary.competition.title} />
        </p>
        <dl className="details details--stacked">
          <dt>{t('page.status')}</dt>
          <dd>
            <ApplicationStatusBadge status={summary.status} />
          </dd>
          {summary.submittedAt ? (
            <>
              <dt>{t('page.submittedAt')}</dt>
              <dd>
                <FormattedDateTime value={summary.submittedAt} />
              </dd>
            </>
          ) : null}
          <dt>{t('summary.household')}</dt>
          <dd>{summary.household.locality}</dd>
          <dt>{t('summary.address')}</dt>
          <dd>{summary.household.address || t('summary.empty')}</dd>
        </dl>
      </header>
      <h2>{summary.idea.title || t('list.untitled')}</h2>
      <ApplicationAnswers summary={summary} downloads={false} headingPrefix="print" />
      <section className="summary-section" aria-labelledby="print-entered">
        <h3 id="print-entered">{t('page.enteredTitle')}</h3>
        <EnteredBy summary={summary} />
      </section>
      <section className="signatures" aria-labelledby="print-signatures">
        <h3 id="print-signatures">{t('print.signaturesTitle')}</h3>
        <div className="signature">
          <div className="signature__line" />
          <p>{t('print.signatureBeneficiary')}</p>
          {summary.beneficiary ? (
            <p className="signature__name">{summary.beneficiary.name}</p>
          ) : null}
        </div>
        <div className="signature">
          <div className="signature__line" />
          <p>{t('print.signatureStaff')}</p>
        </div>
      </section>
      <p className="muted small">{t('print.printedOn', { date: printedAt.text })}</p>
    </article>
  );
}
