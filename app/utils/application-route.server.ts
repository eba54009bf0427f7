// Loading an application from a URL for the person asking: anything she may not see is a 404,
// so a family cannot even learn that another family's application exists.
import { applicationFor, type ApplicationContext } from '~/services/applications.server';
import type { SessionUser } from './session.server';

export function notFound(): Response {
  return new Response('Not Found', { status: 404, statusText: 'Not Found' });
}

export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!/^\d{1,10}$/.test(value ?? '') || !Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

/** The application, if the actor may see it (family, her facilitator, staff); else 404. */
export function applicationOr404(actor: SessionUser, applicationId: string | undefined) {
  const context = applicationFor(actor, idParam(applicationId));
  if (!context) throw notFound();
  return context;
}

/** The application, if the actor may type into it (the family, or her facilitator); else 404. */
export function editableApplicationOr404(
  actor: SessionUser,
  applicationId: string | undefined,
): ApplicationContext {
  const context = applicationOr404(actor, applicationId);
  if (context.access !== 'owner' && context.access !== 'facilitator') throw notFound();
  return context;
}
