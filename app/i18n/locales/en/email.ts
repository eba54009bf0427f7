export default {
  brand: 'Ishenim',
  notice: {
    subject: 'Ishenim: new message — {{reference}}',
    subjectNoReference: 'Ishenim: new message',
    preview: 'You have a new message from Ishenim.',
    opening:
      'You have a new message from the Ishenim programme. The details are below; you can also read them on your page in Ishenim after you sign in. If someone else may read your mail, your facilitator can change how we contact you.',
  },
  timeInZone: '{{time}} ({{zone}})',
  zones: { bishkek: 'Bishkek time', almaty: 'Almaty time' },
  welcome: {
    body: 'Welcome to Ishenim! Your account is ready.',
    next: 'What next: sign in to Ishenim, register your household, then choose an open competition and write your idea. You can save your application at any step and come back later.',
    help: 'If you need help, ask your facilitator or call the programme office.',
    reset:
      'If you forget your password, choose "Forgot your password?" on the sign-in page: we will send you a link to choose a new one.',
    action: 'Sign in to Ishenim',
  },
  greeting: 'Hello, {{name}}!',
  footer: 'Ishenim. This message was sent automatically; please do not reply to it.',
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
  applicationSubmitted: {
    body: 'Thank you! Your application to "{{competition}}" has been received. Its number is:',
    summary: 'Your idea: {{title}}. You ask for {{amount}}.',
    next: 'The programme staff will check it and write to you. Keep this number: you can quote it when you call.',
    action: 'See your application',
  },
  screeningResult: {
    eligibleBody:
      'Good news: your application to "{{competition}}" meets the conditions. The jury will now score it.',
    ineligibleBody:
      'We checked your application to "{{competition}}". Unfortunately it does not meet the conditions of this competition.',
    reason: 'The reason: {{reason}}',
    help: 'If you have questions, ask your facilitator or call the programme office. You can still take part in training and consultations.',
    action: 'See your application',
  },
  juryAssignment: {
    body_one: 'You have {{count}} application to score in "{{round}}" of {{competition}}.',
    body_other: 'You have {{count}} applications to score in "{{round}}" of {{competition}}.',
    deadline: 'Please submit your scores by {{closesAt}}.',
    action: 'Open your applications',
  },
  juryReminder: {
    body_one: '{{count}} of your scores in "{{round}}" is not submitted yet.',
    body_other: '{{count}} of your scores in "{{round}}" are not submitted yet.',
  },
  result: {
    action: 'See your application',
    feedback: 'From the programme: {{feedback}}',
    feedbackIn:
      'Written in {{language}}: there is no text in your language yet. Your facilitator can read it with you.',
    awardedBody:
      'Congratulations! Your application to "{{competition}}" has been awarded a grant of:',
    awardedNext:
      'Your facilitator will call you to sign the grant agreement. The money is paid in parts: the first after signing. The programme’s consultants give free consultations to help you plan your purchases and start your business.',
    waitlistedBody:
      'Your application to "{{competition}}" was well scored, but the grants of this round are taken. It is on the waiting list.',
    waitlistedPosition: 'Your place on the waiting list of your village: {{position}}.',
    waitlistedNext:
      'If a place in your village comes free, it is offered to the next family on the list, and we will write to you at once.',
    notSelectedBody:
      'Thank you for taking part in "{{competition}}". This time your application did not receive a grant.',
    help: 'Your facilitator and the programme office can help you improve your idea; training and free consultations stay open to you, and you may apply to the next competition.',
  },
  awardWithdrawn: {
    body: 'The programme has withdrawn the grant awarded to your application to "{{competition}}".',
    reason: 'The reason: {{reason}}',
    next: 'If you think this is a mistake, talk to your facilitator or the programme office.',
  },
  awardOffered: {
    body: 'A place has come free in "{{competition}}", and it goes to your family, the next on the waiting list. Your grant:',
  },
  booking: {
    familyBooked: 'Your free business consultation is booked.',
    familyPromoted:
      'A place has come free, and the consultation you were waiting for is now yours.',
    familyMoved: 'Your consultation has been moved to a new time.',
    familyCancelled: 'Your consultation has been cancelled.',
    familyReminder: 'A reminder: your consultation is tomorrow.',
    consultantBooked: 'A family has booked a consultation with you.',
    consultantPromoted: 'A family from the waiting list now has a place at your consultation.',
    consultantMoved: 'A consultation with you has been moved to a new time.',
    consultantCancelled: 'A consultation with you has been cancelled.',
    consultantReminder: 'A reminder: you have a consultation tomorrow.',
    when: 'When: {{time}}, {{minutes}} min.',
    wasWhen: 'It was planned for {{time}}.',
    withConsultant: 'Consultant: {{name}}.',
    family: 'Family: {{name}} ({{locality}}).',
    inPerson: 'Where: {{place}}, {{locality}}.',
    byPhone: 'By phone: {{phone}}.',
    byPhoneNoNumber: 'By phone: the consultant will call you.',
    online: 'Online: {{link}}',
    helpWith: 'What she wants help with: {{helpWith}}',
    calendar: 'The invitation is attached: open it to add the consultation to your calendar.',
    cancelHint:
      'If you cannot come, cancel or move it on your page in Ishenim, so that another family can take the place.',
    cancelledNext: 'You can book another time on your page in Ishenim.',
    action: 'See your consultations',
    consultantAction: 'Open your agenda',
  },
  bookingInvite: {
    summary: 'Consultation: {{name}}',
    description: 'Free business consultation (Ishenim). Details: {{url}}',
    byPhone: 'By phone: {{phone}}',
  },
};
