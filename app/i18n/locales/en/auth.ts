export default {
  kept: {
    title: 'Your text is kept',
    intro:
      'Your session had ended when you pressed the button, so it was not saved yet. Nothing is lost: check it below and send it now.',
    yourText: 'What you wrote',
    send: 'Send it now',
    discard: 'Throw it away',
    gone: 'There is nothing kept here any more: it was sent or thrown away, or its day has passed.',
    home: 'Go to the start page',
  },
  signIn: {
    title: 'Sign in',
    identifier: 'E-mail or phone number',
    identifierHint: 'The e-mail address or phone number you registered with, e.g. 0555 123 456.',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    noAccount: 'No account yet?',
    signUpLink: 'Create one',
    sessionEnded:
      'Your session ended because you were away for a while, so you were signed out to protect your data.',
    textKept:
      'What you were sending is kept, for you only, for one day. Sign in again and you can send it with one button.',
  },
  signUp: {
    title: 'Create an account',
    intro: 'For families who want to take part in a grant competition. It takes two minutes.',
    name: 'Your name',
    nameHint: 'First name and surname, as in your passport.',
    contact: 'E-mail or phone number',
    contactHint: 'You will sign in with it. A phone number is enough, e.g. 0555 123 456.',
    locality: 'Your village or town',
    localityHint: 'So that the facilitator of your village can help you.',
    localityNone: 'Not in the list',
    password: 'Password',
    passwordHint: 'At least 8 characters. A few words you remember are a good password.',
    passwordConfirm: 'Password again',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in',
  },
  forgot: {
    title: 'Forgot your password?',
    intro: 'Enter your e-mail address. We will send you a link to choose a new password.',
    email: 'E-mail address',
    submit: 'Send the link',
    sent: 'If an account uses this address, we have sent it a link. It works for one hour, once. Check your inbox and your spam folder.',
    noEmail:
      'You signed up with a phone number and have no e-mail? Ask your facilitator or the programme office: they can give you a new password.',
    back: 'Back to sign in',
  },
  setPassword: {
    title: 'Choose a new password',
    inviteTitle: 'Welcome, {{name}}',
    inviteIntro: 'Choose a password to finish setting up your account.',
    resetIntro:
      "Choose a new password for {{name}}'s account. You will be signed out everywhere else.",
    password: 'New password',
    passwordConfirm: 'New password again',
    submit: 'Save password and sign in',
    invalid:
      'This link does not work any more: it was already used, it is too old, or a newer one was sent.',
    newLink: 'Ask for a new link',
  },
};
