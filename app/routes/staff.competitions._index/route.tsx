import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { htmlLangOf } from '~/i18n/config';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { DownloadLinks } from '~/components/download-links';
import { TableFrame } from '~/components/table-frame';
import { CompetitionStatusBadge } from '~/components/status-badges';
import { formatDateTime } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, titleTexts } from '~/i18n/localized-text';
import { staffCompetitions } from '~/services/competitions-export.server';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { timeZoneLabel } from '~/utils/competition-form.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'competitions:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: staffStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'competitions:manage');
  const locale = user.locale;
  const competitions = staffCompetitions().map(({ competition: c, counts }) => ({
    id: c.id,
    title: pickLocalized(titleTexts(c), locale),
    status: c.status,
    // Formatted on the server: browsers without Kyrgyz locale data would format differently.
    opensAt: {
      iso: c.opensAt.toISOString(),
      text: formatDateTime(c.opensAt, locale, c.timezone),
    },
    closesAt: {
      iso: c.closesAt.toISOString(),
      text: formatDateTime(c.closesAt, locale, c.timezone),
    },
    timeZoneLabel: timeZoneLabel(c.timezone, locale),
    counts,
  }));
  return json({ pageTitle: fixedT(locale)('competitions:list.title'), competitions });
}

export default function CompetitionsPage() {
  const { competitions } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['competitions', 'screening']);
  const labels = useEnumLabels();
  return (
    <div className="stack">
      <div className="row">
        <h1>{t('list.title')}</h1>
        <Link to="/staff/competitions/new" className="button">
          {t('list.new')}
        </Link>
      </div>
      <p>{t('list.intro')}</p>
      <DownloadLinks path="/staff/competitions" />
      {competitions.length === 0 ? (
        <p className="muted">{t('list.none')}</p>
      ) : (
        <TableFrame labelledBy="competitions-caption">
          <table>
            <caption id="competitions-caption" className="visually-hidden">
              {t('list.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.title')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.dates')}</th>
                <th scope="col">{t('list.columns.applications')}</th>
              </tr>
            </thead>
            <tbody>
              {competitions.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/staff/competitions/${c.id}`} lang={htmlLangOf(c.title?.shownIn)}>
                      {c.title?.text ?? t('list.noTitle')}
                    </Link>
                    {c.title?.isFallback ? (
                      <p className="small muted">
                        {t('list.shownIn', { language: t(`languages.${c.title.shownIn}`) })}
                      </p>
                    ) : null}
                  </th>
                  <td>
                    <CompetitionStatusBadge status={c.status} />
                  </td>
                  <td>
                    <time dateTime={c.opensAt.iso}>{c.opensAt.text}</time> –{' '}
                    <time dateTime={c.closesAt.iso}>{c.closesAt.text}</time>
                    <p className="small muted">{t('list.timeZone', { zone: c.timeZoneLabel })}</p>
                  </td>
                  <td>
                    {c.counts.length === 0 ? (
                      <span className="muted">{t('list.noApplications')}</span>
                    ) : (
                      <ul className="plain-list">
                        {c.counts.map(({ status, n }) => (
                          <li key={status}>
                            {status === 'draft' ? (
                              // Drafts are the families' own until submitted: counted, not listed.
                              `${labels.applicationStatus(status)}: ${n}`
                            ) : (
                              <Link to={`/staff/applications?competition=${c.id}&status=${status}`}>
                                {labels.applicationStatus(status)}: {n}
                              </Link>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </div>
  );
}
