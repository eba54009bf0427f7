import { defineEmail } from './layout';

/** A new family's first word from the programme: what to do next, where to get help, a lost password. */
export const welcomeEmail = defineEmail<{ name: string; url: string }>({
  name: 'welcome',
  // A programme notice: it says she takes part, so it honours her safe-contact choice.
  kind: 'programme',
  compose: (t, p) => ({
    blocks: [
      { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
      { kind: 'paragraph', text: t('email:welcome.body') },
      { kind: 'paragraph', text: t('email:welcome.next') },
      { kind: 'paragraph', text: t('email:welcome.help') },
      { kind: 'note', text: t('email:welcome.reset') },
      { kind: 'button', label: t('email:welcome.action'), url: p.url },
    ],
  }),
});
