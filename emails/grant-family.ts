import { defineEmail } from './layout';

/** Her grant agreement is ready: she comes to sign it and brings her identity document. */
export const agreementReadyEmail = defineEmail<{ name: string; reference: string; url: string }>({
  name: 'agreement-ready',
  kind: 'programme',
  sensitive: [],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('grantFamily:email.agreementBody') },
      { kind: 'paragraph', text: t('grantFamily:email.agreementBring') },
      { kind: 'button', label: t('grantFamily:email.action'), url: p.url },
    ],
  }),
});

/** Staff checked her purchases: the next tranche may now be paid. */
export const receiptsAcceptedEmail = defineEmail<{ name: string; reference: string; url: string }>({
  name: 'receipts-accepted',
  kind: 'programme',
  sensitive: [],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('grantFamily:email.acceptedBody') },
      { kind: 'paragraph', text: t('grantFamily:email.acceptedNext') },
      { kind: 'button', label: t('grantFamily:email.action'), url: p.url },
    ],
  }),
});

/** Staff need more receipts or photos, and say why. */
export const receiptsMoreNeededEmail = defineEmail<{
  name: string;
  reference: string;
  reason: string;
  url: string;
}>({
  name: 'receipts-more-needed',
  kind: 'programme',
  sensitive: ['reason'],
  compose: (t, p) => ({
    reference: p.reference,
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('grantFamily:email.moreBody') },
      { kind: 'paragraph', text: t('grantFamily:email.moreNext') },
      { kind: 'code', text: p.reason },
      { kind: 'button', label: t('grantFamily:email.action'), url: p.url },
    ],
  }),
});
