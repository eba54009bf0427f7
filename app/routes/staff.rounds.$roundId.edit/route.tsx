import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert } from '~/components/form-fields';
import { RoundForm } from '~/components/round-form';
import type { FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { findCompetition } from '~/models/competition.server';
import { assignmentsOfRound, criteriaOf, findRound } from '~/models/jury.server';
import { updateRound } from '~/services/jury.server';
import roundStyles from '~/styles/rounds.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { refuse, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { readRoundForm, roundFormValues } from '~/utils/round-form.server';

export const handle: RouteAccess = { access: 'rounds:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: roundStyles },
];

function roundIdFrom(params: { roundId?: string }): number {
  const id = Number(params.roundId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const round = findRound(roundIdFrom(params));
  const competition = round ? findCompetition(round.competitionId) : undefined;
  if (!round || !competition) throw new Response('Not Found', { status: 404 });
  const locale = user.locale;
  return json({
    pageTitle: fixedT(locale)('rounds:form.editTitle', { name: round.name }),
    round: { id: round.id, name: round.name, editable: round.status === 'draft' },
    // Saving new settings removes the assignment made on the old ones.
    assigned: assignmentsOfRound(round.id).some((a) => a.status === 'active'),
    zone: timeZoneLabel(competition.timezone, locale),
    saved: roundFormValues(round, criteriaOf(round.id), competition.timezone),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'rounds:manage');
  const roundId = roundIdFrom(params);
  const formData = await readFormData(request);
  const read = readRoundForm(formData);
  if (!read.ok) return read.response;
  const result = updateRound(request, staff, roundId, read.input);
  if (!result.ok) {
    if (result.error.error === 'jury:errors.notFound')
      throw new Response('Not Found', { status: 404 });
    return refuse(formData, { field: result.error.field, message: result.error.error });
  }
  return redirect(`/staff/rounds/${roundId}?done=saved`);
}

export default function EditRoundPage() {
  const { round, assigned, zone, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation('rounds');
  return (
    <div className="stack form-page">
      <p>
        <Link to={`/staff/rounds/${round.id}`}>← {round.name}</Link>
      </p>
      <h1>{t('form.editTitle', { name: round.name })}</h1>
      {round.editable ? (
        <>
          {assigned ? (
            <div className="alert alert--warning">
              <p>{t('form.editRemovesAssignment')}</p>
            </div>
          ) : null}
          <FormAlert message={failure?.formError} />
          <RoundForm saved={saved} failure={failure} zone={zone} submitLabel={t('form.save')} />
        </>
      ) : (
        <div className="alert alert--info" role="status">
          <p>{t('form.notEditable')}</p>
        </div>
      )}
    </div>
  );
}
