// Lists read a page of rows by keyset on their id, newest first: `before` an id for older rows,
// `after` an id for the newer page one came from (read oldest first, then turned round).

export type KeysetCursor = { before?: number; after?: number };

/** Whether the page is read towards newer rows (an `after` cursor alone). */
export function readsBackwards(cursor: KeysetCursor): boolean {
  return cursor.after !== undefined && cursor.before === undefined;
}

/**
 * The page from rows fetched with one more than `pageSize` (which says whether more exist
 * without counting), newest first, with whether newer and older pages exist.
 */
export function keysetPage<T>(rows: T[], pageSize: number, cursor: KeysetCursor) {
  const backwards = readsBackwards(cursor);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (backwards) page.reverse();
  return {
    rows: page,
    hasOlder: backwards ? cursor.after !== undefined : more,
    hasNewer: backwards ? more : cursor.before !== undefined,
  };
}
