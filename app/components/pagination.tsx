import { Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Previous/next links that keep the current filters; works without JavaScript. */
export function Pagination({
  page,
  pageSize,
  total,
}: {
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set('page', String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : <span />}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : <span />}
    </nav>
  );
}

/** Reads ?page= safely. */
export function pageFromUrl(url: URL): number {
  const page = Number(url.searchParams.get('page') ?? '1');
  return Number.isInteger(page) && page > 0 ? page : 1;
}
