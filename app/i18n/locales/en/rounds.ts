export default {
  title: 'Jury rounds',
  status: {
    draft: 'In preparation',
    open: 'Open for scoring',
    closed: 'Closed',
  },
  languages: {
    ky: 'Kyrgyz',
    ru: 'Russian',
    en: 'English',
  },
  criteria: {
    number: 'Criterion {{number}}',
  },
  list: {
    title: 'Jury rounds',
    none: 'No jury round yet.',
    columns: {
      name: 'Round',
      status: 'Status',
      dates: 'Scoring (competition time)',
      progress: 'Progress',
    },
    applications_one: '{{count}} application',
    applications_other: '{{count}} applications',
    jurors_one: '{{count}} juror',
    jurors_other: '{{count}} jurors',
    progress_one: '{{submitted}} of {{count}} score submitted',
    progress_other: '{{submitted}} of {{count}} scores submitted',
    create: 'Create a jury round',
    notReady:
      'Jury rounds can be created once the competition has stopped taking applications (screening).',
  },
  form: {
    newTitle: 'New jury round',
    editTitle: 'Settings of “{{name}}”',
    defaultName: 'Round {{number}}',
    poolFirst:
      'Round {{number}} scores the applications found eligible in screening: those eligible when the jurors are assigned.',
    poolLater: 'Round {{number}} scores the applications advanced from the round before it.',
    notReady:
      'This competition is still taking applications. Move it to screening first; then its jury rounds can be set up.',
    create: 'Create the round',
    save: 'Save the settings',
    editRemovesAssignment:
      'Jurors are already assigned. Saving new settings removes the assignment: assign again afterwards.',
    notEditable:
      'This round has started: its settings and criteria can no longer change, so that every juror scores by the same rules.',
    name: 'Name of the round',
    nameIn: 'Name of the round in {{language}}',
    nameHint:
      'What the round judges; the number is added by itself, e.g. “business ideas” shows as “Round 1: business ideas”. Jurors see it in their e-mails and on their list, in their language when it is written.',
    criteriaTitle: 'Criteria',
    criteriaHint:
      'A juror gives each criterion from 0 to its maximum points. Her total out of 100 weighs each criterion by its weight: Σ weight × points ÷ maximum, divided by Σ weight. Write each title in at least one language; jurors read their own language when it is there.',
    criteriaAtLeastOne: 'Add at least one criterion.',
    criterionTitle: 'Title in {{language}}',
    criterionDescription: 'What to look for, in {{language}}',
    maxPoints: 'Maximum points',
    weight: 'Weight',
    removeCriterion: 'Remove criterion {{number}}',
    addCriterion: 'Add a criterion',
    juryTitle: 'Jury',
    jurorsPerApplication: 'Jurors per application',
    jurorsPerApplicationHint:
      'Every application is scored by this many jurors; the loads of the jurors differ by at most one.',
    isBlind: 'Blind scoring',
    isBlindHint:
      'Jurors see the idea, the budget, the sector and the region — never names, contacts, addresses or household members.',
    excludeOwnLocality: 'No juror scores a family from her own village or town',
    excludeOwnLocalityHint:
      'A juror who lives in the same place as the family is never assigned to its application.',
    disagreementThreshold: 'Flag a disagreement above (points of 100)',
    disagreementThresholdHint:
      'When the totals of an application’s jurors differ by more than this, the ranking flags it for discussion. Usually 25.',
    datesTitle: 'Scoring time',
    opensAt: 'Scoring opens',
    closesAt: 'Scoring closes',
    timeHint: 'On the competition’s clock: {{zone}}.',
  },
  page: {
    title: 'Round {{number}}: {{name}}',
    status: 'Status:',
    yes: 'Yes',
    no: 'No',
    settingsTitle: 'Settings',
    jurorsPerApplication: 'Jurors per application',
    blind: 'Blind scoring',
    excludeOwnLocality: 'Not from the juror’s own village',
    opensAt: 'Scoring opens',
    closesAt: 'Scoring closes',
    timeZone: 'Time zone',
    threshold: 'Disagreement flag',
    thresholdValue_one: 'above {{count}} point',
    thresholdValue_other: 'above {{count}} points',
    normalisation: 'Normalisation',
    normalisationOn: 'On: ranked by the normalised score',
    normalisationOff: 'Off: ranked by the mean of the jurors’ totals',
    closedAt: 'Closed',
    edit: 'Change the settings and criteria',
    ranking: 'Open the ranking',
    criteriaTitle: 'Criteria',
    criterion: 'Criterion',
    maxPoints: 'Maximum',
    weight: 'Weight',
    poolTitle: 'Applications',
    poolFirst_one: '{{count}} eligible application is scored in this round.',
    poolFirst_other: '{{count}} eligible applications are scored in this round.',
    poolLater_one: '{{count}} application advanced from the round before is scored in this round.',
    poolLater_other:
      '{{count}} applications advanced from the round before are scored in this round.',
    unassigned_one:
      '{{count}} application has become eligible since the jurors were assigned and has no jurors: assign again.',
    unassigned_other:
      '{{count}} applications have become eligible since the jurors were assigned and have no jurors: assign again.',
  },
  done: {
    created: 'The round is created. Now choose its jurors.',
    saved: 'The settings are saved.',
    jurors_one:
      'Saved: the round has {{count}} juror. Each declares her conflicts before assignment.',
    jurors_other:
      'Saved: the round has {{count}} jurors. Each declares her conflicts before assignment.',
    assigned_one: 'Jurors assigned: {{count}} assignment.',
    assigned_other: 'Jurors assigned: {{count}} assignments.',
    moved: 'The assignment is moved.',
    opened_one: 'The round is open. {{count}} juror is being sent her assignments by e-mail.',
    opened_other: 'The round is open. {{count}} jurors are being sent their assignments by e-mail.',
    reminded_one: 'Reminder sent to {{count}} juror.',
    reminded_other: 'Reminder sent to {{count}} jurors.',
    remindedNone: 'Every juror has submitted all her scores: nobody needed a reminder.',
    closed: 'The round is closed: nobody can score any more, and the ranking is final.',
    reopened:
      'The score is reopened. The juror can correct it and submit it again; she sees your reason.',
  },
  jurors: {
    title: 'Jurors',
    noAccounts: 'Nobody has the juror role yet. An administrator can invite jurors.',
    choose: 'Jurors of this round',
    chooseHint: 'Tick the people who score this round.',
    chooseHintAssigned:
      'Tick the people who score this round. Changing the jurors removes the assignment: assign again afterwards.',
    save: 'Save the jurors',
    none: 'No juror chosen yet.',
    caption: 'Jurors, their conflict declarations and their progress',
    columns: {
      juror: 'Juror',
      village: 'Lives in',
      declaration: 'Conflicts declared',
      assigned: 'Assigned',
      submitted: 'Submitted',
    },
    declaredOn: 'Declared on',
    conflicts_one: '{{count}} family she knows',
    conflicts_other: '{{count}} families she knows',
    notYet: 'Not yet',
  },
  assign: {
    title: 'Assignment',
    intro_one:
      'One action assigns {{count}} juror to every application: loads differ by at most one, nobody gets a family she declared a conflict with, and the same input always gives the same assignment. If the rules cannot all be met, nothing is assigned and you see why.',
    intro_other:
      'One action assigns {{count}} jurors to every application: loads differ by at most one, nobody gets a family she declared a conflict with, and the same input always gives the same assignment. If the rules cannot all be met, nothing is assigned and you see why.',
    again: 'Assigning again replaces the assignment below, including any moves made by hand.',
    button: 'Assign the jurors',
    buttonAgain: 'Assign again',
    refused: {
      declarationsPending_one:
        'Nothing was assigned: {{count}} juror has not declared her conflicts yet.',
      declarationsPending_other:
        'Nothing was assigned: {{count}} jurors have not declared their conflicts yet.',
      declarationsPendingHint:
        'Ask them to open Scoring and declare the families they know (or that they know none).',
      constraints: 'Nothing was assigned: the rules cannot all be met.',
      constraintsHint:
        'Add jurors to the round, or lower the number of jurors per application, then assign again.',
      'not-found': 'This round does not exist.',
      'not-draft': 'This round has started: its assignment can no longer be made again.',
      'no-criteria': 'Nothing was assigned: the round has no criteria yet.',
      'no-applications': 'Nothing was assigned: the round has no applications to score.',
    },
    problem: {
      notEnoughJurors_one: 'The round has {{count}} juror, but each application needs {{needed}}.',
      notEnoughJurors_other:
        'The round has {{count}} jurors, but each application needs {{needed}}.',
      tooFewJurors_one: 'only {{count}} juror may score it; it needs {{needed}}.',
      tooFewJurors_other: 'only {{count}} jurors may score it; it needs {{needed}}.',
      excluded: {
        conflict: '{{name}} declared a conflict: she knows this family.',
        'own-locality': '{{name}} lives in {{village}}, the family’s own village.',
      },
      cannotBalance_one:
        '{{name}} may score only {{count}} application, but for even loads every juror needs at least {{minimum}}.',
      cannotBalance_other:
        '{{name}} may score only {{count}} applications, but for even loads every juror needs at least {{minimum}}.',
      cannotBalanceOverall:
        'The applications cannot be shared so that the loads differ by at most one (every juror needs at least {{minimum}}).',
    },
  },
  assignment: {
    none: 'No juror is assigned yet.',
    caption: 'Each application of the round with its jurors',
    columns: {
      application: 'Application',
      village: 'Village',
      jurors: 'Jurors',
      submitted: 'Scores',
    },
    recused: '{{name}} stepped back',
    submittedOf_one: '{{submitted}} of {{count}} submitted',
    submittedOf_other: '{{submitted}} of {{count}} submitted',
    whichAssignment: '{{name}} on {{reference}}',
    score: {
      none: 'not started',
      draft: 'draft',
      submitted: 'submitted',
      reopened: 'reopened',
    },
    movedByStaff: 'moved by staff',
    reopenReason: 'Reopened: {{reason}}',
  },
  move: {
    summary: 'Move',
    to: 'Give this application to',
    button: 'Move',
    refused: {
      conflict: 'Not moved: {{name}} declared a conflict with the family of {{reference}}.',
      'own-locality':
        'Not moved: {{name}} lives in {{village}}, where the family of {{reference}} lives, and this round excludes jurors from the family’s own village.',
      'already-assigned': 'Not moved: {{name}} already scores {{reference}}.',
      'not-a-juror': 'Not moved: {{name}} is not a juror of this round.',
      'round-closed': 'Not moved: the round is closed.',
      'score-submitted':
        'Not moved: this juror has already submitted her score of {{reference}}. Reopen it first if it must change.',
      'not-found': 'Not moved: this assignment no longer exists.',
    },
  },
  reopen: {
    summary: 'Reopen the score',
    reason: 'Why it must be corrected',
    reasonHint: 'The juror reads this. It is kept in the audit log.',
    button: 'Reopen for correction',
  },
  running: {
    title: 'Running the round',
    progress_one: '{{submitted}} of {{count}} score submitted.',
    progress_other: '{{submitted}} of {{count}} scores submitted.',
    assignFirst: 'Assign the jurors first; then the round can be opened.',
    open: 'Open the round for scoring',
    openConfirm_one:
      'Opening e-mails {{count}} juror her assignments, in her language. After that the settings, criteria and jurors can no longer change. Open now?',
    openConfirm_other:
      'Opening e-mails each of the {{count}} jurors her assignments, in her language. After that the settings, criteria and jurors can no longer change. Open now?',
    openButton: 'Yes, open the round',
    pending_one: '{{count}} juror still has scores to submit.',
    pending_other: '{{count}} jurors still have scores to submit.',
    nonePending: 'Every juror has submitted all her scores.',
    remind: 'Send them a reminder',
    close: 'Close the round',
    closeConfirm_one:
      '{{count}} score is not submitted yet and will not count. After closing, nobody can score and the ranking is final. Close now?',
    closeConfirm_other:
      '{{count}} scores are not submitted yet and will not count. After closing, nobody can score and the ranking is final. Close now?',
    closeConfirmAll:
      'Every score is submitted. After closing, nobody can score and the ranking is final. Close now?',
    closeButton: 'Yes, close the round',
    closed: 'The round is closed: nobody can score any more.',
  },
  errors: {
    'not-draft': 'This round has already been opened.',
    'not-assigned': 'Assign the jurors before opening the round.',
    'not-open': 'This round is not open for scoring.',
    reopen: {
      'not-submitted': 'This score is not submitted: there is nothing to reopen.',
      'round-closed': 'The round is closed: its scores are final.',
    },
    advance: {
      'not-closed': 'Close the round before advancing applications from it.',
      'nothing-chosen': 'No application was advanced: none of them has a score.',
    },
  },
  ranking: {
    title: 'Ranking — round {{number}}: {{name}}',
    done: {
      'normalised-on': 'Normalisation is on: the order now follows the normalised score.',
      'normalised-off': 'Normalisation is off: the order follows the mean of the jurors’ totals.',
      advanced_one: '{{count}} application advanced: it is now shortlisted.',
      advanced_other: '{{count}} applications advanced: they are now shortlisted.',
    },
    provisional:
      'The round is still open: this ranking counts the scores submitted so far and may change.',
    methodTitle: 'How the order is made',
    methodTotal:
      'Each juror’s total is out of 100: every criterion counts by its weight (Σ weight × points ÷ maximum, divided by Σ weight).',
    methodMean: 'Without normalisation, an application’s score is the mean of its jurors’ totals.',
    methodNormalised:
      'With normalisation, each juror’s totals are first compared with her own habits: her z-score for an application is (her total − the mean of her totals) ÷ the standard deviation of her totals. The normalised score is {{centre}} + {{perSd}} × the mean of the application’s z-scores, kept between 0 and 100. So a harsh and a lenient juror weigh the same.',
    methodFlag_one:
      'When an application’s jurors differ by more than {{count}} point, it is flagged ⚑ for discussion.',
    methodFlag_other:
      'When an application’s jurors differ by more than {{count}} points, it is flagged ⚑ for discussion.',
    methodTies:
      'Equal scores: the higher mean on the heaviest criterion goes first, then the earlier submission.',
    normalisationOn: 'Normalisation is on.',
    normalisationOff: 'Normalisation is off.',
    switchOn: 'Switch normalisation on',
    switchOff: 'Switch normalisation off',
    count_one: '{{count}} application, {{scored}} with submitted scores',
    count_other: '{{count}} applications, {{scored}} with submitted scores',
    export: 'Export',
    exportCsv: 'CSV for Excel (UTF-8)',
    exportXlsx: 'Excel workbook (XLSX)',
    advanceWhenClosed: 'Applications can be advanced once the round is closed.',
    advanceTitle: 'Advance to the next stage',
    advanceIntro:
      'Advanced applications are shortlisted and make up the next round. Advance the top of the ranking, or tick applications in the table.',
    topN: 'How many from the top',
    advanceTop: 'Advance the top ones',
    advanceChosenHint: 'Tick applications in the table to advance exactly those.',
    advanceChosen: 'Advance the ticked applications',
    captionMean: 'Ranking by the mean of the jurors’ totals (out of 100)',
    captionNormalised: 'Ranking by the normalised score (0–100)',
    columns: {
      choose: 'Choose',
      rank: 'Rank',
      reference: 'Reference',
      title: 'Business idea',
      village: 'Village',
      sector: 'Sector',
      jurors: 'Jurors’ totals',
      mean: 'Mean',
      normalised: 'Normalised',
      spread: 'Spread',
      status: 'Status',
    },
    chooseRow: 'Choose {{reference}}',
    noScores: 'No submitted score yet',
    discuss: 'discuss',
    advanced: 'Advanced',
    breakdownTitle: 'Mean points per criterion',
    breakdownIntro: 'Each cell is the mean of the points its jurors gave (not weighted).',
    ofMax_one: 'of {{count}}',
    ofMax_other: 'of {{count}}',
  },
  export: {
    sheet: 'Ranking round {{number}}',
    columns: {
      rank: 'Rank',
      reference: 'Reference',
      title: 'Business idea',
      village: 'Village or town',
      sector: 'Sector',
      jurors: 'Jurors’ totals (of 100)',
      mean: 'Mean (of 100)',
      normalised: 'Normalised score (0–100)',
      spread: 'Spread (points)',
      discuss: 'Flagged for discussion',
      advanced: 'Advanced',
      status: 'Status',
    },
    criterionColumn: '{{criterion}}: mean points of {{max}}',
    yes: 'yes',
    no: 'no',
  },
};
