import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { CompetitionForm } from '~/components/competition-form';
import { FormAlert } from '~/components/form-fields';
import { fixedT } from '~/i18n/i18n.server';
import { createCompetition } from '~/services/competitions.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import {
  competitionFormOptions,
  newCompetitionFormValues,
  parseCompetitionForm,
} from '~/utils/competition-form.server';
import { formFailure, refuse, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'competitions:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'competitions:manage');
  return json({
    pageTitle: fixedT(user.locale)('competitions:form.newTitle'),
    saved: newCompetitionFormValues(),
    ...competitionFormOptions(user.locale),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'competitions:manage');
  const formData = await readFormData(request);
  const parsed = parseCompetitionForm(formData);
  if (!parsed.ok) return formFailure(parsed.failure);
  const result = createCompetition(request, staff, parsed.input);
  if (!result.ok) return refuse(formData, { field: result.field, message: result.error });
  return redirect(`/staff/competitions/${result.competitionId}?saved=created`);
}

export default function NewCompetitionPage() {
  const { saved, timeZones, localities } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation('competitions');
  return (
    <div className="stack form-page">
      <p>
        <Link to="/staff/competitions">← {t('form.back')}</Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <FormAlert message={failure?.formError} />
      <CompetitionForm
        saved={saved}
        failure={failure}
        timeZones={timeZones}
        localities={localities}
        currencyLocked={false}
        submitLabel={t('form.create')}
      />
    </div>
  );
}
