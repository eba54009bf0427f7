import { defineEmail } from './layout';

export const applicationSubmittedEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  reference: string;
  title: string;
  requestedAmount: string;
  url: string;
}>({
  name: 'application-submitted',
  kind: 'programme',
  sensitive: ['competitionTitle', 'title', 'requestedAmount'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:applicationSubmitted.body', { competition: p.competitionTitle }),
      },
      { kind: 'code', text: p.reference },
      {
        kind: 'paragraph',
        text: t('email:applicationSubmitted.summary', {
          title: p.title,
          amount: p.requestedAmount,
        }),
      },
      { kind: 'paragraph', text: t('email:applicationSubmitted.next') },
      { kind: 'button', label: t('email:applicationSubmitted.action'), url: p.url },
    ],
  }),
});
