import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';
import { FormAlert } from '~/components/form-fields';
import { LocalizedString } from '~/components/localized';
import { formattedInstant } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { pickLocalized, roundTitle, titleTexts } from '~/i18n/localized-text';
import {
  declaredFamilies,
  declaredHouseholdIds,
  familiesOfApplications,
  roundOfJuror,
  searchable,
} from '~/models/juror-view.server';
import { conflictsSchema } from '~/schemas/jury-forms';
import { declareConflicts, poolFor } from '~/services/jury.server';
import juryStyles from '~/styles/jury.css';
import { idParam, notFound } from '~/utils/application-route.server';
import { requirePermission } from '~/utils/auth.server';
import {
  formFailure,
  parseForm,
  refuse,
  readFormData,
  formIntent,
  formText,
} from '~/utils/forms.server';
import { titleFromLoader } from '~/utils/meta';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'jury:score' };
export const meta = titleFromLoader;
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: juryStyles }];

export const INTENT = { save: 'save', none: 'none' } as const;

/** A search is a few words; longer input is cut rather than refused. */
const MAX_QUERY = 100;

function queryOf(url: URL): string {
  return (url.searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const juror = await requirePermission(request, 'jury:score');
  const found = roundOfJuror(idParam(params.roundId), juror.user.id);
  if (!found) throw notFound();
  const { round, competition, declaredAt } = found;
  const locale = juror.user.locale;
  const t = fixedT(locale);
  const base = {
    pageTitle: t('jury:conflicts.title'),
    round: {
      id: round.id,
      name: roundTitle(round, locale).text,
      competitionTitle: pickLocalized(titleTexts(competition), locale),
    },
    declaredAt: declaredAt
      ? formattedInstant(declaredAt, locale, { timeZone: competition.timezone })
      : null,
  };
  if (round.status !== 'draft') {
    // Scoring has started: she sees only whom she declared, not the round's families again.
    return json({
      ...base,
      open: null,
      declared: declaredFamilies(competition.id, juror.user.id, locale).map((f) => ({
        id: f.householdId,
        names: f.names,
        village: f.village,
      })),
    });
  }
  const query = queryOf(new URL(request.url));
  const families = familiesOfApplications(poolFor(round), locale);
  const inPool = new Set(families.map((f) => f.householdId));
  const declared = new Set(
    declaredHouseholdIds(competition.id, juror.user.id).filter((id) => inPool.has(id)),
  );
  const needle = searchable(query, locale);
  const shown = needle
    ? families.filter(
        (f) =>
          f.names.some((name) => searchable(name, locale).includes(needle)) ||
          searchable(f.village, locale).includes(needle),
      )
    : families;
  const shownIds = new Set(shown.map((f) => f.householdId));
  return json({
    ...base,
    declared: null,
    open: {
      query,
      total: families.length,
      declaredCount: declared.size,
      hiddenDeclared: [...declared].filter((id) => !shownIds.has(id)).length,
      families: shown.map((f) => ({
        id: f.householdId,
        names: f.names,
        village: f.village,
        known: declared.has(f.householdId),
      })),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const juror = await requirePermission(request, 'jury:score');
  const found = roundOfJuror(idParam(params.roundId), juror.user.id);
  if (!found) throw notFound();
  const { round, competition } = found;
  const formData = await readFormData(request);
  const intent = formIntent(formData);
  let householdIds: number[];
  if (intent === INTENT.none) {
    householdIds = [];
  } else if (intent === INTENT.save) {
    const parsed = parseForm(formData, conflictsSchema);
    if (!parsed.ok) return formFailure(parsed.failure);
    // Only the families the page showed change; those the search hid keep their declaration.
    const shown = new Set(parsed.data.shown);
    const kept = declaredHouseholdIds(competition.id, juror.user.id).filter((id) => !shown.has(id));
    householdIds = [...kept, ...parsed.data.householdIds.filter((id) => shown.has(id))];
  } else {
    throw new Response('Unknown intent', { status: 400 });
  }
  const result = declareConflicts(request, juror, round.id, householdIds);
  if (!result.ok) {
    if (result.error === 'jury:errors.notFound') throw notFound();
    return refuse(formData, { message: 'jury:errors.declarationsClosed' });
  }
  const query = (formText(formData, 'q') ?? '').trim().slice(0, MAX_QUERY);
  const search = new URLSearchParams({ saved: '1' });
  if (query) search.set('q', query);
  return redirect(`/jury/rounds/${round.id}/conflicts?${search}`);
}

function Declared({ families }: { families: { id: number; names: string[]; village: string }[] }) {
  const { t } = useTranslation('jury');
  return (
    <section className="card" aria-labelledby="closed-title">
      <h2 id="closed-title">{t('conflicts.closedTitle')}</h2>
      <p>{t('errors.declarationsClosed')}</p>
      {families.length === 0 ? (
        <p>{t('conflicts.closedNone')}</p>
      ) : (
        <>
          <p>{t('conflicts.closedList')}</p>
          <ul className="family-list">
            {families.map((f) => (
              <li key={f.id}>
                {f.names.join(', ')}
                <span className="family-list__village">{f.village}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export default function ConflictsPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation('jury');
  const open = data.open;
  return (
    <div className="stack">
      <p>
        <Link to="/jury">
          <span aria-hidden="true">←</span> {t('conflicts.back')}
        </Link>
      </p>
      <h1>{t('conflicts.title')}</h1>
      <p className="muted">
        {data.round.name}
        {data.round.competitionTitle ? ' · ' : null}
        <LocalizedString value={data.round.competitionTitle} />
      </p>
      {searchParams.get('saved') && open ? (
        <div className="alert alert--success" role="status">
          <p>
            {open.declaredCount === 0
              ? t('conflicts.savedNone')
              : t('conflicts.saved', { count: open.declaredCount })}
          </p>
        </div>
      ) : null}
      <FormAlert message={failure?.formError} />
      {data.declared ? <Declared families={data.declared} /> : null}
      {open ? (
        <>
          <p>{t('conflicts.lead')}</p>
          <div className="alert alert--info">
            <p>{t('conflicts.recorded')}</p>
            <p>{t('conflicts.required')}</p>
            <p>
              <strong>
                {data.declaredAt
                  ? t('conflicts.declaredAt', { date: data.declaredAt.text })
                  : t('conflicts.notYet')}
              </strong>
            </p>
          </div>

          <Form method="get" className="search-form" role="search">
            <div className="field">
              <label htmlFor="conflicts-search">{t('conflicts.search')}</label>
              <input
                id="conflicts-search"
                type="search"
                name="q"
                defaultValue={open.query}
                maxLength={100}
              />
            </div>
            <button type="submit" className="button button--secondary">
              {t('conflicts.searchButton')}
            </button>
            {open.query ? <Link to=".">{t('conflicts.showAll')}</Link> : null}
          </Form>

          <p id="conflicts-count" aria-live="polite">
            {open.query
              ? open.families.length === 0
                ? t('conflicts.noMatch', { query: open.query })
                : t('conflicts.found', { count: open.families.length, query: open.query })
              : t('conflicts.count', { count: open.total })}
          </p>

          {/* Nothing here can be invalid (ticks of listed families), so no client validation. */}
          <Form method="post" className="form" key={`${open.query}:${data.declaredAt?.iso}`}>
            <input type="hidden" name="q" value={open.query} />
            {open.families.map((f) => (
              <input key={f.id} type="hidden" name="shown" value={f.id} />
            ))}
            {open.families.length > 0 ? (
              <fieldset>
                <legend>{t('conflicts.legend')}</legend>
                <ul className="family-list">
                  {open.families.map((f) => (
                    <li key={f.id}>
                      <label className="checkbox" htmlFor={`household-${f.id}`}>
                        <input
                          id={`household-${f.id}`}
                          type="checkbox"
                          name="householdIds"
                          value={f.id}
                          defaultChecked={f.known}
                        />
                        <span>
                          {f.names.join(', ')}
                          <span className="family-list__village">{f.village}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : null}
            {open.hiddenDeclared > 0 ? (
              <p className="muted">{t('conflicts.hiddenKept', { count: open.hiddenDeclared })}</p>
            ) : null}
            <div className="form-actions">
              {open.families.length > 0 ? (
                <button type="submit" name="intent" value={INTENT.save} className="button">
                  {t('conflicts.save')}
                </button>
              ) : null}
              <button
                type="submit"
                name="intent"
                value={INTENT.none}
                className="button button--secondary"
              >
                {t('conflicts.none')}
              </button>
            </div>
          </Form>
        </>
      ) : null}
    </div>
  );
}
