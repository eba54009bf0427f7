import { defineEmail } from './layout';

export const invitationEmail = defineEmail<{
  name: string;
  inviterName: string;
  roles: string;
  url: string;
  validDays: number;
}>({
  name: 'invitation',
  kind: 'account',
  compose: (t, p) => ({
    subject: t('email:invitation.subject'),
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      {
        kind: 'paragraph',
        text: t('email:invitation.body', { inviter: p.inviterName, roles: p.roles }),
      },
      { kind: 'button', label: t('email:invitation.action'), url: p.url },
      { kind: 'note', text: t('email:invitation.expiry', { count: p.validDays }) },
    ],
  }),
});
