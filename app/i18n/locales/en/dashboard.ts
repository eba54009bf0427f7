// The programme dashboard: charts of applications, the funnel and the money, with their exports.
export default {
  title: 'Programme dashboard',
  intro: 'The programme at a glance. Every chart has its figures in a table and exports.',
  homeLink: 'Programme dashboard',
  filters: {
    legend: 'Show',
    competition: 'Competition',
    allCompetitions: 'All competitions',
    village: 'Village',
    allVillages: 'All villages',
    sector: 'Sector',
    allSectors: 'All sectors',
    apply: 'Show',
    reset: 'Clear the filters',
  },
  chart: {
    showFigures: 'Show the figures',
    noSector: 'No sector given',
    nothing: 'Nothing to show for these filters yet.',
    largest: 'Largest: {{label}}, {{value}}.',
    total: 'Total: {{value}}.',
  },
  villages: {
    title: 'Applications by village',
    description: 'Submitted applications in {{count}} villages.',
    label: 'Village',
    value: 'Applications',
  },
  sectors: {
    title: 'Applications by sector',
    description: 'Submitted applications in {{count}} sectors.',
    label: 'Sector',
    value: 'Applications',
  },
  statuses: {
    title: 'Applications by status',
    description: 'Every application, drafts included, by where it stands now.',
    label: 'Status',
    value: 'Applications',
  },
  funnel: {
    title: 'From registration to payment',
    description:
      'Of {{registered}} registered families, {{applied}} applied and {{paid}} have been paid.',
    label: 'Stage',
    value: 'Families or applications',
    note: 'Registered counts families in the villages shown (a family has no sector); the other stages count applications by the furthest stage they have reached.',
    stages: {
      registered: 'Registered families',
      applied: 'Applied',
      eligible: 'Eligible',
      shortlisted: 'Shortlisted',
      awarded: 'Awarded',
      paid: 'Paid',
    },
  },
  money: {
    title: 'Money ({{currency}})',
    description:
      'Budgeted {{budgeted}}, awarded {{awarded}}, committed {{committed}}, paid {{paid}}.',
    label: 'Money',
    value: 'Amount',
    note: 'The budget is each competition’s whole budget: it is not split by village or sector. Committed means the agreement is signed; paid is net of reversals.',
    kinds: {
      budgeted: 'Budgeted',
      awarded: 'Awarded',
      committed: 'Committed',
      paid: 'Paid',
    },
  },
  outcomes: {
    title: 'Outcomes',
    text: 'Survival, revenue, income, jobs and agency of each competition’s grants are on its outcomes page.',
    link: 'Outcomes of {{competition}}',
    choose: 'Choose a competition above to see its outcomes here.',
    scope:
      'The outcomes of all the competition’s grants, as on its outcomes page: the village and sector filters do not narrow them.',
  },
  survival: {
    title: 'Businesses surviving',
    description: 'Share of the visited businesses operating or paused. {{figures}}.',
    label: 'Visit',
    value: 'Surviving',
    exportValue: 'Surviving (%)',
    note: 'A paused business still exists and may reopen; a closed one does not survive.',
  },
  earnings: {
    title: 'Median revenue and household income ({{currency}})',
    description:
      'Median monthly household income at the baseline {{baseline}}, at 12 months {{twelve}}; median monthly revenue from the 3-month visit on.',
    label: 'When',
    sheet: 'Revenue and income',
  },
  jobs: {
    title: 'Jobs for women and men',
    description:
      'Full-time equivalents at each grant’s latest visit: women {{women}}, men {{men}} ({{count}} grants).',
    label: 'Jobs',
    value: 'Full-time equivalents',
    exportValue: 'Full-time equivalents',
    note: 'Counted at the latest recorded visit of each grant.',
  },
  agency: {
    title: 'Decides on her own earnings',
    description: 'Share answering herself or jointly. {{figures}}.',
    label: 'When',
    value: 'Share',
    exportValue: 'Share (%)',
    note: 'Of the women asked who decides how the money they earn is used.',
  },
  export: {
    csv: 'Download CSV',
    xlsx: 'Download Excel',
  },
};
