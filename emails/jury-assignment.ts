import { defineEmail, formatNoticeTime } from './layout';

export const juryAssignmentEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  roundName: string;
  count: number;
  closesAt: Date;
  timeZone: string;
  url: string;
}>({
  name: 'jury-assignment',
  kind: 'programme',
  sensitive: ['competitionTitle', 'roundName'],
  compose: (t, p, locale) => ({
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:juryAssignment.body', {
          count: p.count,
          round: p.roundName,
          competition: p.competitionTitle,
        }),
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
