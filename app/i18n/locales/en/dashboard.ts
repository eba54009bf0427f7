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
  },
  export: {
    csv: 'Download CSV',
    xlsx: 'Download Excel',
  },
};
