import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { TableFrame } from '~/components/table-frame';
import { FormAlert, SubmitButton } from '~/components/form-fields';
import { FormattedDateTime } from '~/components/formatted';
import { formattedInstant } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { applicationsOfHousehold } from '~/models/application.server';
import { openCompetitionsForLocality } from '~/models/competition.server';
import { findHousehold, latestConsent, membersOf } from '~/models/household.server';
import { findUserById, listLocalities } from '~/models/user.server';
import { startApplication } from '~/services/applications.server';
import { familyStatus } from '~/services/results.server';
import { householdAccess } from '~/services/households.server';
import { requirePermission } from '~/utils/auth.server';
import { refuse, readFormData, formIntent, formId } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import { hasPermission, type RouteAccess } from '~/utils/permissions';
import type { SessionUser } from '~/utils/session.server';
import { recordRead } from '~/services/household-reads.server';

export const handle: RouteAccess = { access: 'households:view' };
export const meta = titleFromLoader;

export const INTENT = { startApplication: 'start-application' } as const;

/** A facilitator sees the families of her localities, staff all; anyone else gets 404. */
function householdFor(viewer: SessionUser, params: { householdId?: string }) {
  const householdId = Number(params.householdId);
  const household = Number.isInteger(householdId) ? findHousehold(householdId) : undefined;
  const access = household ? householdAccess(viewer, household) : null;
  if (!household || (access !== 'facilitator' && access !== 'staff'))
    throw new Response('Not Found', { status: 404 });
  return { household, access };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, 'households:view');
  const { household, access } = householdFor(viewer, params);
  recordRead(viewer, household.id, 'household', request);
  const locale = viewer.user.locale;
  const locality = listLocalities().find((l) => l.id === household.localityId)!;
  const members = membersOf(household.id);
  const account = household.userId ? findUserById(household.userId) : undefined;
  const consent = latestConsent(household.id);
  const applications = applicationsOfHousehold(household.id);
  const title = (c: Parameters<typeof titleTexts>[0]) =>
    pickLocalized(titleTexts(c), locale)?.text ?? '';
  const appliedTo = new Set(applications.map((a) => a.competition.id));
  return json({
    pageTitle: members[0]
      ? `${members[0].firstName} ${members[0].lastName}`
      : localityName(locality, locale),
    access,
    // Who opened this file: the admin's, as the audit log.
    readsLink: hasPermission(viewer.roles, 'audit:read')
      ? `/admin/households/${household.id}/reads`
      : null,
    household: {
      id: household.id,
      locality: localityName(locality, locale),
      address: household.address,
      phone: household.phone,
      receivesSocialBenefits: household.receivesSocialBenefits,
      benefitRegisterNumber: household.benefitRegisterNumber,
      source: household.source,
    },
    members: members.map((m) => ({
      id: m.id,
      name: `${m.firstName} ${m.lastName}`,
      relation: m.relation,
      sex: m.sex,
      birthYear: m.birthYear,
    })),
    account: account
      ? { id: account.id, name: account.name, contact: account.phone ?? account.email }
      : null,
    consent: consent
      ? {
          givenBy: consent.givenBy,
          method: consent.method,
          givenAt: formattedInstant(consent.givenAt, locale, { dateOnly: true }),
          recordedBy: consent.recordedByName,
        }
      : null,
    applications: applications.map(({ application, competition }) => ({
      id: application.id,
      reference: application.reference,
      // Her facilitator hears a decision only when it is announced; staff see it as it is.
      status:
        access === 'facilitator' ? familyStatus(application, competition) : application.status,
      title: application.title,
      competition: title(competition),
    })),
    openCompetitions:
      access === 'facilitator'
        ? openCompetitionsForLocality(household.localityId, new Date())
            .filter((c) => !appliedTo.has(c.id))
            .map((c) => ({ id: c.id, title: title(c) }))
        : [],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, 'households:view');
  const { household } = householdFor(viewer, params);
  const formData = await readFormData(request);
  if (formIntent(formData) !== INTENT.startApplication)
    throw new Response('Unknown intent', { status: 400 });
  // No competition named (or not a number) is the same as one that does not exist.
  const result = startApplication(
    request,
    viewer,
    formId(formData, 'competitionId') ?? 0,
    household.id,
  );
  if (!result.ok)
    return refuse(formData, { message: `households:detail.startErrors.${result.error}` });
  return redirect(`/applications/${result.applicationId}/edit/beneficiary`);
}

export default function HouseholdPage() {
  const {
    access,
    readsLink,
    household,
    members,
    account,
    consent,
    applications,
    openCompetitions,
  } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(['households', 'common', 'admin']);
  return (
    <div className="stack">
      <p>
        <Link to="/households">← {t('list.title')}</Link>
      </p>
      <h1>{members[0]?.name ?? household.locality}</h1>
      {searchParams.get('saved') ? (
        <div className="alert alert--success" role="status">
          <p>
            {t(searchParams.get('saved') === 'consent' ? 'detail.consentSaved' : 'detail.saved')}
          </p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      <section className="card" aria-labelledby="household-details">
        <h2 id="household-details">{t('detail.household')}</h2>
        <dl className="details">
          <dt>{t('form.locality')}</dt>
          <dd>{household.locality}</dd>
          <dt>{t('form.address')}</dt>
          <dd>{household.address || '—'}</dd>
          <dt>{t('form.phone')}</dt>
          <dd>{household.phone ?? '—'}</dd>
          <dt>{t('detail.benefits')}</dt>
          <dd>
            {household.receivesSocialBenefits
              ? t('detail.benefitsYes', { number: household.benefitRegisterNumber ?? '—' })
              : t('detail.benefitsNo')}
          </dd>
          <dt>{t('detail.source')}</dt>
          <dd>{t(`sources.${household.source}`)}</dd>
        </dl>
        {access === 'facilitator' ? (
          <Link to={`/households/${household.id}/edit`} className="button button--secondary">
            {t('detail.edit')}
          </Link>
        ) : null}
        <Link to={`/households/${household.id}/data`} className="button button--secondary">
          {t('dataExport.pageTitle')}
        </Link>
        {access === 'staff' ? (
          <Link to={`/households/${household.id}/anonymise`} className="button button--secondary">
            {t('admin:anonymisation.onRequest.title')}
          </Link>
        ) : null}
        {readsLink ? <Link to={readsLink}>{t('admin:reads.link')}</Link> : null}
      </section>
      <section className="card" aria-labelledby="household-members">
        <h2 id="household-members">{t('form.members')}</h2>
        <TableFrame label={t('form.members')}>
          <table>
            <caption className="visually-hidden">{t('form.members')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('detail.name')}</th>
                <th scope="col">{t('form.relation')}</th>
                <th scope="col">{t('form.sex')}</th>
                <th scope="col">{t('form.birthYear')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{t(`common:relations.${m.relation}`)}</td>
                  <td>{t(`common:sexes.${m.sex}`)}</td>
                  <td>{m.birthYear}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
      <section className="card" aria-labelledby="household-consent">
        <h2 id="household-consent">{t('consent.title')}</h2>
        {consent ? (
          <p>
            {t('detail.consentOnRecord', {
              givenBy: consent.givenBy,
              method: t(`consentMethods.${consent.method}`),
              recordedBy: consent.recordedBy,
            })}{' '}
            <FormattedDateTime value={consent.givenAt} />
          </p>
        ) : (
          <p>{t('detail.noConsent')}</p>
        )}
        {access === 'facilitator' ? (
          <Link to={`/households/${household.id}/consent`} className="button button--secondary">
            {consent ? t('detail.renewConsent') : t('detail.recordConsent')}
          </Link>
        ) : null}
      </section>
      <section className="card" aria-labelledby="household-account">
        <h2 id="household-account">{t('detail.account')}</h2>
        {account ? (
          <>
            <p>{t('detail.accountYes', { name: account.name, contact: account.contact ?? '' })}</p>
            <Link to={`/families/${account.id}/password`}>{t('list.newPassword')}</Link>
          </>
        ) : (
          <p>{t('detail.accountNo')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="household-applications">
        <h2 id="household-applications">{t('detail.applications')}</h2>
        {applications.length > 0 ? (
          <ul>
            {applications.map((a) => (
              <li key={a.id}>
                <Link
                  to={access === 'staff' ? `/staff/applications/${a.id}` : `/applications/${a.id}`}
                >
                  {a.reference ?? t('detail.draft')} — {a.title || a.competition}
                </Link>{' '}
                <span className="badge">{t(`common:applicationStatuses.${a.status}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('detail.noApplications')}</p>
        )}
        {openCompetitions.map((c) => (
          <Form method="post" key={c.id}>
            <input type="hidden" name="competitionId" value={c.id} />
            <SubmitButton name="intent" value={INTENT.startApplication}>
              {t('detail.startApplication', { competition: c.title })}
            </SubmitButton>
          </Form>
        ))}
        {access === 'facilitator' && openCompetitions.length > 0 && !consent ? (
          <p className="muted">{t('detail.consentNeeded')}</p>
        ) : null}
      </section>
    </div>
  );
}
