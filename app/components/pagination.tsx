import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from '~/i18n/react';

/** Previous/next links that keep the current filters; works without JavaScript. */
export function Pagination({
  page,
  pageSize,
  total,
  param = 'page',
  drop = [],
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  /** The search parameter holding the page, when a screen pages two lists. */
  param?: string;
  /** Search parameters the links leave out (a one-time success message, say). */
  drop?: string[];
  /** The navigation's accessible name, when a screen has two pagers. */
  label?: string;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    for (const name of drop) params.delete(name);
    params.set(param, String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : <span />}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : <span />}
    </nav>
  );
}

/**
 * Reads ?page= (or another parameter) safely: anything but a whole number from 1 up to the
 * largest exact one (?page=99999999999999999999 reads as 1e20, whose offset SQLite refuses
 * as a non-integer) is the first page.
 */
export function pageFromUrl(url: URL, param = 'page'): number {
  const page = Number(url.searchParams.get(param) ?? '1');
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}
