// Services take the signed-in person as a SessionUser; tests build one for a factory-made user.
import type { User } from '~db/schema/people';
import { rolesOfUser } from '~/models/user.server';
import type { SessionUser } from '~/utils/session.server';

export function sessionUserOf(user: User): SessionUser {
  return { user, roles: rolesOfUser(user.id), sessionId: `test-${user.id}` };
}
