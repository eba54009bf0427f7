import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { TableFrame } from '~/components/table-frame';
import { useHydrated } from '~/components/use-hydrated';
import { fixedT } from '~/i18n/i18n.server';
import { formatNumber } from '~/i18n/format';
import { publicResultsView } from '~/services/results.server';
import resultStyles from '~/styles/results.css';
import { idParam, notFound } from '~/utils/application-route.server';
import { getOptionalUser } from '~/utils/auth.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

// Public, without sign-in: a page the programme can print in the newspaper. It names only the
// winners who agreed (first name, initial, village) and says nothing about any household.
export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: resultStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const sessionUser = await getOptionalUser(request);
  const locale = await detectLocale(request, sessionUser);
  const results = publicResultsView(idParam(params.competitionId), locale);
  if (!results) throw notFound();
  const t = fixedT(locale);
  return json({
    pageTitle: t('results:public.title', { competition: results.title?.text ?? '' }),
    results: {
      ...results,
      applications: formatNumber(results.applications, locale),
      winners: formatNumber(results.winners, locale),
    },
  });
}

export default function PublicResultsPage() {
  const { results } = useLoaderData<typeof loader>();
  const { t } = useTranslation('results');
  const labels = useEnumLabels();
  const hydrated = useHydrated();
  return (
    <article className="stack public-results">
      <div className="row no-print">
        <Link to={`/competitions/${results.competitionId}`}>
          <span aria-hidden="true">←</span> {t('public.back')}
        </Link>
        {hydrated ? (
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('public.print')}
          </button>
        ) : null}
      </div>
      <h1>{t('public.title', { competition: results.title?.text ?? '' })}</h1>
      <p className="muted">{t('public.announcedOn', { date: results.announcedOn.text })}</p>
      <p>{t('public.thanks')}</p>
      <section aria-labelledby="figures-title" className="stack">
        <h2 id="figures-title">{t('public.figuresTitle')}</h2>
        <dl className="figures">
          <div>
            <dt>{t('public.applications')}</dt>
            <dd>{results.applications}</dd>
          </div>
          <div>
            <dt>{t('public.winners')}</dt>
            <dd>{results.winners}</dd>
          </div>
          <div className="figures__money">
            <dt>{t('public.totalAwarded')}</dt>
            <dd>{results.totalAwarded}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="by-village-title" className="stack">
        <h2 id="by-village-title">{t('public.byVillageTitle')}</h2>
        <TableFrame labelledBy="by-village-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('public.village')}</th>
                <th scope="col" className="num">
                  {t('public.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.byLocality.map((row) => (
                <tr key={row.name}>
                  <th scope="row">{row.name}</th>
                  <td className="num">{row.winners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
      <section aria-labelledby="by-sector-title" className="stack">
        <h2 id="by-sector-title">{t('public.bySectorTitle')}</h2>
        <TableFrame labelledBy="by-sector-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('public.sector')}</th>
                <th scope="col" className="num">
                  {t('public.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {results.bySector.map((row) => (
                <tr key={row.sector ?? 'none'}>
                  <th scope="row">
                    {row.sector ? labels.sector(row.sector) : t('public.noSector')}
                  </th>
                  <td className="num">{row.winners}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </section>
      <section aria-labelledby="named-title" className="stack">
        <h2 id="named-title">{t('public.namedTitle')}</h2>
        <p>{t('public.namedIntro')}</p>
        {results.named.length === 0 ? (
          <p>{t('public.noneNamed')}</p>
        ) : (
          <TableFrame labelledBy="named-title">
            <table className="table--stack">
              <thead>
                <tr>
                  <th scope="col">{t('public.name')}</th>
                  <th scope="col">{t('public.village')}</th>
                  <th scope="col">{t('public.sector')}</th>
                </tr>
              </thead>
              <tbody>
                {results.named.map((row, index) => (
                  <tr key={index}>
                    <th scope="row">{row.name}</th>
                    <td data-label={t('public.village')}>{row.village}</td>
                    <td data-label={t('public.sector')}>
                      {row.sector ? labels.sector(row.sector) : t('public.noSector')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </section>
    </article>
  );
}
