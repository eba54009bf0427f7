import { defineEmail } from './layout';

export const juryReminderEmail = defineEmail<{
  name: string;
  roundName: string;
  pending: number;
  closesAt: string;
  url: string;
}>('jury-reminder', (t, p) => ({
  subject: t('email:juryReminder.subject', { round: p.roundName }),
  blocks: [
    { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
    {
      kind: 'paragraph',
      text: t('email:juryReminder.body', { count: p.pending, round: p.roundName }),
    },
    { kind: 'paragraph', text: t('email:juryAssignment.deadline', { closesAt: p.closesAt }) },
    { kind: 'button', label: t('email:juryAssignment.action'), url: p.url },
  ],
}));
