// Anonymisation after retention (issue 16): the retention in force, what a run would remove now,
// and the run itself behind a confirmation box (a plain form post, so it works without script).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CheckboxField, FormAlert, SubmitButton } from '~/components/form-fields';
import { useValidatedForm } from '~/components/use-validated-form';
import { formatDate, formatNumber } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { useTranslation } from '~/i18n/react';
import { anonymiseRunSchema } from '~/schemas/anonymisation';
import {
  previewAnonymisation,
  runAnonymisation,
  type AnonymisationCounts,
} from '~/services/anonymisation.server';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseRequestForm } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';

export const handle: RouteAccess = { access: 'households:anonymise' };
export const meta = titleFromLoader;

const KINDS: (keyof AnonymisationCounts)[] = [
  'households',
  'members',
  'accounts',
  'files',
  'photos',
  'freeTexts',
  'auditLines',
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'households:anonymise');
  const preview = previewAnonymisation();
  return json({
    pageTitle: fixedT(user.locale)('admin:anonymisation.title'),
    retentionYears: preview.retentionYears,
    cutoff: formatDate(preview.cutoff, user.locale),
    counts: KINDS.map((kind) => ({
      kind,
      count: formatNumber(preview.counts[kind], user.locale),
    })),
    households: preview.counts.households,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, 'households:anonymise');
  const parsed = await parseRequestForm(request, anonymiseRunSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = runAnonymisation({ userId: admin.user.id, ipAddress: clientIp(request) });
  return json({
    done: {
      households: result.counts.households,
      counts: KINDS.map((kind) => ({
        kind,
        count: formatNumber(result.counts[kind], admin.user.locale),
      })),
    },
  });
}

function CountsTable({ counts }: { counts: { kind: keyof AnonymisationCounts; count: string }[] }) {
  const { t } = useTranslation('admin');
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('anonymisation.kind')}</th>
          <th scope="col" className="numeric">
            {t('anonymisation.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {counts.map((row) => (
          <tr key={row.kind}>
            <th scope="row">{t(`anonymisation.kinds.${row.kind}`)}</th>
            <td className="numeric">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function AnonymisationPage() {
  const { retentionYears, cutoff, counts, households } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  const done = result && 'done' in result ? result.done : null;
  const failure = result && !('done' in result) ? result : undefined;
  const form = useValidatedForm({
    schema: anonymiseRunSchema,
    failure,
    defaultValues: { confirm: false },
  });
  return (
    <div className="narrow">
      <h1>{t('anonymisation.title')}</h1>
      <p>{t('anonymisation.intro')}</p>
      <p>
        {t('anonymisation.retention', { count: retentionYears })}{' '}
        <Link to="/admin/settings">{t('anonymisation.changeRetention')}</Link>
      </p>
      <p>{t('anonymisation.cutoff', { date: cutoff })}</p>
      {done ? (
        <section className="card" aria-labelledby="anonymisation-done" role="status">
          <h2 id="anonymisation-done">{t('anonymisation.doneTitle')}</h2>
          <p>{t('anonymisation.done', { count: done.households })}</p>
          <CountsTable counts={done.counts} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="anonymisation-preview">
        <h2 id="anonymisation-preview">{t('anonymisation.previewTitle')}</h2>
        {households === 0 ? (
          <p>{t('anonymisation.none')}</p>
        ) : (
          <>
            <CountsTable counts={counts} />
            <FormAlert message={failure?.formError} />
            <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
              <CheckboxField form={form} name="confirm" label={t('anonymisation.confirm')} />
              <SubmitButton>{t('anonymisation.run', { count: households })}</SubmitButton>
            </Form>
          </>
        )}
      </section>
      <p className="field__hint">{t('anonymisation.command')}</p>
    </div>
  );
}
