import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert } from '~/components/form-fields';
import { LocalizedString } from '~/components/localized';
import { RoundForm } from '~/components/round-form';
import type { FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { findCompetition } from '~/models/competition.server';
import { roundsOfCompetition } from '~/models/jury.server';
import { createRound } from '~/services/jury.server';
import roundStyles from '~/styles/rounds.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { refuse, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { newRoundFormValues, readRoundForm } from '~/utils/round-form.server';

export const handle: RouteAccess = { access: 'rounds:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: roundStyles },
];

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'rounds:manage');
  const competition = findCompetition(competitionIdFrom(params));
  if (!competition) throw new Response('Not Found', { status: 404 });
  const locale = user.locale;
  const number = roundsOfCompetition(competition.id).length + 1;
  return json({
    pageTitle: fixedT(locale)('rounds:form.newTitle'),
    competition: {
      id: competition.id,
      title: pickLocalized(titleTexts(competition), locale),
    },
    // Rounds start once the competition has stopped taking applications.
    ready: competition.status === 'screening' || competition.status === 'judging',
    number,
    zone: timeZoneLabel(competition.timezone, locale),
    saved: newRoundFormValues(number, locale, competition.timezone),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'rounds:manage');
  const competitionId = competitionIdFrom(params);
  const formData = await readFormData(request);
  const read = readRoundForm(formData);
  if (!read.ok) return read.response;
  const result = createRound(request, staff, competitionId, read.input);
  if (!result.ok) {
    if (result.error.error === 'jury:errors.notFound')
      throw new Response('Not Found', { status: 404 });
    return refuse(formData, { field: result.error.field, message: result.error.error });
  }
  return redirect(`/staff/rounds/${result.roundId}?done=created`);
}

export default function NewRoundPage() {
  const { competition, ready, number, zone, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const { t } = useTranslation('rounds');
  return (
    <div className="stack form-page">
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>
          ← <LocalizedString value={competition.title} />
        </Link>
      </p>
      <h1>{t('form.newTitle')}</h1>
      <p>{t(number === 1 ? 'form.poolFirst' : 'form.poolLater', { number })}</p>
      {ready ? (
        <>
          <FormAlert message={failure?.formError} />
          <RoundForm saved={saved} failure={failure} zone={zone} submitLabel={t('form.create')} />
        </>
      ) : (
        <div className="alert alert--info" role="status">
          <p>{t('form.notReady')}</p>
        </div>
      )}
    </div>
  );
}
