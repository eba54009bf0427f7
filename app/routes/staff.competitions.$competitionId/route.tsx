import { htmlLangOf } from '~/i18n/config';
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  SerializeFrom,
} from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { CompetitionForm } from '~/components/competition-form';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { LocalizedString } from '~/components/localized';
import { RoundStatusBadge } from '~/components/round-status-badge';
import { CompetitionStatusBadge } from '~/components/status-badges';
import { TableFrame } from '~/components/table-frame';
import type { FormFailure } from '~/components/use-validated-form';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import {
  competitionLocalityRows,
  countApplicationsByStatus,
  findCompetition,
} from '~/models/competition.server';
import {
  APPLICATION_STATUSES,
  COMPETITION_STATUSES,
  type CompetitionStatus,
} from '~/schemas/enums';
import {
  COMPETITION_TRANSITIONS,
  changeCompetitionStatus,
  updateCompetition,
} from '~/services/competitions.server';
import { roundSummariesOf } from '~/services/round-overview.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import {
  competitionFormOptions,
  competitionFormValues,
  parseCompetitionForm,
  timeZoneLabel,
} from '~/utils/competition-form.server';
import { formFailure, refuse, readFormData, formIntent, formText } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'competitions:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export const INTENT = { save: 'save', changeStatus: 'change-status' } as const;

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'competitions:manage');
  const competitionId = competitionIdFrom(params);
  const competition = findCompetition(competitionId);
  if (!competition) throw new Response('Not Found', { status: 404 });
  const locale = user.locale;
  const localities = competitionLocalityRows(competitionId);
  const counts = new Map(countApplicationsByStatus(competitionId).map((r) => [r.status, r.n]));
  const title = pickLocalized(titleTexts(competition), locale);
  return json({
    pageTitle: title?.text ?? fixedT(locale)('competitions:form.editTitle'),
    competition: {
      id: competition.id,
      title,
      status: competition.status,
      // Formatted here, in the competition's zone, for the confirmation question.
      closesAtText: `${formatDateTime(competition.closesAt, locale, competition.timezone)} (${timeZoneLabel(competition.timezone, locale)})`,
    },
    transitions: COMPETITION_TRANSITIONS[competition.status] ?? [],
    counts: APPLICATION_STATUSES.filter((s) => counts.has(s)).map((status) => ({
      status,
      n: counts.get(status)!,
    })),
    currencyLocked: counts.size > 0,
    rounds: roundSummariesOf(competitionId, locale),
    // Jury rounds start once the competition has stopped taking applications.
    canCreateRound: competition.status === 'screening' || competition.status === 'judging',
    saved: competitionFormValues(competition, localities),
    ...competitionFormOptions(locale, competition.timezone),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'competitions:manage');
  const competitionId = competitionIdFrom(params);
  const formData = await readFormData(request);
  switch (formIntent(formData)) {
    case INTENT.save: {
      const parsed = parseCompetitionForm(formData);
      if (!parsed.ok) return formFailure(parsed.failure);
      const result = updateCompetition(request, staff, competitionId, parsed.input);
      if (!result.ok) {
        if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
        return refuse(formData, { field: result.field, message: result.error });
      }
      return redirect(`/staff/competitions/${competitionId}?saved=saved`);
    }
    case INTENT.changeStatus: {
      const to = formText(formData, 'to') ?? '';
      if (!(COMPETITION_STATUSES as readonly string[]).includes(to)) {
        return json({ statusError: 'competitions:errors.not-allowed' }, { status: 400 });
      }
      const result = changeCompetitionStatus(
        request,
        staff,
        competitionId,
        to as CompetitionStatus,
      );
      if (!result.ok) {
        if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
        return json({ statusError: `competitions:errors.${result.error}` }, { status: 400 });
      }
      return redirect(`/staff/competitions/${competitionId}?saved=status`);
    }
    default:
      throw new Response('Unknown intent', { status: 400 });
  }
}

/** Each change of status, its words and the question it asks first. */
const STATUS_ACTIONS = {
  open: { from: 'draft', label: 'open', confirm: 'openConfirm', button: 'openButton' },
  reopen: { from: 'screening', label: 'reopen', confirm: 'reopenConfirm', button: 'reopenButton' },
  draft: { from: 'open', label: 'draft', confirm: 'draftConfirm', button: 'draftButton' },
  screening: {
    from: 'open',
    label: 'screening',
    confirm: 'screeningConfirm',
    button: 'screeningButton',
  },
} as const;

function actionFor(from: CompetitionStatus, to: CompetitionStatus) {
  if (to === 'open') return from === 'screening' ? STATUS_ACTIONS.reopen : STATUS_ACTIONS.open;
  if (to === 'draft') return STATUS_ACTIONS.draft;
  if (to === 'screening') return STATUS_ACTIONS.screening;
  return null;
}

export default function CompetitionPage() {
  const data = useLoaderData<typeof loader>();
  const { competition, transitions, counts } = data;
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation([
    'competitions',
    'screening',
    'rounds',
    'decisions',
    'grants',
    'outcomes',
    'dashboard',
  ]);
  const labels = useEnumLabels();
  const statusError = actionData && 'statusError' in actionData ? actionData.statusError : null;
  const failure = actionData && !('statusError' in actionData) ? (actionData as FormFailure) : null;
  const saved = searchParams.get('saved');
  return (
    <div className="stack form-page">
      <p>
        <Link to="/staff/competitions">← {t('form.back')}</Link>
      </p>
      <h1 lang={htmlLangOf(competition.title?.shownIn)}>
        {competition.title?.text ?? t('form.editTitle')}
      </h1>
      {saved ? (
        <div className="alert alert--success" role="status">
          <p>
            {saved === 'created'
              ? t('form.created')
              : saved === 'status'
                ? t('actions.changed', { status: t(`status.${competition.status}`) })
                : t('form.saved')}
          </p>
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="competition-status">
        <h2 id="competition-status">{t('actions.title')}</h2>
        <p>
          {t('actions.current')} <CompetitionStatusBadge status={competition.status} />
        </p>
        <FormAlert message={statusError ?? undefined} />
        {transitions.length === 0 ? <p className="muted">{t('actions.none')}</p> : null}
        <div className="actions-list">
          {transitions.map((to) => {
            const words = actionFor(competition.status, to);
            if (!words) return null;
            return (
              <details key={to} className="confirm">
                <summary>{t(`actions.${words.label}`)}</summary>
                <div className="confirm__body stack">
                  <p>{t(`actions.${words.confirm}`, { closesAt: competition.closesAtText })}</p>
                  <Form method="post">
                    <input type="hidden" name="to" value={to} />
                    <SubmitButton
                      name="intent"
                      value={INTENT.changeStatus}
                      variant={to === 'draft' ? 'secondary' : undefined}
                    >
                      {t(`actions.${words.button}`)}
                    </SubmitButton>
                  </Form>
                </div>
              </details>
            );
          })}
        </div>
      </section>

      <section className="card stack" aria-labelledby="competition-applications">
        <h2 id="competition-applications">{t('detail.applicationsTitle')}</h2>
        {counts.length === 0 ? (
          <p className="muted">{t('detail.noApplications')}</p>
        ) : (
          <>
            <ul className="plain-list">
              {counts.map(({ status, n }) => (
                <li key={status}>
                  {labels.applicationStatus(status)}: {n}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/staff/applications?competition=${competition.id}`}>
                {t('detail.screenLink')}
              </Link>
            </p>
          </>
        )}
      </section>

      <JuryRounds
        competitionId={competition.id}
        rounds={data.rounds}
        canCreate={data.canCreateRound}
      />

      {data.rounds.some((round) => round.status === 'closed') ? (
        <section className="card stack" aria-labelledby="competition-decisions">
          <h2 id="competition-decisions">{t('decisions:title')}</h2>
          <p>
            <Link to={`/staff/competitions/${competition.id}/decisions`}>
              {t('decisions:board.link')}
            </Link>
          </p>
        </section>
      ) : null}

      {['decided', 'disbursing', 'monitoring', 'closed'].includes(competition.status) ? (
        <p>
          <Link to={`/staff/competitions/${competition.id}/money`}>{t('grants:money.link')}</Link>
        </p>
      ) : null}
      {['disbursing', 'monitoring', 'closed'].includes(competition.status) ? (
        <p>
          <Link to={`/staff/competitions/${competition.id}/outcomes`}>
            {t('outcomes:figures.link')}
          </Link>
        </p>
      ) : null}
      {['decided', 'disbursing', 'monitoring', 'closed'].includes(competition.status) ? (
        <p>
          <Link to={`/staff/competitions/${competition.id}/report`}>
            {t('dashboard:report.link')}
          </Link>
        </p>
      ) : null}

      <h2>{t('form.editTitle')}</h2>
      <FormAlert message={failure?.formError} />
      <CompetitionForm
        saved={data.saved}
        failure={failure}
        timeZones={data.timeZones}
        localities={data.localities}
        currencyLocked={data.currencyLocked}
        submitLabel={t('form.save')}
        intent={INTENT.save}
      />
    </div>
  );
}

/** The competition's jury rounds, each with its dates and how many scores are in. */
function JuryRounds({
  competitionId,
  rounds,
  canCreate,
}: {
  competitionId: number;
  rounds: SerializeFrom<typeof loader>['rounds'];
  canCreate: boolean;
}) {
  const { t } = useTranslation('rounds');
  return (
    <section className="card stack" aria-labelledby="competition-rounds">
      <h2 id="competition-rounds">{t('list.title')}</h2>
      {rounds.length === 0 ? <p className="muted">{t('list.none')}</p> : null}
      {rounds.length > 0 ? (
        <TableFrame labelledBy="competition-rounds-caption">
          <table>
            <caption id="competition-rounds-caption" className="visually-hidden">
              {t('list.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">№</th>
                <th scope="col">{t('list.columns.name')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.dates')}</th>
                <th scope="col">{t('list.columns.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <td>{round.number}</td>
                  <th scope="row">
                    <Link to={`/staff/rounds/${round.id}`}>
                      <LocalizedString value={round.title} />
                    </Link>
                  </th>
                  <td>
                    <RoundStatusBadge status={round.status} />
                  </td>
                  <td>
                    <FormattedDateTime value={round.opensAt} /> –{' '}
                    <FormattedDateTime value={round.closesAt} />
                  </td>
                  <td>
                    {t('list.applications', { count: round.applications })}
                    {', '}
                    {t('list.jurors', { count: round.jurors })}
                    {round.assigned > 0 ? (
                      <>
                        {'; '}
                        {t('list.progress', { count: round.assigned, submitted: round.submitted })}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      ) : null}
      {canCreate ? (
        <p>
          <Link to={`/staff/competitions/${competitionId}/rounds/new`}>{t('list.create')}</Link>
        </p>
      ) : (
        <p className="muted">{t('list.notReady')}</p>
      )}
    </section>
  );
}
