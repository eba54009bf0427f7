import type { LoaderFunctionArgs, SerializeFrom } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { ApplicationStatusBadge } from '~/components/status-badges';
import { LocalizedString } from '~/components/localized';
import { fixedT } from '~/i18n/i18n.server';
import {
  competitionTitle,
  familyNames,
  listApplicationsForFacilitator,
  listApplicationsOfHousehold,
  type ApplicationListRow,
} from '~/models/application-view.server';
import { findHouseholdOfUser } from '~/models/household.server';
import { withFamilyStatuses } from '~/services/results.server';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'applications:edit' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, roles } = await requirePermission(request, 'applications:edit');
  const locale = user.locale;
  const household = roles.includes('applicant') ? findHouseholdOfUser(user.id) : undefined;
  // A decision not yet announced shows as the status before it (results.server.ts).
  const own = withFamilyStatuses(household ? listApplicationsOfHousehold(household.id) : []);
  const helped = roles.includes('facilitator')
    ? withFamilyStatuses(listApplicationsForFacilitator(user.id)).filter(
        (row) => !own.some((o) => o.id === row.id),
      )
    : [];
  const names = familyNames(helped);
  const toDto = (row: ApplicationListRow) => ({
    id: row.id,
    status: row.status,
    reference: row.reference,
    title: row.title,
    competition: competitionTitle(row, locale),
    family: names.get(row.id) ?? null,
  });
  const isFacilitatorOnly = !roles.includes('applicant');
  return json({
    pageTitle: fixedT(locale)(
      isFacilitatorOnly ? 'applications:list.titleFacilitator' : 'applications:list.title',
    ),
    isFacilitatorOnly,
    own: own.map(toDto),
    helped: helped.map(toDto),
  });
}

type Row = SerializeFrom<typeof loader>['own'][number];

function ApplicationsList({
  rows,
  withFamily,
  Heading,
}: {
  rows: Row[];
  withFamily: boolean;
  Heading: 'h2' | 'h3';
}) {
  const { t } = useTranslation('applications');
  return (
    <ul className="plain-list stack">
      {rows.map((row) => (
        <li key={row.id} className="card application-row">
          <Heading>
            <Link to={`/applications/${row.id}`}>{row.title || t('list.untitled')}</Link>
          </Heading>
          <dl className="details details--stacked">
            {withFamily && row.family ? (
              <>
                <dt>{t('list.family')}</dt>
                <dd>{row.family}</dd>
              </>
            ) : null}
            <dt>{t('list.competition')}</dt>
            <dd>
              <LocalizedString value={row.competition} />
            </dd>
            <dt>{t('list.status')}</dt>
            <dd>
              <ApplicationStatusBadge status={row.status} />
            </dd>
            <dt>{t('list.reference')}</dt>
            <dd>{row.reference ?? '—'}</dd>
          </dl>
          {row.status === 'draft' ? (
            <Link to={`/applications/${row.id}/edit/beneficiary`} className="button">
              {t('list.continue')}
              <span className="visually-hidden">: {row.title || t('list.untitled')}</span>
            </Link>
          ) : (
            <Link to={`/applications/${row.id}`} className="button button--secondary">
              {t('list.open')}
              <span className="visually-hidden">: {row.title || t('list.untitled')}</span>
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

export default function ApplicationsPage() {
  const { own, helped, isFacilitatorOnly } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  return (
    <div className="stack">
      <h1>{isFacilitatorOnly ? t('list.titleFacilitator') : t('list.title')}</h1>
      {!isFacilitatorOnly ? (
        own.length === 0 ? (
          <p>{t('list.none')}</p>
        ) : (
          <ApplicationsList rows={own} withFamily={false} Heading="h2" />
        )
      ) : null}
      {helped.length > 0 ? (
        isFacilitatorOnly ? (
          <ApplicationsList rows={helped} withFamily Heading="h2" />
        ) : (
          <section aria-labelledby="helped" className="stack">
            <h2 id="helped">{t('list.titleFacilitator')}</h2>
            <ApplicationsList rows={helped} withFamily Heading="h3" />
          </section>
        )
      ) : isFacilitatorOnly ? (
        <p>{t('list.none')}</p>
      ) : null}
      <p>
        <Link to="/competitions">{t('list.findCompetition')}</Link>
      </p>
    </div>
  );
}
