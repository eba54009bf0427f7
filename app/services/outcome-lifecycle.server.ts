// The end of a competition's life (DESIGN.md, lifecycle): decided → disbursing (first payment,
// disbursement.server.ts) → monitoring (every live grant fully paid) → closed (every live grant
// completed, i.e. its 12-month visit recorded; or staff close it early with a reason). One
// function moves it, called inside the transaction of whatever may have finished the last step.
import { writeTransaction, type Tx } from '~db/client';
import { appendAudit } from '~/models/audit.server';
import { findCompetition, updateCompetitionRow } from '~/models/competition.server';
import { grantProgressOf } from '~/models/grant-progress.server';
import type { CompetitionStatus } from '~/schemas/enums';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';

type Actor = { userId: number | null; ipAddress: string | null };

function moveCompetition(
  tx: Tx,
  competitionId: number,
  from: CompetitionStatus,
  to: CompetitionStatus,
  actor: Actor,
  reason: string | null = null,
) {
  updateCompetitionRow(
    tx,
    competitionId,
    to === 'closed' ? { status: to, closedAt: new Date() } : { status: to },
  );
  appendAudit(tx, {
    actorUserId: actor.userId,
    action: 'competition.status-changed',
    entityType: 'competition',
    entityId: competitionId,
    before: { status: from },
    after: reason ? { status: to, reason } : { status: to },
    ipAddress: actor.ipAddress,
  });
}

/**
 * Moves a disbursing competition to monitoring once every live grant is fully paid, and a
 * monitoring one to closed once every live grant is completed. Call it after a payment is posted
 * and after a visit completes a grant; it does nothing when the step is not finished.
 */
export function advanceCompetitionLifecycle(tx: Tx, competitionId: number, actor: Actor) {
  const competition = findCompetition(competitionId, tx);
  if (!competition) return;
  let status = competition.status;
  const progress = grantProgressOf(competitionId, tx);
  if (progress.live === 0) return;
  if (status === 'disbursing' && progress.fullyPaid === progress.live) {
    moveCompetition(tx, competitionId, 'disbursing', 'monitoring', actor);
    status = 'monitoring';
  }
  if (status === 'monitoring' && progress.completed === progress.live) {
    moveCompetition(tx, competitionId, 'monitoring', 'closed', actor);
  }
}

export type CloseRefusal = 'not-found' | 'not-closable' | 'reason-required';

/**
 * Staff close a disbursing or monitoring competition before every grant is completed (a family
 * left, a business ended early), saying why; the reason is kept in the audit log.
 */
export function closeCompetition(
  request: Request,
  staff: SessionUser,
  competitionId: number,
  reason: string,
): { ok: true } | { ok: false; error: CloseRefusal } {
  const why = reason.trim();
  if (!why) return { ok: false, error: 'reason-required' };
  return writeTransaction((tx) => {
    const competition = findCompetition(competitionId, tx);
    if (!competition) return { ok: false, error: 'not-found' } as const;
    if (competition.status !== 'disbursing' && competition.status !== 'monitoring')
      return { ok: false, error: 'not-closable' } as const;
    moveCompetition(
      tx,
      competitionId,
      competition.status,
      'closed',
      { userId: staff.user.id, ipAddress: clientIp(request) },
      why,
    );
    return { ok: true } as const;
  });
}
