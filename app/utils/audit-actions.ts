// Every action the audit log records, so each has a label in ky/ru/en (admin:audit.actions.*) and
// the log's filter can offer them all without reading the table.
export const AUDIT_ACTIONS = [
  'user.signed-up',
  'user.signed-in',
  'user.signed-out',
  'user.password-changed',
  'user.password-reset-requested',
  'user.password-reset',
  'user.password-issued-by-helper',
  'user.invited',
  'user.invitation-resent',
  'user.invitation-accepted',
  'user.roles-changed',
  'user.disabled',
  'user.enabled',
  'user.settings-changed',
  'user.locale-changed',
  'household.registered',
  'household.registered-by-facilitator',
  'household.updated',
  'household.consent-recorded',
  'household.data-downloaded',
  'household.list-exported',
  'household.anonymised',
  'household.anonymised-on-request',
  'anonymisation.run',
  'household-import.uploaded',
  'household-import.committed',
  'household-import.discarded',
  'competition.created',
  'competition.updated',
  'competition.status-changed',
  'competition.announced',
  'application.started',
  'application.started-on-behalf',
  'application.draft-saved',
  'application.attachment-added',
  'application.attachment-removed',
  'application.submitted',
  'application.withdrawn',
  'application.screened',
  'application.decided',
  'application.feedback-written',
  'application.place-offered',
  'application.award-declined',
  'application.award-withdrawn',
  'application.publish-consent-changed',
  'application.result-told-in-person',
  'application.results-list-exported',
  'round.created',
  'round.updated',
  'round.jurors-set',
  'round.normalisation-changed',
  'round.opened',
  'round.closed',
  'round.assigned',
  'round.assignment-moved',
  'round.reminded',
  'round.advanced',
  'round.conflicts-declared',
  'round.recused',
  'round.assignments-exported',
  'round.jurors-exported',
  'score.saved',
  'score.submitted',
  'score.reopened',
  'grant.created',
  'grant.cancelled',
  'grant.plan-changed',
  'grant.signed',
  'grant.identity-recorded',
  'grant.scan-attached',
  'grant.agreement-ready-told',
  'tranche.receipts-verified',
  'tranche.receipt-line-saved',
  'tranche.receipts-submitted',
  'tranche.receipts-more-needed',
  'money.requested',
  'money.approved',
  'money.rejected',
  'consultation-booking.booked',
  'consultation-booking.waitlisted',
  'consultation-booking.promoted',
  'consultation-booking.cancelled',
  'consultation-booking.moved',
  'consultation-slot.cancelled',
  'consultation-slot.changed',
  'consultation-slot.published',
  'consultation-slot.agenda-exported',
  'consultation-booking.attendance-recorded',
  'consultation-booking.advice-written',
  'training.session-created',
  'training.session-updated',
  'training.session-cancelled',
  'training.attendance-recorded',
  'grant.completed',
  'baseline.recorded',
  'visit.scheduled',
  'visit.recorded',
  'visit.draft-saved',
  'visit.list-exported',
  'safeguarding.flagged',
  'safeguarding.resolved',
  'family-report.sent',
  'family-report.read',
  'family-report.exported',
  'decision-board.exported',
  'outbox.exported',
  'audit.key-introduced',
  'audit.checkpointed',
  'audit.lines-redacted',
  'setting.changed',
  'demo.user-created',
  'demo.household-created',
  'demo.application-created',
  'demo.competition-created',
  'demo.competition-updated',
  'demo.rounds-created',
  'demo.round-closed',
  'demo.training-created',
  'demo.outcomes-created',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The kinds of record a line is about, each with a label and, where one exists, a page. */
export const AUDIT_ENTITY_TYPES = [
  'user',
  'household',
  'household-import',
  'competition',
  'application',
  'round',
  'score',
  'grant',
  'consultation-booking',
  'consultation-slot',
  'training-session',
  'visit',
  'audit',
  'setting',
  'outbox',
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export function isAuditEntityType(value: string): value is AuditEntityType {
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);
}

/** The page an admin opens to see the record a line is about, if the record has one. */
export function auditEntityPath(entityType: string, entityId: string | null): string | null {
  if (entityType === 'setting') return '/admin/settings';
  if (entityType === 'outbox') return '/staff/outbox';
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  switch (entityType) {
    case 'user':
      return `/admin/users/${entityId}`;
    case 'household':
      return `/households/${entityId}`;
    case 'household-import':
      return `/households/import/${entityId}`;
    case 'competition':
      return `/staff/competitions/${entityId}`;
    case 'application':
      return `/staff/applications/${entityId}`;
    case 'round':
      return `/staff/rounds/${entityId}`;
    case 'grant':
      return `/staff/grants/${entityId}`;
    case 'consultation-slot':
      return `/consultant/slots/${entityId}`;
    case 'training-session':
      return `/training/${entityId}`;
    case 'visit':
      return `/visits/${entityId}`;
    default:
      return null;
  }
}
