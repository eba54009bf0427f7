// A household's data download by her facilitator (with her) or by staff on her written request,
// whose reference staff must give (issue 16).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable, json } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { findHousehold } from '~/models/household.server';
import { downloadHouseholdData, mayDownloadHouseholdData } from '~/services/data-export.server';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formText, readFormData } from '~/utils/forms.server';
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
    needsReference: access === 'staff',
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'households:view');
  const formData = await readFormData(request);
  const result = downloadHouseholdData(
    request,
    actor,
    idParam(params.householdId),
    formText(formData, 'requestReference'),
  );
  if (!result.ok) {
    if (result.error === 'reference-required')
      return json({ error: 'dataExport.referenceRequired' as const }, { status: 400 });
    throw notFound();
  }
  return new Response(createReadableStreamFromReadable(result.stream), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export default function HouseholdDataDownloadPage() {
  const { needsReference } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('households');
  return (
    <main>
      <h1>{t('dataExport.pageTitle')}</h1>
      <p>{t('dataExport.contains')}</p>
      <Form method="post" reloadDocument>
        {needsReference ? (
          <p>
            <label htmlFor="requestReference">{t('dataExport.reference')}</label>
            <span id="requestReference-hint">{t('dataExport.referenceHint')}</span>
            <input
              id="requestReference"
              name="requestReference"
              required
              aria-invalid={failure ? true : undefined}
              aria-describedby={
                failure ? 'requestReference-hint requestReference-error' : 'requestReference-hint'
              }
            />
            {failure ? (
              <span id="requestReference-error" role="alert">
                {t(failure.error)}
              </span>
            ) : null}
          </p>
        ) : null}
        <button type="submit">{t('dataExport.button')}</button>
      </Form>
    </main>
  );
}
