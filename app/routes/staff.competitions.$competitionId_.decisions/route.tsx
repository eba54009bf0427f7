// The decision board: staff turn the final ranking into grants within the budget and each
// village's quota, write each family's feedback, and — after the announcement — withdraw an
// award and offer the freed place to the next family on the waiting list of her village.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { Pagination } from '~/components/pagination';
import { DownloadLinks } from '~/components/download-links';
import { TableFrame } from '~/components/table-frame';
import { useEnumLabels } from '~/components/enum-labels';
import type { FormFailure } from '~/components/use-validated-form';
import { fixedT } from '~/i18n/i18n.server';
import {
  applicationIdSchema,
  BOARD_STATUSES,
  boardQuerySchema,
  decideFormSchema,
  feedbackSchema,
  offerFormSchema,
  withdrawSchema,
} from '~/schemas/decision';
import {
  boardApplication,
  boardCardView,
  decisionBoardView,
  type BoardRowView,
  type BoardTableRow,
} from '~/services/decision-pages.server';
import { boardFilterFrom } from '~/services/decision-board-export.server';
import { decide, offerPlace, setFeedback, withdrawAward } from '~/services/decisions.server';
import decisionStyles from '~/styles/decisions.css';
import roundStyles from '~/styles/rounds.css';
import staffStyles from '~/styles/staff.css';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm, readFormData, formIntent } from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';
import { BoardRowCard, DecisionSummary, type RowFailure } from './board-row';
import { INTENT, type Intent } from './intent';

export const handle: RouteAccess = { access: 'decisions:manage' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: staffStyles },
  { rel: 'stylesheet', href: roundStyles },
  { rel: 'stylesheet', href: decisionStyles },
];

/** What a success says when the page comes back (?done=…&ref=… or &count=…). */
const DONE = ['decided', 'feedback', 'withdrawn', 'offered', 'announced'] as const;
type Done = (typeof DONE)[number];

function competitionIdFrom(params: { competitionId?: string }): number {
  const id = Number(params.competitionId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not Found', { status: 404 });
  return id;
}

/** The filter, page and open application the board's URL asks for. */
function boardQueryFrom(url: URL) {
  const query = boardQuerySchema.parse(Object.fromEntries(url.searchParams));
  return {
    filter: boardFilterFrom(url.searchParams),
    page: query.page,
    decide: query.decide,
  };
}

/** The board's filter in its URL (the downloads take them too). */
const FILTER_KEYS = ['village', 'status', 'rankFrom', 'rankTo'];

/** The board's own filter and page, kept when a form on it comes back, and its open card. */
function boardSearch(url: URL): URLSearchParams {
  const kept = new URLSearchParams();
  for (const key of [...FILTER_KEYS, 'page', 'decide']) {
    const value = url.searchParams.get(key);
    if (value) kept.set(key, value);
  }
  return kept;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, 'decisions:manage');
  const view = decisionBoardView(
    competitionIdFrom(params),
    user.locale,
    boardQueryFrom(new URL(request.url)),
  );
  if (!view) throw new Response('Not Found', { status: 404 });
  return json({
    pageTitle: fixedT(user.locale)('decisions:board.title', {
      competition: view.competition.title?.text ?? '',
    }),
    ...view,
  });
}

/** Which field a refusal is about; the others concern the whole form. */
const REFUSAL_FIELD: Record<string, string> = {
  'over-budget': 'amount',
  'amount-out-of-range': 'amount',
  'over-quota': 'decision',
  'reason-required': 'reason',
};

/** A refusal, and the card it concerns (open even when the post came from elsewhere). */
export type BoardActionData = { rowFailure: RowFailure; card: BoardRowView | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requirePermission(request, 'decisions:manage');
  const competitionId = competitionIdFrom(params);
  const formData = await readFormData(request);
  const intent = formIntent(formData) as Intent | '';
  if (!intent || !(Object.values(INTENT) as string[]).includes(intent))
    throw new Response('Unknown intent', { status: 400 });
  const ids = applicationIdSchema.safeParse(formDataToObject(formData));
  if (!ids.success) throw new Response('Bad Request', { status: 400 });
  const application = boardApplication(competitionId, ids.data.applicationId);
  if (!application) throw new Response('Not Found', { status: 404 });
  const applicationId = application.id;

  const done = (what: Done) => {
    const search = boardSearch(new URL(request.url));
    search.set('decide', String(applicationId));
    search.set('done', what);
    search.set('ref', application.reference ?? '');
    return redirect(
      `/staff/competitions/${competitionId}/decisions?${search}#row-${applicationId}`,
    );
  };
  const failed = (failure: FormFailure, status = 400) =>
    json<BoardActionData>(
      {
        rowFailure: { ...failure, applicationId, form: intent },
        card: boardCardView(competitionId, staff.user.locale, applicationId),
      },
      { status },
    );
  /** A service's refusal, next to its field; after the announcement decisions answer 409. */
  const refused = (error: string, field: string | null = REFUSAL_FIELD[error] ?? null) => {
    const message = `decisions:errors.${error}`;
    const values = formDataToObject(formData);
    return failed(
      field ? { fieldErrors: { [field]: message }, values } : { formError: message, values },
      error === 'locked' ? 409 : 400,
    );
  };

  switch (intent) {
    case INTENT.decide: {
      const parsed = parseForm(formData, decideFormSchema);
      if (!parsed.ok) return failed(parsed.failure);
      const result = decide(request, staff, applicationId, parsed.data);
      if (result.ok) return done('decided');
      if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
      return refused(result.error);
    }
    case INTENT.feedback: {
      const parsed = parseForm(formData, feedbackSchema);
      if (!parsed.ok) return failed(parsed.failure);
      const result = setFeedback(
        request,
        staff,
        applicationId,
        parsed.data.feedback,
        parsed.data.feedbackLocale ?? null,
      );
      if (result.ok) return done('feedback');
      if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
      return refused(result.error);
    }
    case INTENT.withdraw: {
      const parsed = parseForm(formData, withdrawSchema);
      if (!parsed.ok) return failed(parsed.failure);
      const result = withdrawAward(request, staff, applicationId, parsed.data.reason);
      if (result.ok) return done('withdrawn');
      if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
      return refused(result.error);
    }
    case INTENT.offer: {
      const parsed = parseForm(formData, offerFormSchema);
      if (!parsed.ok) return failed(parsed.failure);
      const result = offerPlace(request, staff, applicationId, parsed.data.amount);
      if (result.ok) return done('offered');
      if (result.error === 'not-found') throw new Response('Not Found', { status: 404 });
      // Offering has no decision field: a full quota concerns the whole offer.
      return refused(result.error, result.error === 'over-quota' ? null : undefined);
    }
  }
}

export default function DecisionBoardPage() {
  const data = useLoaderData<typeof loader>();
  const { competition, state, rows } = data;
  const actionData = useActionData<typeof action>() as BoardActionData | undefined;
  // A refusal's card, else the one the URL opens (?decide=).
  const open = actionData?.card ?? data.open;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('decisions');
  const done = searchParams.get('done') as Done | null;
  const editable = state === 'ready';
  return (
    <div className="stack decisions-page">
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>← {t('board.back')}</Link>
      </p>
      <h1>{t('board.title', { competition: competition.title?.text ?? '' })}</h1>
      {done && (DONE as readonly string[]).includes(done) ? (
        <div className="alert alert--success" role="status">
          <p>
            {t(`done.${done}`, {
              reference: searchParams.get('ref') ?? '',
              count: Number(searchParams.get('count') ?? 0) || 0,
            })}
          </p>
        </div>
      ) : null}
      <StateNotice />
      {data.finalRound ? (
        <p className="muted">
          {t('board.finalRound', { number: data.finalRound.number, name: data.finalRound.name })}
        </p>
      ) : null}
      <p>{t('board.intro')}</p>

      <div className="sections sections--two">
        <BudgetMeter />
        <Quotas />
      </div>

      {state === 'ready' ? (
        <p>
          <Link className="button" to={`/staff/competitions/${competition.id}/announce`}>
            {t('board.announceLink')}
          </Link>
        </p>
      ) : null}

      {data.finalRound ? <BoardFilters /> : null}

      {data.finalRound ? (
        rows.length === 0 && !open ? (
          <p className="muted">{t('state.empty')}</p>
        ) : (
          <>
            <section className="stack" aria-labelledby="decide-title">
              <h2 id="decide-title">{t('rows.title')}</h2>
              {open ? (
                <BoardRowCard
                  key={open.applicationId}
                  row={open}
                  state={state}
                  editable={editable}
                  competition={competition}
                  remaining={data.budget.remaining}
                  closeHref={`?${closeSearch(searchParams)}`}
                  failure={
                    actionData?.rowFailure?.applicationId === open.applicationId
                      ? actionData.rowFailure
                      : null
                  }
                />
              ) : (
                <p className="muted">{t('rows.intro')}</p>
              )}
            </section>
            <RankingTable openId={open?.applicationId ?? null} />
            <Pagination
              page={data.page.number}
              pageSize={data.page.size}
              total={data.page.total}
              drop={NOT_KEPT}
            />
          </>
        )
      ) : null}
    </div>
  );
}

/** What a link to another page or card of the board leaves out: the last form's message. */
const NOT_KEPT = ['decide', 'done', 'ref', 'count'];

/** The board's search without an open card or a message. */
function closeSearch(searchParams: URLSearchParams): string {
  const kept = new URLSearchParams(searchParams);
  for (const name of NOT_KEPT) kept.delete(name);
  return kept.toString();
}

/** Which part of the final ranking to show: a village, a status, a range of places. */
function BoardFilters() {
  const { villages, filter, page } = useLoaderData<typeof loader>();
  const { t } = useTranslation('decisions');
  const labels = useEnumLabels();
  return (
    <section className="stack" aria-labelledby="board-filter-title">
      <h2 id="board-filter-title">{t('filter.title')}</h2>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="board-village">{t('filter.village')}</label>
          <select id="board-village" name="village" defaultValue={filter.localityId ?? ''}>
            <option value="">{t('filter.allVillages')}</option>
            {villages.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-status">{t('filter.status')}</label>
          <select id="board-status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('filter.allStatuses')}</option>
            {BOARD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.applicationStatus(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="board-rank-from">{t('filter.rankFrom')}</label>
          <input
            id="board-rank-from"
            name="rankFrom"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={filter.rankFrom ?? ''}
          />
        </div>
        <div className="field">
          <label htmlFor="board-rank-to">{t('filter.rankTo')}</label>
          <input
            id="board-rank-to"
            name="rankTo"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={filter.rankTo ?? ''}
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('filter.apply')}
        </button>
      </Form>
      <p className="muted">{t('filter.count', { count: page.total, size: page.size })}</p>
      <ExportLinks />
    </section>
  );
}

/** The board with its filter as CSV and Excel (every row, not only this page). */
function ExportLinks() {
  const { competition } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = searchParams.get(key);
    if (value) kept.set(key, value);
  }
  return (
    <DownloadLinks
      path={`/staff/competitions/${competition.id}/decisions`}
      search={kept.toString() ? `?${kept}` : ''}
    />
  );
}

/** Why decisions wait, or that they are locked. */
function StateNotice() {
  const { competition, state, openRoundName } = useLoaderData<typeof loader>();
  const { t } = useTranslation('decisions');
  if (state === 'ready') return null;
  if (state === 'announced') {
    return (
      <div className="alert alert--info" role="status">
        <p>{t('state.announced', { date: competition.announcedAt?.text ?? '' })}</p>
      </div>
    );
  }
  return (
    <div className="alert alert--warning">
      <p>
        {state === 'no-closed-round'
          ? t('state.noClosedRound')
          : t('state.roundOpen', { name: openRoundName ?? '' })}
      </p>
      <p>
        <Link to={`/staff/competitions/${competition.id}`}>{t('state.competitionLink')}</Link>
      </p>
    </div>
  );
}

function BudgetMeter() {
  const { budget } = useLoaderData<typeof loader>();
  const { t } = useTranslation('decisions');
  return (
    <section className="card stack" aria-labelledby="budget-title">
      <h2 id="budget-title">{t('budget.title')}</h2>
      <dl className="details budget-meter">
        <dt>{t('budget.total')}</dt>
        <dd className="num" data-testid="budget-total">
          {budget.total}
        </dd>
        <dt>{t('budget.awarded')}</dt>
        <dd className="num" data-testid="budget-awarded">
          {budget.awarded}
        </dd>
        <dt>{t('budget.remaining')}</dt>
        <dd className="num" data-testid="budget-remaining">
          {budget.remaining}
        </dd>
      </dl>
      <div className="progress">
        <progress max={100} value={budget.percent} aria-labelledby="budget-used" />
        <p className="small muted" id="budget-used">
          {t('budget.used', { percent: budget.percent })}
        </p>
      </div>
    </section>
  );
}

function Quotas() {
  const { quotas } = useLoaderData<typeof loader>();
  const { t } = useTranslation('decisions');
  return (
    <section className="card stack" aria-labelledby="quotas-title">
      <h2 id="quotas-title">{t('quotas.title')}</h2>
      <ul className="plain-list quota-list">
        {quotas.map((q) => (
          <li key={q.localityId}>
            {q.quota === null
              ? t('quotas.withoutQuota', { name: q.name, awarded: q.awarded })
              : t('quotas.withQuota', { name: q.name, awarded: q.awarded, quota: q.quota })}
            {q.quota !== null && q.awarded >= q.quota ? (
              <>
                {' '}
                <span className="badge badge--warn">{t('quotas.full')}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The final ranking, a page at a time: each reference opens that application's card (?decide=),
 * a plain link, so it works without JavaScript. Rows stay light — no forms, no per-row classes
 * (the stylesheet aligns the columns) — so a page of them renders fast at any programme size.
 */
function RankingTable({ openId }: { openId: number | null }) {
  const { rows } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('decisions');
  const labels = useEnumLabels();
  const kept = closeSearch(searchParams);
  const hrefOf = (id: number) => `?${kept ? `${kept}&` : ''}decide=${id}#row-${id}`;
  return (
    <TableFrame labelledBy="ranking-caption">
      <table className="decision-table">
        <caption id="ranking-caption">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('table.rank')}
            </th>
            <th scope="col" className="num">
              {t('table.score')}
            </th>
            <th scope="col">{t('table.reference')}</th>
            <th scope="col">{t('table.idea')}</th>
            <th scope="col">{t('table.sector')}</th>
            <th scope="col">{t('table.village')}</th>
            <th scope="col" className="num">
              {t('table.requested')}
            </th>
            <th scope="col">{t('table.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row: BoardTableRow) => (
            <tr
              key={row.applicationId}
              aria-current={row.applicationId === openId ? 'true' : undefined}
            >
              <td>{row.rank}</td>
              <td>{row.score ?? '—'}</td>
              <th scope="row">
                <Link to={hrefOf(row.applicationId)}>{row.reference}</Link>
              </th>
              <td>{row.title || t('table.untitled')}</td>
              <td>{row.sector ? labels.sector(row.sector) : '—'}</td>
              <td>{row.village}</td>
              <td>{row.requested}</td>
              <td>
                <DecisionSummary row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
