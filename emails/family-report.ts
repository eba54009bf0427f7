import { defineEmail } from './layout';

/**
 * A family sent a report (to staff, in each one's language). It names the grant's reference only:
 * who she is, her figures and her question are read in the portal, never in the mail.
 */
export const familyReportReceivedEmail = defineEmail<{
  name: string;
  reference: string;
  hasQuestion: boolean;
  url: string;
}>({
  name: 'family-report-received',
  kind: 'programme',
  namesFamily: true,
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('familyReports:email.body', { reference: p.reference }) },
      ...(p.hasQuestion
        ? [{ kind: 'paragraph' as const, text: t('familyReports:email.question') }]
        : []),
      { kind: 'button', label: t('familyReports:email.action'), url: p.url },
    ],
  }),
});
