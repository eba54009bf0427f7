import type { LoaderFunctionArgs } from '@remix-run/node';
import { HTML_LANG } from '~/i18n/config';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { CompetitionSummary } from '~/components/competition-summary';
import { LocalizedString } from '~/components/localized';
import { fixedT } from '~/i18n/i18n.server';
import { FormattedDateTime } from '~/components/formatted';
import {
  competitionCard,
  listOpenCompetitions,
  listPastCompetitions,
  pastCompetitionCard,
} from '~/models/open-competition.server';
import { getOptionalUser } from '~/utils/auth.server';
import { detectLocale } from '~/utils/locale.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

// Public: anyone can read which competitions take applications, without signing in.
export const handle: RouteAccess = { access: 'public' };
export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await detectLocale(request, await getOptionalUser(request));
  const now = new Date();
  return json({
    pageTitle: fixedT(locale)('applications:competitions.title'),
    competitions: listOpenCompetitions(now).map((c) => competitionCard(c, locale, now)),
    // Families look for last year's winners here, not only on that competition's own page.
    past: listPastCompetitions().map((c) => pastCompetitionCard(c, locale)),
  });
}

export default function CompetitionsPage() {
  const { competitions, past } = useLoaderData<typeof loader>();
  const { t } = useTranslation('applications');
  return (
    <div className="stack">
      <h1>{t('competitions.title')}</h1>
      <p className="lead">{t('competitions.intro')}</p>
      {competitions.length === 0 ? (
        <p className="alert alert--info">{t('competitions.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {competitions.map((competition) => (
            <li key={competition.id} className="card">
              <h2 id={`competition-${competition.id}`}>
                <LocalizedString value={competition.title} />
              </h2>
              {competition.window === 'not-yet-open' ? (
                <p>
                  <span className="badge badge--warn">{t('competitions.notYetOpen')}</span>
                </p>
              ) : null}
              {competition.summary ? (
                <p
                  lang={
                    competition.summary.isFallback
                      ? HTML_LANG[competition.summary.shownIn]
                      : undefined
                  }
                >
                  {competition.summary.text}
                </p>
              ) : null}
              <CompetitionSummary competition={competition} />
              <Link
                to={`/competitions/${competition.id}`}
                className="button"
                aria-describedby={`competition-${competition.id}`}
              >
                {t('competitions.more')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <section className="stack" aria-labelledby="past-competitions">
          <h2 id="past-competitions">{t('competitions.pastTitle')}</h2>
          <p>{t('competitions.pastIntro')}</p>
          <ul className="plain-list stack">
            {past.map((competition) => (
              <li key={competition.id} className="card">
                <h3 id={`past-competition-${competition.id}`}>
                  <LocalizedString value={competition.title} />
                </h3>
                <dl className="details details--stacked">
                  <dt>{t('competitions.localities')}</dt>
                  <dd>{competition.localities.join(', ')}</dd>
                  <dt>{t('competitions.announced')}</dt>
                  <dd>
                    <FormattedDateTime value={competition.announcedOn} />
                  </dd>
                </dl>
                <Link
                  to={`/competitions/${competition.id}/results`}
                  className="button button--secondary"
                  aria-describedby={`past-competition-${competition.id}`}
                >
                  {t('competitions.results')}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
