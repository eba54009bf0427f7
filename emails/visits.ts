import { defineEmail } from './layout';

/**
 * A monitoring visit falls due in a week: to each facilitator of the family's village. Names the
 * family, the visit and the day — never what an earlier visit found, and no safeguarding word.
 */
export const visitDueEmail = defineEmail<{
  name: string;
  reference: string;
  familyName: string;
  village: string;
  month: 3 | 6 | 12;
  dueOn: string;
  url: string;
}>({
  name: 'visit-due',
  kind: 'programme',
  namesFamily: true,
  sensitive: ['familyName'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('visits:email.dueBody') },
      {
        kind: 'paragraph',
        text: t('visits:email.dueWhat', {
          visit: t(`outcomes:visitMonths.${p.month}`),
          family: p.familyName,
          village: p.village,
          date: p.dueOn,
        }),
      },
      { kind: 'button', label: t('visits:email.dueAction'), url: p.url },
    ],
  }),
});

/** Her facilitator visited and wrote down how the business is going: thanks, and where to see it. */
export const visitRecordedEmail = defineEmail<{
  name: string;
  reference: string;
  month: 3 | 6 | 12;
  url: string;
}>({
  name: 'visit-recorded',
  kind: 'programme',
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('visits:email.recordedBody', { visit: t(`outcomes:visitMonths.${p.month}`) }),
      },
      { kind: 'paragraph', text: t('visits:email.recordedNext') },
      { kind: 'button', label: t('visits:email.recordedAction'), url: p.url },
    ],
  }),
});
