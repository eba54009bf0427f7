export default {
  title: 'Results',
  family: {
    title: 'Your result',
    announcedOn: 'The results were announced on {{date}}.',
    actingFor:
      'You are acting for this family. Read her result to her, and make the choices below only as she asks.',
    feedbackIn:
      'Written in {{language}}: there is no text in your language yet. Your facilitator can read it with you.',
    feedbackTitle: 'What the programme says about your application',
    publicLink: 'See the public results of the competition',
    awarded: {
      lead: 'Congratulations! Your application has won a grant.',
      amount: 'Your grant',
      nextTitle: 'What happens next',
      agreement:
        'Your facilitator will call you to agree a day to sign the grant agreement. The grant holder signs it herself; bring her passport.',
      payment:
        'The money is paid in parts: the first part after signing, the next after your purchases are checked.',
      consultations:
        "The programme's consultants give free consultations to help you plan your purchases and start your business. Your facilitator will tell you when and where.",
    },
    waitlisted: {
      lead: 'Your application is on the waiting list.',
      position: 'Your place on the waiting list',
      meaning:
        'All the grants of this competition are given for now. If a winning family in your village gives up her grant, the place goes to the next family on the waiting list of the same village, and we tell her at once. You have nothing to do now.',
    },
    notSelected: {
      lead: 'This time your application did not receive a grant.',
      encourage:
        'Many families win on their second try. Training and free consultations stay open to you, and you may apply to the next competition.',
    },
    declined: {
      lead: 'You declined the grant on {{date}}.',
      reason: 'Your reason: {{reason}}',
      next: 'The place goes to the next family on the waiting list of your village. Thank you for telling us in time.',
    },
    withdrawn: {
      lead: 'The programme withdrew the grant on {{date}}.',
      reason: 'The reason: {{reason}}',
    },
    help: {
      title: 'Where to get help',
      intro: 'If you have a question about your result, or want to improve your idea, ask:',
      facilitator: '{{name}}, facilitator in your village',
      phone: 'phone {{phone}}',
      office: 'the programme office: your facilitator gives you its address and opening hours.',
    },
  },
  consent: {
    title: 'Your name on the public results',
    intro:
      'The programme publishes the results on a page that anyone can read, and may print it in the newspaper. It shows how many families won, in which villages and in which kinds of business. It shows your name only if you agree.',
    shows: 'If you agree, the page shows exactly this:',
    never:
      'Never your surname, the people of your family, your income, your benefits or your address.',
    legend: 'May we show your first name, the first letter of your surname and your village?',
    yes: 'Yes, show it',
    no: 'No, do not show my name',
    nowYes: 'Now: your name is shown.',
    nowNo: 'Now: your name is not shown.',
    change: 'You can change your choice at any time.',
    save: 'Save my choice',
    saved: 'Your choice is saved.',
  },
  decline: {
    title: 'Decline the grant',
    intro:
      'If your family cannot use the grant, you can give it up. The place then goes to the next family on the waiting list of your village. This cannot be undone.',
    reason: 'Why do you decline? (you may leave this empty)',
    reasonHint: 'Only the programme reads it; it helps us improve.',
    confirm: 'I understand that I give up the grant of {{amount}} and cannot take it back.',
    submit: 'Decline the grant',
    done: 'You have declined the grant.',
  },
  withdrawPaused:
    'The programme is taking its decisions now. To withdraw your application, speak to your facilitator.',
  errors: {
    confirmDecline: 'Tick the box to confirm that you decline the grant.',
    chooseConsent: 'Choose yes or no.',
    declineRefused: 'The grant can no longer be declined here. Speak to your facilitator.',
  },
  tell: {
    title: 'Results to tell in person',
    intro:
      'These families cannot get their result by e-mail. Visit or call each of them, tell her the result as written here, then mark it as told.',
    none: 'No result is waiting to be told.',
    todoTitle: 'To tell',
    doneTitle: 'Told',
    noneTodo: 'You have told every family. Thank you.',
    family: 'Family',
    village: 'Village',
    phone: 'Phone',
    noPhone: 'No phone: visit her',
    competition: 'Competition',
    reference: 'Application',
    result: 'Result',
    exportAmount: 'Grant amount',
    exportPosition: 'Place on the waiting list',
    exportToldOn: 'Told on',
    whatToSay: 'What to tell her',
    sayAwarded:
      'Her application won a grant of {{amount}}. You will call her to sign the grant agreement; the money is paid in parts, the first after signing.',
    sayWaitlisted:
      'Her application is number {{position}} on the waiting list of her village. If a place comes free, it is offered to her in turn.',
    sayNotSelected:
      'This time her application did not win. She may apply again; training and consultations stay open to her.',
    feedback: 'Read her the programme’s words: “{{feedback}}”',
    markTold: 'Mark as told',
    toldOn: 'Told on {{date}}',
    toldDone: 'Marked as told: {{family}}.',
    notFound: 'This result is not on your list any more.',
  },
  public: {
    title: 'Results: {{competition}}',
    announcedOn: 'Announced on {{date}}',
    thanks: 'Congratulations to the families who won, and thank you to every family who applied.',
    figuresTitle: 'In numbers',
    applications: 'Applications received',
    winners: 'Families awarded a grant',
    totalAwarded: 'Total awarded',
    byVillageTitle: 'Winners by village',
    bySectorTitle: 'Winners by kind of business',
    village: 'Village',
    sector: 'Kind of business',
    count: 'Winners',
    noSector: 'Not given',
    namedTitle: 'Winners who agreed to be named',
    namedIntro:
      'Only the winners who agreed are named: first name, the first letter of the surname and the village.',
    noneNamed: 'No winner has asked to be named.',
    name: 'Name',
    print: 'Print',
    back: 'Back to the competition',
    link: 'The results are announced: see who won',
  },
};
