import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { useEnumLabels } from '~/components/enum-labels';
import { FormattedDateTime } from '~/components/formatted';
import { LocalizedString } from '~/components/localized';
import { fixedT } from '~/i18n/i18n.server';
import { pageFromUrl } from '~/components/pagination';
import { jurorQueue, type QueueRound } from '~/models/juror-view.server';
import { QUEUE_FILTERS, type QueueFilter } from '~/schemas/enums';
import juryStyles from '~/styles/jury.css';
import { requirePermission } from '~/utils/auth.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'jury:score' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: juryStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const juror = await requirePermission(request, 'jury:score');
  const locale = juror.user.locale;
  const url = new URL(request.url);
  const filter = QUEUE_FILTERS.find((f) => f === url.searchParams.get('show')) ?? 'all';
  const roundId = Number(url.searchParams.get('round')) || undefined;
  return json({
    pageTitle: fixedT(locale)('jury:queue.title'),
    filter,
    rounds: jurorQueue(juror.user.id, locale, new Date(), {
      filter,
      roundId,
      page: pageFromUrl(url),
    }),
  });
}

function WindowNote({ round }: { round: QueueRound }) {
  const { t } = useTranslation('jury');
  switch (round.window) {
    case 'preparing':
      return null;
    case 'not-yet':
      return <p>{t('window.notYet', { date: round.opensAt.text })}</p>;
    case 'open':
      // Nothing left to do once every score is in.
      return round.submitted === round.counts.all ? null : (
        <p>{t('window.open', { date: round.closesAt.text })}</p>
      );
    case 'window-closed':
      return (
        <div className="alert alert--warning">
          <p>{t('window.windowClosed', { date: round.closesAt.text })}</p>
        </div>
      );
    case 'round-closed':
      return <p>{t('window.roundClosed')}</p>;
  }
}

function Conflicts({ round }: { round: QueueRound }) {
  const { t } = useTranslation('jury');
  const declared = round.conflictsDeclaredAt;
  return (
    <div className={declared ? 'stack' : 'alert alert--warning'}>
      <p>
        {declared ? t('queue.conflictsDone', { date: declared.text }) : t('queue.conflictsTodo')}
      </p>
      <p>
        <Link to={`/jury/rounds/${round.id}/conflicts`} className={declared ? undefined : 'button'}>
          {declared ? t('queue.changeDeclaration') : t('queue.declare')}
        </Link>
      </p>
      {declared ? <p className="muted">{t('queue.waiting')}</p> : null}
    </div>
  );
}

const STATE_TONE = { none: 'badge--info', draft: 'badge--warn', submitted: 'badge--ok' } as const;

/** The filter (to score, drafts, submitted) as links that work without JavaScript. */
function QueueFilters({ round, filter }: { round: QueueRound; filter: QueueFilter }) {
  const { t } = useTranslation('jury');
  return (
    <nav className="queue-filters" aria-label={t('queue.filterLabel')}>
      <ul className="row">
        {QUEUE_FILTERS.map((f) => (
          <li key={f}>
            <Link
              to={f === 'all' ? '?' : `?show=${f}`}
              aria-current={f === filter ? 'page' : undefined}
              className={`button button--small${f === filter ? '' : ' button--secondary'}`}
              preventScrollReset
            >
              {t(`queue.filters.${f}`, { number: round.counts[f] })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous and next page of one round's list, keeping the filter. */
function QueuePages({ round, filter }: { round: QueueRound; filter: QueueFilter }) {
  const { t } = useTranslation();
  if (round.pages <= 1) return null;
  const hrefFor = (page: number) => {
    const params = new URLSearchParams();
    if (filter !== 'all') params.set('show', filter);
    params.set('round', String(round.id));
    params.set('page', String(page));
    return `?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {round.page > 1 ? (
        <Link to={hrefFor(round.page - 1)}>{t('pagination.previous')}</Link>
      ) : (
        <span />
      )}
      <span>{t('pagination.status', { page: round.page, pages: round.pages })}</span>
      {round.page < round.pages ? (
        <Link to={hrefFor(round.page + 1)}>{t('pagination.next')}</Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Assignments({ round, filter }: { round: QueueRound; filter: QueueFilter }) {
  const { t } = useTranslation('jury');
  const labels = useEnumLabels();
  const total = round.counts.all;
  if (total === 0) return <p className="muted">{t('queue.noneAssigned')}</p>;
  return (
    <>
      <div className="progress">
        <p className="muted small" id={`round-${round.id}-progress`}>
          {t('queue.progress', { submitted: round.submitted, total })}
        </p>
        <progress
          max={total}
          value={round.submitted}
          aria-labelledby={`round-${round.id}-progress`}
        />
      </div>
      <QueueFilters round={round} filter={filter} />
      {round.assignments.length === 0 ? <p className="muted">{t('queue.noneInFilter')}</p> : null}
      <ul className="queue-list" aria-label={t('queue.applicationsCaption', { round: round.name })}>
        {round.assignments.map((a) => {
          const kind =
            a.state === 'submitted' || round.window !== 'open'
              ? 'view'
              : a.state === 'draft'
                ? 'continue'
                : 'start';
          const action = t(`queue.${kind}`);
          return (
            <li key={a.id} className="queue-item">
              <div>
                <strong className="reference">{a.reference}</strong>
                <span className="queue-item__facts">
                  {a.sector ? labels.sector(a.sector) : null}
                  {a.sector && a.village ? ' · ' : null}
                  {a.village}
                </span>
                <span className="queue-item__facts">
                  {t('queue.requested')}: {a.requested}
                </span>
              </div>
              <div className="queue-item__state">
                <span className={`badge badge--wrap ${STATE_TONE[a.state]}`}>
                  {t(`scoreState.${a.state}`)}
                </span>
                <Link
                  to={`/jury/assignments/${a.id}`}
                  className={`button button--small${kind === 'view' ? ' button--secondary' : ''}`}
                  aria-label={t('queue.openApplication', { action, reference: a.reference })}
                >
                  {action}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
      <QueuePages round={round} filter={filter} />
    </>
  );
}

export default function JuryQueuePage() {
  const { rounds, filter } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('jury');
  const recused = searchParams.get('recused');
  return (
    <div className="stack">
      <h1>{t('queue.title')}</h1>
      {recused ? (
        <div className="alert alert--success" role="status">
          <p>{recused === 'replaced' ? t('queue.recused') : t('queue.recusedNoReplacement')}</p>
        </div>
      ) : null}
      <p className="lead">{t('queue.lead')}</p>
      {rounds.length === 0 ? <p>{t('queue.none')}</p> : null}
      {rounds.map((round) => (
        <section key={round.id} className="card round-card" aria-labelledby={`round-${round.id}`}>
          <h2 id={`round-${round.id}`}>{round.name}</h2>
          <p className="round-card__meta muted">
            <LocalizedString value={round.competitionTitle} />
            {' · '}
            <span className="badge badge--wrap badge--info">{t(`status.${round.status}`)}</span>
          </p>
          <p className="small">{round.isBlind ? t('blind') : t('notBlind')}</p>
          {round.status === 'draft' ? (
            <Conflicts round={round} />
          ) : (
            <>
              <dl className="details details--stacked">
                <dt>{t('queue.opens')}</dt>
                <dd>
                  <FormattedDateTime value={round.opensAt} />
                </dd>
                <dt>{t('queue.closes')}</dt>
                <dd>
                  <FormattedDateTime value={round.closesAt} />
                </dd>
              </dl>
              <WindowNote round={round} />
              <Assignments round={round} filter={filter} />
            </>
          )}
        </section>
      ))}
    </div>
  );
}
