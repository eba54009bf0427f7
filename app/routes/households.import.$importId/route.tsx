import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { TableFrame } from '~/components/table-frame';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import {
  analyseImport,
  commitImport,
  discardImport,
  findImport,
} from '~/services/household-import.server';
import { requirePermission } from '~/utils/auth.server';
import { refuse, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'households:import' };
export const meta = titleFromLoader;

export const INTENT = { commit: 'commit', discard: 'discard' } as const;

function importIdFrom(params: { importId?: string }) {
  const importId = Number(params.importId);
  const upload = Number.isInteger(importId) ? findImport(importId) : undefined;
  if (!upload) throw new Response('Not Found', { status: 404 });
  return upload;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'households:import');
  const upload = importIdFrom(params);
  // The preview is computed again each time: what matters is the register as it is now.
  const analysis = analyseImport(upload.content);
  return json({
    pageTitle: upload.fileName,
    upload: {
      id: upload.id,
      fileName: upload.fileName,
      status: upload.status,
      householdsCreated: upload.householdsCreated,
    },
    analysis: analysis.ok
      ? {
          ok: true as const,
          newCount: analysis.newCount,
          problemCount: analysis.problemCount,
          alreadyCount: analysis.alreadyCount,
          rows: analysis.rows.map((r) => ({
            line: r.line,
            registerNumber: r.registerNumber,
            name: `${r.firstName} ${r.lastName}`.trim(),
            locality: r.localityText,
            problems: r.problems,
            alreadyRegistered: r.alreadyRegistered,
          })),
        }
      : { ok: false as const, fileError: analysis.fileError },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'households:import');
  const upload = importIdFrom(params);
  const formData = await readFormData(request);
  switch (formIntent(formData)) {
    case INTENT.commit: {
      const result = commitImport(request, staff, upload.id);
      if (!result.ok)
        return refuse(formData, { message: `households:import.commitErrors.${result.error}` });
      return redirect(`/households/import/${upload.id}`);
    }
    case INTENT.discard:
      discardImport(request, staff, upload.id);
      return redirect('/households/import');
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

export default function ImportPreviewPage() {
  const { upload, analysis } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('households');
  return (
    <div className="stack">
      <p>
        <Link to="/households/import">← {t('import.title')}</Link>
      </p>
      <h1>{t('import.previewTitle', { file: upload.fileName })}</h1>
      <FormAlert message={failure?.formError} />
      {upload.status === 'committed' ? (
        <div className="alert alert--success" role="status">
          <p>{t('import.committed', { count: upload.householdsCreated ?? 0 })}</p>
          <p>
            <Link to="/households">{t('list.title')}</Link>
          </p>
        </div>
      ) : null}
      {upload.status === 'discarded' ? (
        <div className="alert alert--info">
          <p>{t('import.discarded')}</p>
        </div>
      ) : null}
      {!analysis.ok ? (
        <div className="alert alert--error" role="alert">
          <p>{t(`import.errors.${analysis.fileError}`)}</p>
        </div>
      ) : (
        <>
          {upload.status === 'previewed' ? (
            <div
              className={`alert ${analysis.problemCount > 0 ? 'alert--warning' : 'alert--info'}`}
            >
              <p>
                {t('import.summaryNew', { count: analysis.newCount })}{' '}
                {analysis.alreadyCount > 0
                  ? t('import.summaryAlready', { count: analysis.alreadyCount })
                  : null}{' '}
                {analysis.problemCount > 0
                  ? t('import.summaryProblems', { count: analysis.problemCount })
                  : null}
              </p>
              {analysis.problemCount > 0 ? <p>{t('import.fixFirst')}</p> : null}
            </div>
          ) : null}
          {upload.status === 'previewed' ? (
            <div className="row">
              {analysis.problemCount === 0 && analysis.newCount > 0 ? (
                <Form method="post">
                  <SubmitButton name="intent" value={INTENT.commit}>
                    {t('import.commit', { count: analysis.newCount })}
                  </SubmitButton>
                </Form>
              ) : null}
              <Form method="post">
                <SubmitButton name="intent" value={INTENT.discard} variant="secondary">
                  {t('import.discard')}
                </SubmitButton>
              </Form>
            </div>
          ) : null}
          <TableFrame label={t('import.rows')}>
            <table>
              <caption className="visually-hidden">{t('import.rows')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.line')}</th>
                  <th scope="col">{t('import.registerNumber')}</th>
                  <th scope="col">{t('import.name')}</th>
                  <th scope="col">{t('list.locality')}</th>
                  <th scope="col">{t('import.check')}</th>
                </tr>
              </thead>
              <tbody>
                {analysis.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <td>{row.registerNumber || '—'}</td>
                    <td>{row.name || '—'}</td>
                    <td>{row.locality || '—'}</td>
                    <td>
                      {row.problems.length > 0 ? (
                        <ul className="field__error">
                          {row.problems.map((problem) => (
                            <li key={problem}>{t(`import.problems.${problem}`)}</li>
                          ))}
                        </ul>
                      ) : row.alreadyRegistered ? (
                        <span className="badge">{t('import.already')}</span>
                      ) : (
                        <span className="badge badge--ok">{t('import.ok')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </>
      )}
    </div>
  );
}
