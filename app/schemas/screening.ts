// The screening list's query (filters, search, sort, page) and its bulk decision form.
// Client-safe: the page builds its sort and export links from the same query.
import { z } from 'zod';
import { APPLICATION_STATUSES, SECTORS, type ApplicationStatus, type Sector } from './enums';
import { multiValue, optionalText, rowId } from './fields';

/** Drafts belong to the family until submitted: staff filter among the other statuses. */
export const SCREENING_STATUSES = APPLICATION_STATUSES.filter(
  (status): status is Exclude<ApplicationStatus, 'draft'> => status !== 'draft',
);

export const SCREENING_SORTS = ['name', 'reference', 'submitted'] as const;
export type ScreeningSort = (typeof SCREENING_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export type ScreeningQuery = {
  competitionId?: number;
  localityId?: number;
  status?: Exclude<ApplicationStatus, 'draft'>;
  sector?: Sector;
  q: string;
  sort: ScreeningSort;
  dir: SortDirection;
};

function positiveId(value: string | null): number | undefined {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** Reads the query from a URL; anything unknown is ignored rather than refused. */
export function screeningQueryFrom(params: URLSearchParams): ScreeningQuery {
  return {
    competitionId: positiveId(params.get('competition')),
    localityId: positiveId(params.get('locality')),
    status: oneOf(SCREENING_STATUSES, params.get('status')),
    sector: oneOf(SECTORS, params.get('sector')),
    q: (params.get('q') ?? '').trim().slice(0, 100),
    sort: oneOf(SCREENING_SORTS, params.get('sort')) ?? 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query as URL parameters (defaults left out), for links that keep the filters. */
export function screeningQuerySearch(
  query: ScreeningQuery,
  change: Partial<ScreeningQuery> = {},
): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  if (merged.competitionId) params.set('competition', String(merged.competitionId));
  if (merged.localityId) params.set('locality', String(merged.localityId));
  if (merged.status) params.set('status', merged.status);
  if (merged.sector) params.set('sector', merged.sector);
  if (merged.q) params.set('q', merged.q);
  if (merged.sort !== 'name') params.set('sort', merged.sort);
  if (merged.dir !== 'asc') params.set('dir', merged.dir);
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** Several applications decided at once, from the checkboxes of the screening list. */
export const bulkScreeningSchema = z
  .object({
    ids: multiValue(rowId()).pipe(
      z.array(z.number()).min(1, 'screening:errors.chooseApplications').max(500),
    ),
    decision: z.enum(['eligible', 'ineligible'], { error: 'validation.chooseDecision' }),
    reason: optionalText(1000),
  })
  .refine((v) => v.decision !== 'ineligible' || v.reason.length > 0, {
    path: ['reason'],
    message: 'validation.reasonRequired',
  });

export type BulkScreeningInput = z.output<typeof bulkScreeningSchema>;
