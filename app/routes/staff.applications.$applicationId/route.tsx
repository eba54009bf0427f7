import { ApplicationConsultations } from '~/components/application-consultations';
import { familyNoShows } from '~/services/consultation-records.server';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { consultationsOfApplication } from '~/services/consultation-view.server';
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { TableFrame } from '~/components/table-frame';
import { RadioGroup, TextAreaField } from '~/components/choice-fields';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { useValidatedForm } from '~/components/use-validated-form';
import { LOCALE_NATIVE_NAMES, htmlLangOf, isLocale } from '~/i18n/config';
import { screeningDecisionSchema } from '~/schemas/application';
import {
  applicationFor,
  screenApplications,
  type FamilyNotice,
} from '~/services/applications.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formFailure, parseForm, refuse, readFormData } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { applicationDossier } from './queries.server';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'applications:screen' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

const NOTICES: FamilyNotice[] = [
  'email',
  'via-facilitator-only',
  'no-email-contact',
  'no-address',
  'no-account',
  'unchanged',
];

function applicationIdFrom(params: { applicationId?: string }): number {
  const id = Number(params.applicationId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const staff = await requirePermission(request, 'applications:screen');
  const context = applicationFor(staff, applicationIdFrom(params));
  if (!context) throw new Response('Not Found', { status: 404 });
  recordRead(staff, context.household.id, 'application', request, context.application.id);
  const dossier = applicationDossier(context, staff.user.locale);
  return json({
    pageTitle: dossier.application.reference ?? dossier.application.title,
    ...dossier,
    consultations: consultationsOfApplication(
      context.application.id,
      staff.user.locale,
      programmeTimeZone(),
    ),
    noShows: familyNoShows([context.household.id]).get(context.household.id) ?? 0,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'applications:screen');
  const applicationId = applicationIdFrom(params);
  const formData = await readFormData(request);
  const parsed = parseForm(formData, screeningDecisionSchema);
  if (!parsed.ok) return formFailure(parsed.failure);
  const { decision, reason } = parsed.data;
  const result = screenApplications(request, staff, [applicationId], decision, reason);
  if (!result.ok) {
    if (result.refused.some((r) => r.reason === 'not-found')) {
      throw new Response('Not Found', { status: 404 });
    }
    return refuse(formData, { message: 'screening:errors.notScreenable' });
  }
  const notice = result.outcomes[0]?.notice ?? 'unchanged';
  return redirect(`/staff/applications/${applicationId}?decided=${decision}&notice=${notice}`);
}

export default function ApplicationScreeningPage() {
  const data = useLoaderData<typeof loader>();
  const { application, competition, household, budget, entry } = data;
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation(['screening', 'competitions']);
  const labels = useEnumLabels();
  const form = useValidatedForm({
    schema: screeningDecisionSchema,
    failure,
    defaultValues: {
      decision:
        application.status === 'eligible' || application.status === 'ineligible'
          ? application.status
          : undefined,
      reason: application.ineligibleReason ?? '',
    },
  });
  const decided = searchParams.get('decided');
  const noticeParam = searchParams.get('notice') as FamilyNotice | null;
  const notice = noticeParam && NOTICES.includes(noticeParam) ? noticeParam : null;
  const language = isLocale(data.familyLanguage) ? LOCALE_NATIVE_NAMES[data.familyLanguage] : '';
  const noticeText = (which: FamilyNotice) => t(`notice.${which}`, { language });
  const dash = t('detail.notSet');
  // "Келин" as a list label, "келин" inside a sentence.
  const inSentence = (label: string) =>
    label.charAt(0).toLocaleLowerCase(i18n.language) + label.slice(1);
  return (
    <div className="stack">
      <p>
        <Link to="/staff/applications">← {t('detail.back')}</Link>
      </p>
      <h1>
        {application.reference ?? t('list.noReference')}
        {application.title ? `: ${application.title}` : null}
      </h1>
      {decided === 'eligible' || decided === 'ineligible' ? (
        <div className="alert alert--success" role="status">
          <p>{t('decision.saved', { decision: labels.applicationStatus(decided) })}</p>
          {notice ? <p>{noticeText(notice)}</p> : null}
        </div>
      ) : null}

      <section className="card" aria-labelledby="summary">
        <h2 id="summary">{t('detail.summary')}</h2>
        <dl className="details">
          <dt>{t('detail.status')}</dt>
          <dd>
            <ApplicationStatusBadge status={application.status} />
          </dd>
          <dt>{t('detail.competition')}</dt>
          <dd lang={htmlLangOf(competition.title?.shownIn)}>{competition.title?.text ?? dash}</dd>
          <dt>{t('detail.reference')}</dt>
          <dd>{application.reference ?? dash}</dd>
          <dt>{t('detail.submitted')}</dt>
          <dd>
            {application.submittedAt ? (
              <time dateTime={application.submittedAt.iso}>{application.submittedAt.text}</time>
            ) : (
              t('detail.notSubmitted')
            )}
          </dd>
          <dt>{t('detail.beneficiary')}</dt>
          <dd>
            {data.beneficiary
              ? t('detail.beneficiaryText', {
                  name: data.beneficiary.name,
                  relation: inSentence(labels.relation(data.beneficiary.relation)),
                  year: data.beneficiary.birthYear,
                })
              : t('detail.noBeneficiary')}
          </dd>
          <dt>{t('detail.requested')}</dt>
          <dd>{budget.requested}</dd>
        </dl>
      </section>

      <div className="sections sections--two">
        <section className="card" aria-labelledby="checks">
          <h2 id="checks">{t('detail.checks')}</h2>
          <p className="field__hint">{t('detail.checksHint')}</p>
          <ul className="checks">
            {data.checks.map((check) => (
              <li key={check.code}>
                <span className={`check-mark check-mark--${check.passed ? 'pass' : 'fail'}`}>
                  <span aria-hidden="true">{check.passed ? '✓' : '✗'}</span>{' '}
                  {check.passed ? t('detail.passed') : t('detail.failed')}:
                </span>
                <span>
                  {t(`checks.${check.code}.${check.passed ? 'passed' : 'failed'}`, {
                    requested: check.details.requested,
                    min: check.details.min,
                    max: check.details.max,
                    required: check.details.required,
                    attended: check.details.attended,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className="card stack" aria-labelledby="decision">
          <h2 id="decision">{t('decision.title')}</h2>
          {application.screenedAt &&
          (application.status === 'eligible' || application.status === 'ineligible') ? (
            <p>
              {t('decision.current', {
                status: labels.applicationStatus(application.status),
                name: application.screenedByName ?? dash,
                date: application.screenedAtText,
              })}
            </p>
          ) : null}
          {application.ineligibleReason ? (
            <p className="prose">
              {t('decision.reason')}: {application.ineligibleReason}
            </p>
          ) : null}
          <FormAlert message={failure?.formError} />
          {data.screenable ? (
            <Form method="post" className="form" noValidate onSubmit={form.onSubmit}>
              <RadioGroup
                form={form}
                name="decision"
                legend={t('decision.decision')}
                options={[
                  { value: 'eligible', label: t('decision.eligible') },
                  { value: 'ineligible', label: t('decision.ineligible') },
                ]}
              />
              <TextAreaField
                form={form}
                name="reason"
                label={t('decision.reason')}
                hint={t('decision.reasonHint')}
                rows={4}
              />
              <div className="alert alert--info">
                <p>
                  <strong>{t('notice.before')}:</strong> {noticeText(data.familyNotice)}
                </p>
              </div>
              <div>
                <SubmitButton>{t('decision.submit')}</SubmitButton>
              </div>
            </Form>
          ) : (
            <div className="alert alert--warning">
              <p>
                {t('decision.notScreenable', {
                  status: labels.applicationStatus(application.status),
                })}
              </p>
            </div>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="household">
        <h2 id="household">{t('detail.household')}</h2>
        <dl className="details">
          <dt>{t('detail.locality')}</dt>
          <dd>{household.locality || dash}</dd>
          <dt>{t('detail.address')}</dt>
          <dd>{household.address || dash}</dd>
          <dt>{t('detail.phone')}</dt>
          <dd>{household.phone ?? dash}</dd>
          <dt>{t('detail.benefits')}</dt>
          <dd>
            {!household.receivesSocialBenefits
              ? t('detail.benefitsNo')
              : household.benefitRegisterNumber
                ? t('detail.benefitsYes', { number: household.benefitRegisterNumber })
                : t('detail.benefitsYesNoNumber')}
          </dd>
        </dl>
        <TableFrame labelledBy="members-caption">
          <table>
            <caption id="members-caption">{t('detail.membersCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.memberName')}</th>
                <th scope="col">{t('detail.memberRelation')}</th>
                <th scope="col">{t('detail.memberSex')}</th>
                <th scope="col" className="num">
                  {t('detail.memberBirthYear')}
                </th>
              </tr>
            </thead>
            <tbody>
              {household.members.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.isBeneficiary ? (
                      <>
                        {' '}
                        <span className="badge badge--info">{t('detail.holdsGrant')}</span>
                      </>
                    ) : null}
                  </th>
                  <td>{labels.relation(m.relation)}</td>
                  <td>{labels.sex(m.sex)}</td>
                  <td className="num">{m.birthYear}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>

      <section className="card" aria-labelledby="idea">
        <h2 id="idea">{t('detail.idea')}</h2>
        <dl className="details">
          <dt>{t('detail.ideaTitle')}</dt>
          <dd>{application.title || dash}</dd>
          <dt>{t('detail.sector')}</dt>
          <dd>{application.sector ? labels.sector(application.sector) : dash}</dd>
          <dt>{t('detail.description')}</dt>
          <dd className="prose">{application.description || dash}</dd>
          <dt>{t('detail.market')}</dt>
          <dd className="prose">{application.market || dash}</dd>
          <dt>{t('detail.experience')}</dt>
          <dd className="prose">{application.experience || dash}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="budget">
        <h2 id="budget">{t('detail.budget')}</h2>
        {budget.items.length === 0 ? <p className="muted">{t('detail.noItems')}</p> : null}
        <TableFrame labelledBy="budget-caption">
          <table>
            <caption id="budget-caption">
              {t('detail.budgetCaption', { currency: competition.currency })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.item')}</th>
                <th scope="col" className="num">
                  {t('detail.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('detail.unitPrice')}
                </th>
                <th scope="col" className="num">
                  {t('detail.lineTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.name}</th>
                  <td className="num">{item.quantity}</td>
                  <td className="num">{item.unitPrice}</td>
                  <td className="num">{item.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('detail.budgetTotal')}
                </th>
                <td className="num">{budget.total}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('detail.ownContribution')}
                </th>
                <td className="num">{budget.ownContribution}</td>
              </tr>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('detail.requested')}
                </th>
                <td className="num">
                  <strong>{budget.requested}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </TableFrame>
      </section>

      <section className="card" aria-labelledby="plan">
        <h2 id="plan">{t('detail.plan')}</h2>
        <dl className="details">
          <dt>{t('detail.revenue')}</dt>
          <dd>{application.expectedMonthlyRevenue ?? dash}</dd>
          <dt>{t('detail.costs')}</dt>
          <dd>{application.expectedMonthlyCosts ?? dash}</dd>
          <dt>{t('detail.jobs')}</dt>
          <dd>{application.jobsCreated ?? dash}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="attachments">
        <h2 id="attachments">{t('detail.attachments')}</h2>
        {data.attachments.length === 0 ? (
          <p className="muted">{t('detail.noAttachments')}</p>
        ) : (
          <ul>
            {data.attachments.map((a) => (
              <li key={a.id}>
                {t(`detail.attachmentKinds.${a.kind}`)}:{' '}
                <a href={a.href} target="_blank" rel="noreferrer">
                  {a.name}
                </a>{' '}
                <span className="muted small">({t('detail.fileSize', { size: a.sizeKb })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ApplicationConsultations rows={data.consultations} noShows={data.noShows} />
      <section className="card" aria-labelledby="entry">
        <h2 id="entry">{t('detail.entry')}</h2>
        <dl className="details">
          <dt>{t('detail.enteredBy')}</dt>
          <dd>
            {entry.byFamily
              ? t('detail.enteredByFamily', { name: entry.enteredByName })
              : t('detail.enteredByHelper', { name: entry.enteredByName })}
          </dd>
          <dt>{t('detail.consent')}</dt>
          <dd>
            {entry.consent
              ? t('detail.consentText', {
                  givenBy: entry.consent.givenBy,
                  method: t(`detail.consentMethods.${entry.consent.method}`),
                  recordedBy: entry.consent.recordedByName,
                  date: entry.consent.givenAtText,
                })
              : entry.byFamily
                ? t('detail.noConsent')
                : t('detail.noConsentOnBehalf')}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="history">
        <h2 id="history">{t('detail.history')}</h2>
        <TableFrame labelledBy="history-caption">
          <table>
            <caption id="history-caption" className="visually-hidden">
              {t('detail.historyCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.historyWhen')}</th>
                <th scope="col">{t('detail.historyChange')}</th>
                <th scope="col">{t('detail.historyBy')}</th>
                <th scope="col">{t('detail.historyReason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.history.map((h) => (
                <tr key={h.id}>
                  <td>
                    <time dateTime={h.at.iso}>{h.at.text}</time>
                  </td>
                  <td>
                    {h.from
                      ? t('detail.historyChanged', {
                          from: labels.applicationStatus(h.from),
                          to: labels.applicationStatus(h.to),
                        })
                      : t('detail.historyStarted', { to: labels.applicationStatus(h.to) })}
                  </td>
                  <td>{h.by ?? dash}</td>
                  <td className="prose">{h.reason ?? dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
    </div>
  );
}
