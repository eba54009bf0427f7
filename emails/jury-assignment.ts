import { defineEmail } from './layout';

export const juryAssignmentEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  roundName: string;
  count: number;
  closesAt: string;
  url: string;
}>('jury-assignment', (t, p) => ({
  subject: t('email:juryAssignment.subject', { round: p.roundName }),
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
    { kind: 'paragraph', text: t('email:juryAssignment.deadline', { closesAt: p.closesAt }) },
    { kind: 'button', label: t('email:juryAssignment.action'), url: p.url },
  ],
}));
