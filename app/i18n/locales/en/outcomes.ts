// Outcomes: the words every outcome page shares (baseline, visits, family reports, figures).
export default {
  title: 'Outcomes',
  businessStatuses: { operating: 'Operating', paused: 'Paused', closed: 'Closed' },
  agency: {
    questions: {
      ownEarnings: 'Who usually decides how the money you earn is used?',
      largePurchases: 'Who usually decides about large household purchases?',
      businessMoney: "Who usually decides about the business's money?",
    },
    /** Short names of the questions, for tables and charts. */
    short: {
      ownEarnings: 'Her own earnings',
      largePurchases: 'Large purchases',
      businessMoney: "The business's money",
    },
    answers: {
      herself: 'Herself',
      'jointly-husband': 'Jointly with her husband',
      'jointly-in-laws': 'Jointly with her in-laws',
      husband: 'Her husband',
      'parent-in-law': 'Her mother- or father-in-law',
      'someone-else': 'Someone else',
    },
    say: 'How much say do you have in household money decisions?',
    sayScale: { '1': 'None', '2': 'A little', '3': 'Some', '4': 'Much', '5': 'All' },
    askAlone: 'Ask her alone, with no one else listening.',
  },
  incomeSources: {
    wages: 'Wages',
    'crop-farming': 'Crop farming',
    livestock: 'Livestock',
    trade: 'Trade',
    remittances: 'Money from relatives working away',
    'pension-benefits': 'Pension or benefits',
    'seasonal-work': 'Seasonal work',
    other: 'Other',
  },
  assetStates: {
    'present-used': 'There and used',
    'present-unused': 'There but not used',
    partly: 'Partly there',
    missing: 'Not there',
  },
  visitMonths: { '3': '3-month visit', '6': '6-month visit', '12': '12-month visit' },
};
