// Closed sets of values shared by the database schema, the forms and the pages. Client-safe:
// db/schema imports these, never the other way round.

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'withheld'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
