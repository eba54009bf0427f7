// "Download my data" for the family herself: what the ZIP holds, and the button (issue 16).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { createReadableStreamFromReadable, json } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { fixedT } from '~/i18n/i18n.server';
import { downloadHouseholdData } from '~/services/data-export.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'household:own' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'household:own');
  return json({ pageTitle: fixedT(user.locale)('households:dataExport.pageTitle') });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, 'household:own');
  const result = downloadHouseholdData(request, actor, null, null);
  if (!result.ok) throw new Response('Not Found', { status: 404 });
  return new Response(createReadableStreamFromReadable(result.stream), {
    headers: {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'no-store',
    },
  });
}

export default function DownloadMyDataPage() {
  const { t } = useTranslation('households');
  return (
    <main>
      <h1>{t('dataExport.pageTitle')}</h1>
      <p>{t('dataExport.pageIntro')}</p>
      <p>{t('dataExport.contains')}</p>
      <Form method="post" reloadDocument>
        <button type="submit">{t('dataExport.button')}</button>
      </Form>
    </main>
  );
}
