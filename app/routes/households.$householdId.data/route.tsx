// A household's data download by her facilitator (with her) or by staff on her written request,
// whose reference staff must give (issue 16).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { findHousehold } from '~/models/household.server';
import { mayDownloadHouseholdData } from '~/services/data-export.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:view' };
export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const household = findHousehold(idParam(params.householdId));
  const access = household ? mayDownloadHouseholdData(actor, household) : null;
  if (!household || !access) throw notFound();
  return json({
    pageTitle: fixedT(actor.user.locale)('households:dataExport.pageTitle'),
    householdId: household.id,
    needsReference: access === 'staff',
    // The download route sends staff back here when the written request's reference is missing.
    referenceMissing:
      access === 'staff' && new URL(request.url).searchParams.get('missing') === 'reference',
  });
}

export default function HouseholdDataDownloadPage() {
  const { householdId, needsReference, referenceMissing } = useLoaderData<typeof loader>();
  const { t } = useTranslation('households');
  return (
    <main>
      <h1>{t('dataExport.pageTitle')}</h1>
      <p>{t('dataExport.contains')}</p>
      {/* The ZIP comes from a resource route, so the browser saves the file itself. */}
      <Form method="post" action={`/households/${householdId}/data.zip`} reloadDocument>
        {needsReference ? (
          <p>
            <label htmlFor="requestReference">{t('dataExport.reference')}</label>
            <span id="requestReference-hint">{t('dataExport.referenceHint')}</span>
            <input
              id="requestReference"
              name="requestReference"
              required
              aria-invalid={referenceMissing ? true : undefined}
              aria-describedby={
                referenceMissing
                  ? 'requestReference-hint requestReference-error'
                  : 'requestReference-hint'
              }
            />
            {referenceMissing ? (
              <span id="requestReference-error" role="alert">
                {t('dataExport.referenceRequired')}
              </span>
            ) : null}
          </p>
        ) : null}
        <button type="submit">{t('dataExport.button')}</button>
      </Form>
    </main>
  );
}
