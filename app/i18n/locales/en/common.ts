export default {
  form: {
    required: '(required)',
    requiredNote: 'Fields marked “(required)” must be filled in; the others may wait.',
    requiredNoteDraft:
      'Fields marked “(required)” are needed before you send your application; the others may wait. You can save this step at any time and come back.',
  },
  session: {
    warning_one:
      'You will be signed out in {{count}} minute, as nothing has been sent for a while.',
    warning_other:
      'You will be signed out in {{count}} minutes, as nothing has been sent for a while.',
    stay: 'Stay signed in',
    ended: 'Your session has ended. What you send now is kept for you: sign in again to send it.',
  },
  skipToContent: 'Skip to main content',
  footer: {
    tagline: "Ishenim — small grants that turn a family's business idea into a working business.",
  },
  language: {
    switcher: 'Language',
  },
  account: {
    menu: 'Your account',
    settings: 'Account settings',
    changePassword: 'Change password',
    signOut: 'Sign out',
    signIn: 'Sign in',
  },
  nav: {
    label: 'Main',
    home: 'Home',
    families: 'Families',
    outbox: 'Outbox',
    users: 'People',
    audit: 'Audit log',
    competitions: 'Competitions',
    household: 'My family',
    myApplications: 'My applications',
    staffCompetitions: 'Competitions',
    applications: 'Applications',
    jury: 'Scoring',
    results: 'Results to tell',
  },
  roles: {
    applicant: 'Applicant family',
    facilitator: 'Facilitator',
    juror: 'Juror',
    consultant: 'Consultant',
    staff: 'Programme staff',
    admin: 'Administrator',
  },
  pagination: {
    label: 'Pages',
    previous: '← Previous',
    next: 'Next →',
    status: 'Page {{page}} of {{pages}}',
  },
  home: {
    title: 'Home',
    greeting: 'Hello, {{name}}',
    passwordSet: 'Your password is set and you are signed in.',
    visitor: {
      title: "A small grant for your family's business",
      lead: 'Ishenim helps families who receive social benefits start a business of their own: training, free advice, a grant in the name of the daughter-in-law, and support for a year.',
      stepsLabel: 'How it works',
      steps: {
        training: {
          title: '1. Training',
          body: 'Learn to plan the household budget and keep money safe.',
        },
        consultation: {
          title: '2. Free advice',
          body: 'A business adviser helps you shape your idea and its budget.',
        },
        apply: {
          title: '3. Apply',
          body: 'Write your idea here, on your phone, in Kyrgyz, Russian or English. Save and come back at any time.',
        },
        grant: {
          title: '4. The grant',
          body: 'A jury scores every idea fairly. Winners receive the grant in instalments.',
        },
        followUp: {
          title: '5. A year of support',
          body: 'Visits after 3, 6 and 12 months help the business grow.',
        },
      },
      signUp: 'Create an account',
      signIn: 'Sign in',
      noInternet:
        "No e-mail or internet? The programme's facilitator in your village can register your family and apply with you.",
    },
    applicant: {
      title: 'Your application',
      body: 'When a competition opens, you will be able to apply here. Until then, make sure we can reach you safely.',
      contactTitle: 'How we contact you',
      contactViaFacilitator:
        'Only through your facilitator. We send you no e-mails about the programme.',
      contactEmailAndPhone: 'By e-mail and by phone.',
      contactEmail: 'By e-mail only.',
      contactPhone: 'By phone only.',
      contactNone:
        'You have not allowed any way to contact you. Your facilitator will tell you the news.',
      contactChange: 'Change how we contact you',
    },
    families: {
      title: 'Families',
      body_one: '{{count}} family you can help.',
      body_other: '{{count}} families you can help.',
      link: 'Open the list of families',
    },
    juror: {
      title: 'Scoring',
      body: 'No applications have been assigned to you yet. You will get an e-mail when a round opens.',
    },
    consultant: {
      title: 'Consultations',
      body: 'You have no consultation slots yet.',
    },
    outbox: {
      title: 'Outbox',
      pending_one: '{{count}} message waiting to be sent.',
      pending_other: '{{count}} messages waiting to be sent.',
      failed_one: '{{count}} could not be delivered.',
      failed_other: '{{count}} could not be delivered.',
      link: 'Open the outbox',
    },
    admin: {
      title: 'Administration',
      body_one: '{{count}} account.',
      body_other: '{{count}} accounts.',
      users: 'People and roles',
      invite: 'Invite someone',
      audit: 'Audit log',
    },
  },
  relations: {
    head: 'Head of household',
    spouse: 'Spouse',
    'daughter-in-law': 'Daughter-in-law (kelin)',
    son: 'Son',
    daughter: 'Daughter',
    'mother-in-law': 'Mother-in-law',
    'father-in-law': 'Father-in-law',
    other: 'Other relative',
  },
  sexes: {
    female: 'Woman',
    male: 'Man',
  },
  sectors: {
    'crop-farming': 'Crop farming',
    livestock: 'Livestock',
    sewing: 'Sewing',
    'baking-food': 'Baking and food',
    trade: 'Trade',
    services: 'Services',
    crafts: 'Crafts',
    other: 'Other',
  },
  applicationStatuses: {
    draft: 'Draft',
    submitted: 'Submitted',
    eligible: 'Eligible',
    ineligible: 'Not eligible',
    'in-review': 'With the jury',
    shortlisted: 'Shortlisted',
    awarded: 'Grant awarded',
    waitlisted: 'On the waiting list',
    'not-selected': 'Not selected',
    withdrawn: 'Withdrawn',
  },
};
