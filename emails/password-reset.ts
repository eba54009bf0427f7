import { defineEmail } from './layout';

export const passwordResetEmail = defineEmail<{ name: string; url: string; validMinutes: number }>({
  name: 'password-reset',
  kind: 'account',
  compose: (t, p) => ({
    subject: t('email:passwordReset.subject'),
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('email:passwordReset.body') },
      { kind: 'button', label: t('email:passwordReset.action'), url: p.url },
      { kind: 'note', text: t('email:passwordReset.expiry', { count: p.validMinutes }) },
      { kind: 'note', text: t('email:passwordReset.notYou') },
    ],
  }),
});
