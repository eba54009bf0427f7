import { checkDatabase } from '~/models/health.server';
import type { RouteAccess } from '~/utils/permissions';

export const handle: RouteAccess = { access: 'public' };

/** 200 when the database answers; for load balancers and uptime checks. */
export async function loader() {
  try {
    checkDatabase();
    return new Response('ok', {
      headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
    });
  } catch {
    return new Response('database unavailable', {
      status: 503,
      headers: { 'Cache-Control': 'no-store' },
    });
  }
}
