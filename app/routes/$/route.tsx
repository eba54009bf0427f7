import type { RouteAccess } from '~/utils/permissions';

// Every address that no other route knows. Answering it here, rather than leaving it to Remix's
// "no match", runs the root loader: the 404 page is in the person's own language and keeps her
// header (name, navigation) instead of showing a visitor's page in the browser's language.
export const handle: RouteAccess = { access: 'public' };

export async function loader() {
  throw new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

/** Never rendered (the loader always throws); it makes this a page route, so the root's error page shows. */
export default function NotFoundPage() {
  return null;
}
