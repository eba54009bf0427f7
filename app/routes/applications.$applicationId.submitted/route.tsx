import type { LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { competitionTitle } from '~/models/application-view.server';
import { findUserById } from '~/models/user.server';
import { applicationOr404 } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:view' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'applications:view');
  const { application, competition, household } = applicationOr404(actor, params.applicationId);
  if (!application.reference) throw redirect(`/applications/${application.id}`);
  const locale = actor.user.locale;
  // Whether the confirmation went by e-mail follows the family's own contact choice.
  const family = household.userId ? findUserById(household.userId) : undefined;
  const mailed = Boolean(
    family?.email && family.contactByEmail && !family.contactOnlyViaFacilitator,
  );
  return json({
    pageTitle: fixedT(locale)('applications:submitted.title'),
    applicationId: application.id,
    reference: application.reference,
    competition: competitionTitle(competition, locale)?.text ?? '',
    mailed,
  });
}

export default function SubmittedPage() {
  const { applicationId, reference, competition, mailed } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  return (
    <div className="narrow stack">
      <div className="alert alert--success" role="status">
        <h1>{t('submitted.title')}</h1>
        <p>{t('submitted.thanks', { competition })}</p>
      </div>
      <section className="card reference-card" aria-labelledby="reference-label">
        <h2 id="reference-label">{t('submitted.referenceLabel')}</h2>
        <p className="reference-big">{reference}</p>
        <p>{t('submitted.keep')}</p>
      </section>
      <p>{mailed ? t('submitted.mail') : t('submitted.noMail')}</p>
      <p>{t('submitted.next')}</p>
      <div className="row">
        <Link to={`/applications/${applicationId}`} className="button">
          {t('submitted.see')}
        </Link>
        <Link to={`/applications/${applicationId}/print`} className="button button--secondary">
          {t('submitted.print')}
        </Link>
      </div>
    </div>
  );
}
