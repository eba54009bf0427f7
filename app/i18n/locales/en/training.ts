export default {
  title: 'Training sessions',
  intro:
    'Group training for the families of the programme. Create a session, then take the roll call on the day: only the people marked present count towards a competition’s required sessions.',
  topics: {
    'financial-literacy': 'Financial literacy',
    'household-budget': 'Household budget',
    'business-planning': 'Business planning',
    'preventing-family-violence': 'A safe family (preventing violence in the family)',
  },
  /**
   * The same topics on a family's own pages: a phone may be seen by others at home, so the
   * violence topic is named discreetly there (DESIGN.md, "Privacy and safety").
   */
  familyTopics: {
    'financial-literacy': 'Financial literacy',
    'household-budget': 'Household budget',
    'business-planning': 'Business planning',
    'preventing-family-violence': 'A safe family',
  },
  status: {
    scheduled: 'Planned',
    cancelled: 'Cancelled',
  },
  list: {
    filterTitle: 'Find sessions',
    village: 'Village or town',
    allVillages: 'All villages',
    topic: 'Topic',
    allTopics: 'All topics',
    from: 'From',
    to: 'To',
    filter: 'Show',
    caption: 'Training sessions, newest first',
    none: 'No training session matches.',
    count: 'Sessions found: {{count}}',
    columns: {
      date: 'Date and time',
      topic: 'Topic',
      village: 'Village',
      place: 'Place',
      present: 'Present',
      status: 'Status',
    },
  },
  form: {
    createTitle: 'New training session',
    editTitle: 'Change the session',
    topic: 'Topic',
    startsAt: 'Date and time',
    startsAtHint: 'Time in Bishkek (GMT+6).',
    minutes: 'Length in minutes',
    place: 'Place',
    placeHint: 'Where families come, e.g. “School No. 2, hall”.',
    locality: 'Village or town',
    trainerName: 'Trainer',
    create: 'Create the session',
    save: 'Save changes',
    choose: 'Choose…',
  },
  session: {
    pageTitle: 'Training session, {{date}}',
    back: 'All training sessions',
    details: 'The session',
    when: 'When',
    where: 'Where',
    village: 'Village',
    trainer: 'Trainer',
    length: 'Length',
    minutes: '{{count}} min',
    status: 'Status',
    cancelTitle: 'Cancel the session',
    cancelHint:
      'Families are not told automatically: tell them yourself. A session with a roll call cannot be cancelled.',
    cancel: 'Cancel the session',
    saved: {
      created: 'The session is created.',
      updated: 'The changes are saved.',
      cancelled: 'The session is cancelled.',
      rollCall: 'The roll call is saved: {{present}} present, {{absent}} absent.',
    },
  },
  rollCall: {
    title: 'Roll call',
    intro:
      'Tick everyone who came, then press “Save the roll call” once. People on this page who are not ticked are recorded as absent.',
    notYet: 'The roll call opens when the session starts.',
    cancelled: 'The session is cancelled: there is no roll call.',
    none: 'No family of this village is registered yet.',
    household: 'Household {{number}}: {{names}}',
    address: 'Address: {{address}}',
    present: 'Present',
    member: '{{name}}, {{relation}}, born {{year}}',
    save: 'Save the roll call',
    households: 'Households {{from}}–{{to}} of {{total}}',
  },
  errors: {
    localityNotYours: 'You can only plan sessions in your own villages.',
    localityLocked: 'The roll call has been taken: the session cannot move to another village.',
    notFound: 'This training session does not exist or is not in your villages.',
    cancelled: 'The session is cancelled.',
    hasAttendance:
      'The roll call has been taken, so the session took place: it cannot be cancelled.',
    notStarted: 'The roll call opens when the session starts.',
    notInLocality:
      'The list of families changed while you were taking the roll call. Nothing was saved: check the list and save again.',
  },
  family: {
    title: 'Training',
    intro:
      'Group training in your village. Some competitions require the person who will receive the grant to attend sessions before you send your application.',
    attendedTitle: 'Sessions attended',
    upcomingTitle: 'Next sessions in your village',
    noneAttended: 'No one of your family has been marked at a session yet.',
    noneUpcoming: 'No session is planned in your village yet. Your facilitator will tell you.',
    attendedBy: '{{date}}: {{topic}} ({{name}})',
    upcoming: '{{date}}, {{place}}: {{topic}}',
  },
};
