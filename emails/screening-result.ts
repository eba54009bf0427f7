import { defineEmail } from './layout';

/** Screening's answer: the application goes on to the jury, or it is not eligible and why. */
export const screeningResultEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  reference: string;
  eligible: boolean;
  reason: string;
  url: string;
}>({
  name: 'screening-result',
  kind: 'programme',
  sensitive: ['competitionTitle', 'reason'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      ...(p.eligible
        ? [
            {
              kind: 'paragraph' as const,
              text: t('email:screeningResult.eligibleBody', { competition: p.competitionTitle }),
            },
          ]
        : [
            {
              kind: 'paragraph' as const,
              text: t('email:screeningResult.ineligibleBody', { competition: p.competitionTitle }),
            },
            {
              kind: 'paragraph' as const,
              text: t('email:screeningResult.reason', { reason: p.reason }),
            },
            { kind: 'note' as const, text: t('email:screeningResult.help') },
          ]),
      { kind: 'button', label: t('email:screeningResult.action'), url: p.url },
    ],
  }),
});
