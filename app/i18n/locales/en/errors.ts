export default {
  validation: {
    required: 'Please fill in this field.',
    tooLong: 'This is too long.',
    invalid: 'This value is not valid.',
    passwordTooShort: 'The password needs at least 8 characters.',
    passwordsDiffer: 'The two passwords are not the same.',
    emailOrPhone: 'Enter an e-mail address (name@example.com) or a phone number (0555 123 456).',
    email: 'Enter an e-mail address like name@example.com.',
    identityDocument:
      "Enter the document's number: an ID card is ID and 7 digits (ID1234567), a passport two letters and 7 digits (AN1234567).",
    phone: 'Enter a phone number like 0555 123 456 or +996 555 123 456.',
    chooseRole: 'Choose at least one role.',
    facilitatorNeedsLocality: 'A facilitator needs at least one village or town.',
    dateTime: 'Enter a date and time.',
    date: 'Enter a date.',
    money: 'Enter an amount in numbers, e.g. 15000 or 15 000,50.',
    positive: 'The amount must be more than zero.',
    referencePrefix: 'Use 2 to 6 Latin letters, e.g. TJ.',
    wholeNumber: 'Enter a whole number, e.g. 3.',
    tooLarge: 'This number is too large.',
    chooseOne: 'Choose at least one.',
    chooseLocality: 'Choose at least one village or town.',
    titleWithAmount: 'Leave sums of money out of the title: it shows in browser tabs and history.',
    titleInOneLanguage: 'Write the title in at least one language.',
    maxBelowMin: 'The largest grant cannot be smaller than the smallest.',
    maxAboveBudget: 'The largest grant cannot be more than the whole budget.',
    closesBeforeOpens: 'The closing time must come after the opening time.',
    timezone: 'Choose a time zone.',
    birthYear: 'Enter the year of birth, e.g. 1995.',
    atLeastOneMember: 'Add at least one person of the household.',
    tooMany: 'There are too many rows.',
    registerNumberNeeded: 'Enter the number in the register of social benefits.',
    phoneForAccount: "A sign-in needs the family's phone number.",
    quantity: 'Enter how many, at least 1.',
    chooseDecision: 'Choose eligible or not eligible.',
    reasonRequired: 'Write the reason: the family will read it.',
  },
  auth: {
    throttled:
      'Too many wrong passwords for this account. For its safety, wait a few minutes and try again, or sign in on a phone or computer you have signed in on before, or ask for a new password.',
    invalidCredentials: 'The e-mail or phone number, or the password, is not right.',
    contactTaken:
      'An account already uses this e-mail or phone number. Sign in, or ask for a new password.',
    linkInvalid: 'This link does not work any more. Ask for a new one.',
    wrongPassword: 'This is not your current password.',
  },
  account: {
    phoneTaken: 'Another account already uses this phone number.',
  },
  admin: {
    emailTaken: 'An account with this e-mail already exists.',
    'own-admin-role':
      'You cannot take away your own administrator role. Ask another administrator.',
    'facilitator-needs-locality': 'A facilitator needs at least one village or town.',
    cannotDisableSelf: 'You cannot disable your own account.',
    cannotResend: 'This person has already set a password, or the account is disabled.',
  },
  page: {
    home: 'Go to the home page',
    forbidden: {
      title: 'This page is not for your role',
      body: 'Your account cannot open this page. If you think it should, ask the programme office.',
    },
    notFound: {
      title: 'Page not found',
      body: 'The address may be mistyped, or the page was moved.',
    },
    tooMany: {
      title: 'Too many attempts',
      body: 'Please wait a few minutes and try again.',
    },
    badRequest: {
      title: 'The form could not be read',
      body: 'What was sent is not a form this page can read, or it is too large. Go back, check the form and send it again.',
    },
    serverError: {
      title: 'Something went wrong',
      body: 'Nothing you sent was lost. Please try again in a moment.',
    },
  },
  competition: {
    currencyLocked: 'Applications already exist in this currency; it cannot change now.',
    prefixTaken:
      'Another competition opening the same year already uses this prefix; references would repeat. Choose another.',
  },
  household: {
    registerNumberTaken: 'This register number cannot be used. Please ask your facilitator.',
    localityNotYours: 'You can only register families of your own villages.',
    phoneTaken: 'An account already uses this phone number.',
    beneficiaryCannotBeRemoved:
      'This person holds the grant of a submitted application and cannot be removed.',
  },
};
