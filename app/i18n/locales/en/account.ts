export default {
  settings: {
    title: 'Account settings',
    welcome: 'Welcome, {{name}}! Your account is ready. Please check how we may contact you.',
    saved: 'Your settings are saved.',
    passwordSaved: 'Your password is changed. You were signed out on your other devices.',
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone number',
    phoneHint: 'Optional. Only used to call you if you allow it below.',
    phoneSignInHint: 'You sign in with this number.',
    language: 'Language',
    contactTitle: 'How may we contact you safely?',
    contactIntro:
      'If someone else at home reads your messages, choose to hear from us only through your facilitator.',
    contactByEmail: 'You may send me e-mails',
    noEmailHint: 'Your account has no e-mail address.',
    contactByPhone: 'You may call me or send me text messages',
    contactOnlyViaFacilitator: 'Contact me only through my facilitator',
    contactOnlyViaFacilitatorHint:
      'We will send you no e-mails about the programme; your facilitator will tell you in person.',
    submit: 'Save settings',
    changePasswordLink: 'Change your password',
  },
  password: {
    title: 'Change password',
    intro: 'After the change, you are signed out on every other phone or computer.',
    current: 'Current password',
    new: 'New password',
    hint: 'At least 8 characters.',
    confirm: 'New password again',
    submit: 'Change password',
  },
};
