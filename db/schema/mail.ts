import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { id, instant, timestamps } from '../columns';
import { MAIL_STATUSES, type MailStatus } from '../../app/schemas/enums';
import { households } from './households';
import { LOCALES, users } from './people';

export { MAIL_STATUSES, type MailStatus };

/**
 * A file sent with a notice (an iCalendar invitation). `method` marks a text/calendar part as
 * an invitation (iTIP REQUEST / CANCEL), so a mail app shows "add to calendar".
 */
export type MailAttachment = {
  filename: string;
  contentType: string;
  content: string;
  method?: 'REQUEST' | 'CANCEL';
};

/**
 * Every notice is written here in the same transaction as the change that causes it, already
 * rendered in the recipient's language; the delivery worker sends it later.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: id(),
    /** Stable across retries, so a receiving server can drop a duplicate. */
    messageId: text().notNull().unique(),
    recipientUserId: integer().references(() => users.id),
    toAddress: text(),
    toName: text().notNull(),
    locale: text({ enum: LOCALES }).notNull(),
    template: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    status: text({ enum: MAIL_STATUSES }).notNull().default('pending'),
    /** Why a notice was not sent: the person's safe-contact choice, or no address. */
    withheldReason: text({ enum: ['no-email-contact', 'via-facilitator-only', 'no-address'] }),
    attempts: integer().notNull().default(0),
    /**
     * A notice written now for later (a reminder due 24 h before a consultation) is not sent
     * before this time; the worker claims by `nextAttemptAt`, which starts here.
     */
    notBefore: instant(),
    nextAttemptAt: instant().notNull(),
    /** Files sent with the notice (e.g. invite.ics). */
    attachments: text({ mode: 'json' }).$type<MailAttachment[]>(),
    /**
     * Groups notices that a later change makes void, e.g. the pending reminders of one booking
     * (`booking-reminder:<id>`): moving or cancelling it drops them (status "dropped").
     */
    jobKey: text(),
    /**
     * The family a notice to someone else names (a consultant's booking notice, a facilitator's
     * visit reminder, staff's "a report came"): anonymising her household scrubs it
     * (templates marked `namesFamily` must give it; see queueNotice).
     */
    householdId: integer().references(() => households.id),
    claimedAt: instant(),
    lastError: text(),
    sentAt: instant(),
    ...timestamps,
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_recipient_idx').on(t.recipientUserId),
    index('mail_outbox_job_key_idx').on(t.jobKey, t.status),
    index('mail_outbox_household_idx').on(t.householdId),
  ],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;
