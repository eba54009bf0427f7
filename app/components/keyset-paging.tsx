import { Link, useLocation } from '@remix-run/react';

/**
 * Newer / older links of a list paged by keyset cursors (`after` / `before` a row id, never an
 * offset), keeping the page's other search parameters (its filters).
 */
export function KeysetPaging({
  firstId,
  lastId,
  hasNewer,
  hasOlder,
  label,
  newer,
  older,
}: {
  firstId: number | undefined;
  lastId: number | undefined;
  hasNewer: boolean;
  hasOlder: boolean;
  label: string;
  newer: string;
  older: string;
}) {
  const location = useLocation();
  if (firstId === undefined || lastId === undefined || (!hasNewer && !hasOlder)) return null;
  const hrefFor = (cursor: 'before' | 'after', id: number) => {
    const params = new URLSearchParams(location.search);
    params.delete('before');
    params.delete('after');
    params.set(cursor, String(id));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={label}>
      {hasNewer ? <Link to={hrefFor('after', firstId)}>{newer}</Link> : <span />}
      {hasOlder ? <Link to={hrefFor('before', lastId)}>{older}</Link> : <span />}
    </nav>
  );
}
