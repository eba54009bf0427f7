// "Download my data" for the family herself: what the ZIP holds, and the button (issue 16); the
// button posts to /household/data.zip.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'household:own' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'household:own');
  return json({ pageTitle: fixedT(user.locale)('households:dataExport.pageTitle') });
}

export default function DownloadMyDataPage() {
  const { t } = useTranslation('households');
  return (
    <main>
      <h1>{t('dataExport.pageTitle')}</h1>
      <p>{t('dataExport.pageIntro')}</p>
      <p>{t('dataExport.contains')}</p>
      {/* The ZIP comes from a resource route, so the browser saves the file itself. */}
      <Form method="post" action="/household/data.zip" reloadDocument>
        <button type="submit">{t('dataExport.button')}</button>
      </Form>
    </main>
  );
}
