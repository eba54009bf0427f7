import { defineEmail } from './layout';

/** Tells the owner her password changed, so a change she did not make is noticed. */
export const passwordChangedEmail = defineEmail<{ name: string; url: string }>({
  name: 'password-changed',
  kind: 'account',
  compose: (t, p) => ({
    subject: t('email:passwordChanged.subject'),
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('email:passwordChanged.body') },
      { kind: 'note', text: t('email:passwordChanged.notYou') },
      { kind: 'button', label: t('email:passwordChanged.action'), url: p.url },
    ],
  }),
});
