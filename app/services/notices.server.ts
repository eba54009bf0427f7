import crypto from 'node:crypto';
import type { Tx } from '~db/client';
import type { Locale, User } from '~db/schema/people';
import { renderEmail, type EmailTemplate, type NoticeKind } from '~emails/layout';
import { fixedT } from '~/i18n/i18n.server';
import { insertOutboxMail } from '~/models/outbox.server';
import type { MailAttachment } from '~db/schema/mail';
import { env } from '~/utils/env.server';

export type NoticeRecipient = Pick<
  User,
  'id' | 'name' | 'email' | 'locale' | 'contactByEmail' | 'contactOnlyViaFacilitator'
>;

export type { NoticeKind };

/**
 * The safe-contact choice, the one function every path asks (sending a notice, counting who
 * hears her result by e-mail, telling a facilitator whom to visit): why she may not be e-mailed
 * this kind of notice, or null if she may. "account" notices (a reset link she asked for, an
 * invitation) go to her address whatever she chose; "programme" notices respect her choice,
 * because someone at home may read her mail.
 */
export function withheldReason(recipient: NoticeRecipient, kind: NoticeKind) {
  if (!recipient.email) return 'no-address' as const;
  if (kind === 'account') return null;
  if (recipient.contactOnlyViaFacilitator) return 'via-facilitator-only' as const;
  if (!recipient.contactByEmail) return 'no-email-contact' as const;
  return null;
}

/** May this person (if any) be sent a programme notice by e-mail? The same rule, as a yes/no. */
export function mayEmailProgrammeNotice(recipient: NoticeRecipient | undefined): boolean {
  return recipient !== undefined && withheldReason(recipient, 'programme') === null;
}

/**
 * Writes a notice to the outbox inside the caller's transaction, rendered in the recipient's
 * language. Returns the row; a withheld notice is kept (status "withheld") so staff can see
 * that the person has to be told another way.
 */
export function queueNotice<Params>(
  tx: Tx,
  notice: {
    recipient: NoticeRecipient;
    template: EmailTemplate<Params>;
    params: Params;
    /** The template says which kind it is; a caller that also says so must agree. */
    kind?: NoticeKind;
    /** Not sent before this time (a reminder); by default as soon as the worker runs. */
    notBefore?: Date;
    /** Files sent with it, e.g. an iCalendar invitation. */
    attachments?: MailAttachment[];
    /** Groups notices a later change may drop (see dropPendingMail). */
    jobKey?: string;
    /** The household the notice names; required by a template that `namesFamily`. */
    householdId?: number;
    /** The time of the change that writes the notice; by default the clock. */
    now?: Date;
  },
) {
  const { recipient, template, params } = notice;
  if (notice.kind && notice.kind !== template.kind) {
    throw new Error(`Notice "${template.name}" is a ${template.kind} notice, not ${notice.kind}`);
  }
  if (template.namesFamily && notice.householdId === undefined) {
    throw new Error(`Notice "${template.name}" names a family: give its householdId`);
  }
  const kind = template.kind;
  const locale: Locale = recipient.locale;
  const rendered = renderEmail(template, params, fixedT(locale), locale);
  const reason = withheldReason(recipient, kind);
  const now = notice.now ?? new Date();
  const notBefore = notice.notBefore && notice.notBefore > now ? notice.notBefore : null;
  return insertOutboxMail(tx, {
    messageId: `<${crypto.randomUUID()}@${env.appUrl.hostname}>`,
    recipientUserId: recipient.id,
    toAddress: recipient.email,
    toName: recipient.name,
    locale,
    template: template.name,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    status: reason ? 'withheld' : 'pending',
    withheldReason: reason,
    notBefore,
    nextAttemptAt: notBefore ?? now,
    attachments: notice.attachments?.length ? notice.attachments : null,
    jobKey: notice.jobKey ?? null,
    householdId: notice.householdId ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

/** An absolute link into the portal, for e-mails. */
export function appLink(pathAndQuery: string): string {
  return new URL(pathAndQuery, env.appUrl).toString();
}
