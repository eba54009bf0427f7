import crypto from 'node:crypto';
import type { Tx } from '~db/client';
import type { Locale, User } from '~db/schema/people';
import { renderEmail, type EmailTemplate } from '~emails/layout';
import { fixedT } from '~/i18n/i18n.server';
import { insertOutboxMail } from '~/models/outbox.server';
import { env } from '~/utils/env.server';

export type NoticeRecipient = Pick<
  User,
  'id' | 'name' | 'email' | 'locale' | 'contactByEmail' | 'contactOnlyViaFacilitator'
>;

/**
 * "account" notices are the ones a person needs to get into her own account (a reset link she
 * asked for, an invitation): they go to her address whatever she chose. "programme" notices
 * (results, bookings, reminders) respect her safe-contact choice, because someone at home may
 * read her mail.
 */
export type NoticeKind = 'account' | 'programme';

export function withheldReason(recipient: NoticeRecipient, kind: NoticeKind) {
  if (!recipient.email) return 'no-address' as const;
  if (kind === 'account') return null;
  if (recipient.contactOnlyViaFacilitator) return 'via-facilitator-only' as const;
  if (!recipient.contactByEmail) return 'no-email-contact' as const;
  return null;
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
    kind: NoticeKind;
  },
) {
  const { recipient, template, params, kind } = notice;
  const locale: Locale = recipient.locale;
  const rendered = renderEmail(template, params, fixedT(locale), locale);
  const reason = withheldReason(recipient, kind);
  const now = new Date();
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
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  });
}

/** An absolute link into the portal, for e-mails. */
export function appLink(pathAndQuery: string): string {
  return new URL(pathAndQuery, env.appUrl).toString();
}
