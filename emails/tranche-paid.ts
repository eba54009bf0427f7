import type { PaymentMethod } from '../app/schemas/grant-enums';
import { defineEmail } from './layout';

/** A tranche of her grant was paid: how much, how and when (after the second staff approved it). */
export const tranchePaidEmail = defineEmail<{
  name: string;
  reference: string;
  amount: string;
  method: PaymentMethod;
  date: string;
  url: string;
}>({
  name: 'tranche-paid',
  kind: 'programme',
  sensitive: ['amount'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('grants:email.paidBody') },
      { kind: 'paragraph', text: t('grants:email.paidNext') },
      { kind: 'code', text: t('grants:email.paidAmount', { amount: p.amount }) },
      {
        kind: 'paragraph',
        text: t('grants:email.paidMethod', { method: t(`grants:methods.${p.method}`) }),
      },
      { kind: 'paragraph', text: t('grants:email.paidDate', { date: p.date }) },
      { kind: 'button', label: t('grants:email.action'), url: p.url },
    ],
  }),
});
