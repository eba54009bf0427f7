import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FilePicker } from '~/components/file-picker';
import { TableFrame } from '~/components/table-frame';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import {
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  analyseImport,
  createImportPreview,
  decodeImportFile,
  listImports,
} from '~/services/household-import.server';
import { requirePermission } from '~/utils/auth.server';
import { formFile, readUploadForm } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:import' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'households:import');
  return json({
    pageTitle: fixedT(user.locale)('households:import.title'),
    imports: listImports().map((item) => ({
      ...item,
      createdAt: formattedInstant(item.createdAt, user.locale),
    })),
    columns: IMPORT_COLUMNS,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'households:import');
  const upload = await readUploadForm(request, { field: 'file', maxBytes: IMPORT_MAX_BYTES });
  if (!upload.ok) {
    return json(
      { formError: 'households:import.errors.too-large', missingColumns: [] as string[] },
      { status: 400 },
    );
  }
  const { formData } = upload;
  const file = formFile(formData, 'file');
  if (!file) {
    return json(
      { formError: 'households:import.errors.no-file', missingColumns: [] as string[] },
      { status: 400 },
    );
  }
  const content = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
  const analysis = analyseImport(content);
  if (!analysis.ok) {
    return json(
      {
        formError: `households:import.errors.${analysis.fileError}`,
        missingColumns: analysis.missingColumns ?? [],
      },
      { status: 400 },
    );
  }
  const importId = createImportPreview(request, staff, { name: file.name, content });
  return redirect(`/households/import/${importId}`);
}

export default function ImportPage() {
  const { imports, columns } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('households');
  return (
    <div className="stack">
      <p>
        <Link to="/households">← {t('list.title')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <div className="card">
        <h2>{t('import.formatTitle')}</h2>
        <p>{t('import.format')}</p>
        <p>
          <code>{columns.join(';')}</code>
        </p>
        <p className="small muted">{t('import.formatDetails')}</p>
        <a href="/households/import-template" download>
          {t('import.template')}
        </a>
      </div>
      <FormAlert message={failure?.formError} />
      {failure && failure.missingColumns.length > 0 ? (
        <p className="field__error">
          {t('import.missingColumns', { columns: failure.missingColumns.join(', ') })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form card" noValidate>
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <p id="import-file-hint" className="field__hint">
            {t('import.fileHint')}
          </p>
          <FilePicker
            id="import-file"
            name="file"
            accept=".csv,text/csv"
            alsoDescribedBy="import-file-hint"
          />
        </div>
        <SubmitButton>{t('import.preview')}</SubmitButton>
      </Form>
      {imports.length > 0 ? (
        <section aria-labelledby="import-history">
          <h2 id="import-history">{t('import.history')}</h2>
          <TableFrame label={t('import.history')}>
            <table>
              <caption className="visually-hidden">{t('import.history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.when')}</th>
                  <th scope="col">{t('import.file')}</th>
                  <th scope="col">{t('import.status')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <FormattedDateTime value={item.createdAt} />
                    </td>
                    <td>
                      <Link to={`/households/import/${item.id}`}>{item.fileName}</Link>
                    </td>
                    <td>
                      {t(`import.statuses.${item.status}`, { count: item.householdsCreated ?? 0 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </section>
      ) : null}
    </div>
  );
}
