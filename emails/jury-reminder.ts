import { defineEmail, formatNoticeTime } from './layout';

export const juryReminderEmail = defineEmail<{
  name: string;
  roundName: string;
  pending: number;
  closesAt: Date;
  timeZone: string;
  url: string;
}>({
  name: 'jury-reminder',
  kind: 'programme',
  sensitive: ['roundName'],
  compose: (t, p, locale) => ({
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:juryReminder.body', { count: p.pending, round: p.roundName }),
      },
      {
        kind: 'paragraph',
        text: t('email:juryAssignment.deadline', {
          closesAt: formatNoticeTime(t, p.closesAt, locale, p.timeZone),
        }),
      },
      { kind: 'button', label: t('email:juryAssignment.action'), url: p.url },
    ],
  }),
});
