export default {
  greeting: 'Hello, {{name}}!',
  footer:
    'Ishenim — small grants for family businesses. This message was sent automatically; please do not reply to it.',
  passwordReset: {
    subject: 'Your new Ishenim password',
    body: 'Someone asked to change the password of your Ishenim account. To choose a new password, open this link:',
    action: 'Choose a new password',
    expiry_one: 'The link works once, for {{count}} minute.',
    expiry_other: 'The link works once, for {{count}} minutes.',
    notYou: 'If you did not ask for this, ignore this message: your password stays the same.',
  },
  invitation: {
    subject: 'You are invited to Ishenim',
    body: '{{inviter}} has invited you to Ishenim as: {{roles}}. To start, choose your password:',
    action: 'Choose a password',
    expiry_one: 'The link works for {{count}} day.',
    expiry_other: 'The link works for {{count}} days.',
  },
  passwordChanged: {
    subject: 'Your Ishenim password was changed',
    body: 'The password of your Ishenim account was just changed, and you were signed out on your other devices.',
    notYou: 'If you did not do this, choose a new password at once and tell the programme office.',
    action: 'Choose a new password',
  },
};
