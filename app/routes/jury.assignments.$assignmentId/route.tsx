import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { TextAreaField } from '~/components/choice-fields';
import { useEnumLabels } from '~/components/enum-labels';
import { FormAlert, useErrorText } from '~/components/form-fields';
import { LocalizedString, MultilineText } from '~/components/localized';
import { TableFrame } from '~/components/table-frame';
import { useValidatedForm, type FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import { scoringView, type ScoringView } from '~/models/juror-view.server';
import { scoreFormSchema } from '~/schemas/jury-forms';
import { reasonSchema } from '~/schemas/round';
import { recuse, saveScore } from '~/services/jury.server';
import juryStyles from '~/styles/jury.css';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { PointsField } from './points-field';

export const handle: RouteAccess = { access: 'jury:score' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: juryStyles }];

export const INTENT = { save: 'save-draft', submit: 'submit', recuse: 'recuse' } as const;
type Intent = (typeof INTENT)[keyof typeof INTENT];

/** A refused form: which of the page's two forms it was, and the criteria still unscored. */
type ScoringFailure = FormFailure & { intent: Intent; missing?: number[] };

function failed(failure: Omit<ScoringFailure, 'values'>, formData: FormData) {
  return json<ScoringFailure>({ ...failure, values: formDataToObject(formData) }, { status: 400 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const juror = await requirePermission(request, 'jury:score');
  const locale = juror.user.locale;
  // Not hers, stepped back from, or in a round not yet opened: the same 404 as no such page.
  const view = scoringView(juror, idParam(params.assignmentId), locale);
  if (!view) throw notFound();
  return json({
    pageTitle: fixedT(locale)('jury:scoring.title', { reference: view.application.reference }),
    view,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const juror = await requirePermission(request, 'jury:score');
  const view = scoringView(juror, idParam(params.assignmentId), juror.user.locale);
  if (!view) throw notFound();
  const formData = await readFormData(request);
  const intent = formIntent(formData);

  if (intent === INTENT.recuse) {
    const parsed = parseForm(formData, reasonSchema);
    if (!parsed.ok) return json<ScoringFailure>({ ...parsed.failure, intent }, { status: 400 });
    const result = recuse(request, juror, view.assignmentId, parsed.data.reason);
    if (!result.ok) {
      if (result.error === 'not-found') throw notFound();
      const formError =
        result.error === 'already-submitted'
          ? 'jury:errors.recuseSubmitted'
          : 'jury:errors.recuseClosed';
      return failed({ intent, formError }, formData);
    }
    return redirect(`/jury?recused=${result.replacedBy ? 'replaced' : 'pending'}`);
  }

  if (intent !== INTENT.save && intent !== INTENT.submit) {
    throw new Response('Unknown intent', { status: 400 });
  }
  const parsed = parseForm(formData, scoreFormSchema);
  if (!parsed.ok) return json<ScoringFailure>({ ...parsed.failure, intent }, { status: 400 });
  const result = saveScore(
    request,
    juror,
    view.assignmentId,
    parsed.data,
    intent === INTENT.submit,
  );
  if (!result.ok) {
    // Field errors sit on the criteria as the form lists them (the round's order).
    const fieldFor = (criterionId: number) =>
      `items.${view.criteria.findIndex((c) => c.id === criterionId)}.points`;
    switch (result.error) {
      case 'not-found':
        throw notFound();
      case 'window-closed':
        return failed({ intent, formError: 'jury:errors.windowClosed' }, formData);
      case 'locked':
        return failed({ intent, formError: 'jury:errors.locked' }, formData);
      case 'incomplete':
      case 'out-of-range': {
        const ids = result.criterionIds ?? [];
        const message =
          result.error === 'incomplete' ? 'jury:errors.pointsMissing' : 'jury:errors.outOfRange';
        return failed(
          {
            intent,
            formError:
              result.error === 'incomplete' ? 'jury:errors.incomplete' : 'jury:errors.outOfRange',
            fieldErrors: Object.fromEntries(ids.map((id) => [fieldFor(id), message])),
            missing: result.error === 'incomplete' ? ids : undefined,
          },
          formData,
        );
      }
    }
  }
  return redirect(
    `/jury/assignments/${view.assignmentId}?saved=${intent === INTENT.submit ? 'submitted' : 'draft'}`,
  );
}

// ---------------------------------------------------------------------------------------------
// The application, as the round lets the juror see it

function Text({ value }: { value: string }) {
  const { t } = useTranslation('jury');
  return value.trim() ? <MultilineText value={value} /> : <>{t('scoring.empty')}</>;
}

function ApplicationSections({ view }: { view: ScoringView }) {
  const { t, i18n } = useTranslation('jury');
  const labels = useEnumLabels();
  const { application, family } = view;
  const { budget, plan } = application;
  // "Келин" in a list, "келин" inside a sentence.
  const inSentence = (label: string) =>
    label.charAt(0).toLocaleLowerCase(i18n.language) + label.slice(1);
  return (
    <>
      <section className="card" aria-labelledby="idea-title">
        <h2 id="idea-title">{t('scoring.idea')}</h2>
        <dl className="details details--stacked">
          <dt>{t('scoring.ideaTitle')}</dt>
          <dd>
            <Text value={application.title} />
          </dd>
          <dt>{t('scoring.sector')}</dt>
          <dd>{application.sector ? labels.sector(application.sector) : t('scoring.empty')}</dd>
          <dt>{t('scoring.description')}</dt>
          <dd>
            <Text value={application.description} />
          </dd>
          <dt>{t('scoring.market')}</dt>
          <dd>
            <Text value={application.market} />
          </dd>
          <dt>{t('scoring.experience')}</dt>
          <dd>
            <Text value={application.experience} />
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="budget-title">
        <h2 id="budget-title">{t('scoring.budget')}</h2>
        <TableFrame labelledBy="budget-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('scoring.item')}</th>
                <th scope="col" className="num">
                  {t('scoring.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('scoring.unitPrice')}
                </th>
                <th scope="col" className="num">
                  {t('scoring.lineTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.items.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('scoring.noItems')}
                  </td>
                </tr>
              ) : (
                budget.items.map((item, index) => (
                  <tr key={index}>
                    <td>{item.name}</td>
                    <td className="num">{item.quantity}</td>
                    <td className="num">{item.unitPrice}</td>
                    <td className="num">{item.total}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </TableFrame>
        <dl className="totals-list">
          <dt>{t('scoring.budgetTotal')}</dt>
          <dd>{budget.total}</dd>
          <dt>{t('scoring.ownContribution')}</dt>
          <dd>{budget.ownContribution}</dd>
          <dt>{t('scoring.requested')}</dt>
          <dd>
            <strong>{budget.requested}</strong>
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="plan-title">
        <h2 id="plan-title">{t('scoring.plan')}</h2>
        <dl className="details details--stacked">
          <dt>{t('scoring.revenue')}</dt>
          <dd>{plan.revenue ?? t('scoring.empty')}</dd>
          <dt>{t('scoring.costs')}</dt>
          <dd>{plan.costs ?? t('scoring.empty')}</dd>
          <dt>{t('scoring.jobs')}</dt>
          <dd>{plan.jobs ?? t('scoring.empty')}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="region-title">
        <h2 id="region-title">{t('scoring.region')}</h2>
        <dl className="details details--stacked">
          <dt>{t('scoring.village')}</dt>
          <dd>{application.village || t('scoring.empty')}</dd>
        </dl>
      </section>

      {family ? (
        <section className="card" aria-labelledby="family-title">
          <h2 id="family-title">{t('scoring.family')}</h2>
          <dl className="details details--stacked">
            <dt>{t('scoring.grantHolder')}</dt>
            <dd>
              {family.grantHolder
                ? t('scoring.grantHolderText', {
                    name: family.grantHolder.name,
                    relation: inSentence(labels.relation(family.grantHolder.relation)),
                    year: family.grantHolder.birthYear,
                  })
                : t('scoring.noGrantHolder')}
            </dd>
          </dl>
          <TableFrame labelledBy="members-caption">
            <table>
              <caption id="members-caption">{t('scoring.membersCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('scoring.memberName')}</th>
                  <th scope="col">{t('scoring.memberRelation')}</th>
                  <th scope="col" className="num">
                    {t('scoring.memberBorn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {family.members.map((member, index) => (
                  <tr key={index}>
                    <td>{member.name}</td>
                    <td>{labels.relation(member.relation)}</td>
                    <td className="num">{member.birthYear}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </section>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Her score: the form, or what she submitted

function ScoreForm({ view, failure }: { view: ScoringView; failure: ScoringFailure | null }) {
  const { t } = useTranslation('jury');
  const errorText = useErrorText();
  const form = useValidatedForm({
    schema: scoreFormSchema,
    failure,
    defaultValues: {
      items: view.criteria.map((criterion) => {
        const item = view.score.items.find((i) => i.criterionId === criterion.id);
        return {
          criterionId: String(criterion.id),
          points: item?.points == null ? '' : String(item.points),
          comment: item?.comment ?? '',
        };
      }),
      overallComment: view.score.overallComment,
    },
  });
  const missing = view.criteria.filter((c) => failure?.missing?.includes(c.id));
  return (
    <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
      <p>{t('scoring.intro')}</p>
      {failure?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText(failure.formError)}</p>
          {missing.length > 0 ? (
            <ul>
              {missing.map((criterion) => (
                <li key={criterion.id}>
                  <LocalizedString value={criterion.title} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {view.criteria.map((criterion, index) => (
        <fieldset key={criterion.id} className="criterion">
          <legend>
            {t('scoring.criterion', { number: index + 1 })}:{' '}
            <LocalizedString value={criterion.title} />
          </legend>
          {criterion.description ? (
            <p className="criterion__description">
              <LocalizedString value={criterion.description} />
            </p>
          ) : null}
          <input
            type="hidden"
            defaultValue={String(criterion.id)}
            {...form.register(`items.${index}.criterionId`)}
          />
          <PointsField
            form={form}
            name={`items.${index}.points`}
            max={criterion.maxPoints}
            label={t('scoring.points', { max: criterion.maxPoints })}
          />
          <TextAreaField
            form={form}
            name={`items.${index}.comment`}
            label={
              // Each comment box is named by its criterion: "Comment — Market and customers".
              <>
                {t('scoring.comment')}
                <span className="visually-hidden">
                  {' — '}
                  <LocalizedString value={criterion.title} />
                </span>
              </>
            }
            rows={3}
          />
        </fieldset>
      ))}
      <TextAreaField
        form={form}
        name="overallComment"
        label={t('scoring.overallComment')}
        rows={4}
      />
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value={INTENT.save}
          className="button button--secondary"
        >
          {t('scoring.save')}
        </button>
        {/* Asking "are you sure?" needs no JavaScript: the final button is inside. */}
        <details className="confirm-submit" open={failure?.intent === INTENT.submit}>
          <summary>{t('scoring.submitOpen')}</summary>
          <p>{t('scoring.submitWarning')}</p>
          <button type="submit" name="intent" value={INTENT.submit} className="button">
            {t('scoring.submitConfirm')}
          </button>
        </details>
      </div>
    </Form>
  );
}

function ScoreRead({ view }: { view: ScoringView }) {
  const { t } = useTranslation('jury');
  return (
    <>
      <ol className="score-list" aria-label={t('scoring.readCaption')}>
        {view.criteria.map((criterion) => {
          const item = view.score.items.find((i) => i.criterionId === criterion.id);
          return (
            <li key={criterion.id}>
              <p className="score-list__head">
                <strong>
                  <LocalizedString value={criterion.title} />
                </strong>
                <span className="score-list__points">
                  {item?.points == null
                    ? t('scoring.notScored')
                    : t('scoring.pointsOf', { points: item.points, max: criterion.maxPoints })}
                </span>
              </p>
              {item?.comment ? <MultilineText value={item.comment} /> : null}
            </li>
          );
        })}
      </ol>
      <dl className="details details--stacked">
        <dt>{t('scoring.overallComment')}</dt>
        <dd>
          <Text value={view.score.overallComment} />
        </dd>
      </dl>
    </>
  );
}

/** A refused save keeps her words: when the form is gone (time ran out, locked), they show here. */
function NotSaved({ failure }: { failure: ScoringFailure }) {
  const { t } = useTranslation('jury');
  const values = failure.values as
    { items?: { comment?: string }[]; overallComment?: string } | undefined;
  const texts = [
    ...(values?.items ?? []).map((item) => item.comment ?? ''),
    values?.overallComment ?? '',
  ].filter((text) => text.trim() !== '');
  if (texts.length === 0) return null;
  return (
    <div className="alert alert--warning">
      <p>{t('scoring.notSaved')}</p>
      {texts.map((text, index) => (
        <MultilineText key={index} value={text} />
      ))}
    </div>
  );
}

function WindowNote({ view }: { view: ScoringView }) {
  const { t } = useTranslation('jury');
  const { opensAt, closesAt } = view.round;
  switch (view.window) {
    case 'open':
      return view.score.state === 'submitted' ? null : (
        <p>{t('window.open', { date: closesAt.text })}</p>
      );
    case 'not-yet':
      return (
        <div className="alert alert--info">
          <p>{t('window.notYet', { date: opensAt.text })}</p>
        </div>
      );
    case 'window-closed':
      return (
        <div className="alert alert--warning">
          <p>{t('window.windowClosed', { date: closesAt.text })}</p>
        </div>
      );
    case 'round-closed':
      return (
        <div className="alert alert--info">
          <p>{t('window.roundClosed')}</p>
        </div>
      );
    case 'preparing':
      return null;
  }
}

function Recuse({ failure }: { failure: ScoringFailure | null }) {
  const { t } = useTranslation('jury');
  const form = useValidatedForm({ schema: reasonSchema, failure });
  return (
    <details className="card recuse" open={Boolean(failure)}>
      <summary>{t('scoring.recuseTitle')}</summary>
      <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
        <p>{t('scoring.recuseIntro')}</p>
        <FormAlert message={failure?.formError} />
        <TextAreaField
          form={form}
          name="reason"
          label={t('scoring.recuseReason')}
          hint={t('scoring.recuseHint')}
          rows={3}
        />
        <div>
          <button
            type="submit"
            name="intent"
            value={INTENT.recuse}
            className="button button--danger"
          >
            {t('scoring.recuseConfirm')}
          </button>
        </div>
      </Form>
    </details>
  );
}

export default function ScoringPage() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('jury');
  const failure = (actionData ?? null) as ScoringFailure | null;
  const scoreFailure = failure && failure.intent !== INTENT.recuse ? failure : null;
  const recuseFailure = failure?.intent === INTENT.recuse ? failure : null;
  const saved = searchParams.get('saved');
  const { score } = view;
  return (
    <div className="stack">
      <p>
        <Link to="/jury">
          <span aria-hidden="true">←</span> {t('scoring.back')}
        </Link>
      </p>
      <h1>{t('scoring.title', { reference: view.application.reference })}</h1>
      <p className="muted">
        {view.round.name}
        {view.round.competitionTitle ? ' · ' : null}
        <LocalizedString value={view.round.competitionTitle} />
      </p>
      <p className="small">{view.round.isBlind ? t('blind') : t('notBlind')}</p>
      {saved === 'draft' && score.state === 'draft' ? (
        <div className="alert alert--success" role="status">
          <p>{t('scoring.saved', { date: view.round.closesAt.text })}</p>
        </div>
      ) : null}
      {saved === 'submitted' && score.state === 'submitted' ? (
        <div className="alert alert--success" role="status">
          <p>{t('scoring.justSubmitted')}</p>
        </div>
      ) : null}

      <ApplicationSections view={view} />

      <section className="card stack" aria-labelledby="score-title">
        <h2 id="score-title">{t('scoring.yourScore')}</h2>
        <WindowNote view={view} />
        {score.reopened ? (
          <div className="alert alert--warning">
            <p>
              {t('scoring.reopened', {
                date: score.reopened.at.text,
                reason: score.reopened.reason,
              })}
            </p>
          </div>
        ) : null}
        {view.editable ? (
          <ScoreForm view={view} failure={scoreFailure} />
        ) : (
          <>
            {scoreFailure?.formError ? <FormAlert message={scoreFailure.formError} /> : null}
            {scoreFailure ? <NotSaved failure={scoreFailure} /> : null}
            {score.state === 'submitted' && score.submittedAt ? (
              <p>
                <strong>{t('scoring.submitted', { date: score.submittedAt.text })}</strong>
              </p>
            ) : null}
            {score.state !== 'none' ? <ScoreRead view={view} /> : null}
          </>
        )}
      </section>

      {view.canRecuse ? <Recuse failure={recuseFailure} /> : null}
    </div>
  );
}
