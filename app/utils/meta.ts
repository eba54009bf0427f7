import type { MetaFunction } from '@remix-run/node';

/** Page titles come translated from the loader (`pageTitle`), so `meta` needs no i18n. */
export const titleFromLoader: MetaFunction = ({ data }) => {
  const pageTitle = (data as { pageTitle?: unknown } | undefined)?.pageTitle;
  return [{ title: typeof pageTitle === 'string' ? `${pageTitle} · Ishenim` : 'Ishenim' }];
};
