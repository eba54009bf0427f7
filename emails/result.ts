import { defineEmail } from './layout';

/** The competition's result for one family: a grant, the waiting list, or not this time. */
export const resultEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  reference: string;
  decision: 'awarded' | 'waitlisted' | 'not-selected';
  amount: string;
  waitlistPosition: number;
  feedback: string;
  /** The feedback's language by its own name, when it is not hers (else empty). */
  feedbackLanguage?: string;
  url: string;
}>({
  name: 'result',
  kind: 'programme',
  sensitive: ['competitionTitle', 'amount', 'feedback'],
  compose: (t, p) => {
    const greeting = { kind: 'paragraph' as const, text: t('email:greeting', { name: p.name }) };
    const action = { kind: 'button' as const, label: t('email:result.action'), url: p.url };
    const feedback = p.feedback
      ? [
          {
            kind: 'paragraph' as const,
            text: t('email:result.feedback', { feedback: p.feedback }),
          },
          // Staff may not yet have her language: say which it is, and who can read it with her.
          ...(p.feedbackLanguage
            ? [
                {
                  kind: 'paragraph' as const,
                  text: t('email:result.feedbackIn', { language: p.feedbackLanguage }),
                },
              ]
            : []),
        ]
      : [];
    switch (p.decision) {
      case 'awarded':
        return {
          reference: p.reference,
          blocks: [
            greeting,
            {
              kind: 'paragraph',
              text: t('email:result.awardedBody', { competition: p.competitionTitle }),
            },
            { kind: 'code', text: p.amount },
            { kind: 'paragraph', text: t('email:result.awardedNext') },
            ...feedback,
            action,
          ],
        };
      case 'waitlisted':
        return {
          reference: p.reference,
          blocks: [
            greeting,
            {
              kind: 'paragraph',
              text: t('email:result.waitlistedBody', { competition: p.competitionTitle }),
            },
            ...(p.waitlistPosition > 0
              ? [
                  {
                    kind: 'paragraph' as const,
                    text: t('email:result.waitlistedPosition', { position: p.waitlistPosition }),
                  },
                ]
              : []),
            { kind: 'paragraph', text: t('email:result.waitlistedNext') },
            ...feedback,
            action,
          ],
        };
      case 'not-selected':
        return {
          reference: p.reference,
          blocks: [
            greeting,
            {
              kind: 'paragraph',
              text: t('email:result.notSelectedBody', { competition: p.competitionTitle }),
            },
            ...feedback,
            { kind: 'note', text: t('email:result.help') },
            action,
          ],
        };
    }
  },
});

/** A place came free and goes to her, the next on the waiting list of her village. */
export const awardOfferedEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  reference: string;
  amount: string;
  url: string;
}>({
  name: 'award-offered',
  kind: 'programme',
  sensitive: ['competitionTitle', 'amount'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:awardOffered.body', { competition: p.competitionTitle }),
      },
      { kind: 'code', text: p.amount },
      { kind: 'paragraph', text: t('email:result.awardedNext') },
      { kind: 'button', label: t('email:result.action'), url: p.url },
    ],
  }),
});

/** Staff took back her award after the announcement: why, and where to turn. */
export const awardWithdrawnEmail = defineEmail<{
  name: string;
  competitionTitle: string;
  reference: string;
  reason: string;
  url: string;
}>({
  name: 'award-withdrawn',
  kind: 'programme',
  sensitive: ['competitionTitle', 'reason'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:awardWithdrawn.body', { competition: p.competitionTitle }),
      },
      { kind: 'paragraph', text: t('email:awardWithdrawn.reason', { reason: p.reason }) },
      { kind: 'note', text: t('email:awardWithdrawn.next') },
      { kind: 'button', label: t('email:result.action'), url: p.url },
    ],
  }),
});
