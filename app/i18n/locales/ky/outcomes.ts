export default {
  title: 'Натыйжалар',
  businessStatuses: { operating: 'Иштеп жатат', paused: 'Токтотулган', closed: 'Жабылган' },
  agency: {
    questions: {
      ownEarnings: 'Сиз тапкан акчаны эмнеге жумшоону көбүнчө ким чечет?',
      largePurchases: 'Үй-бүлөнүн ири сатып алууларын көбүнчө ким чечет?',
      businessMoney: 'Бизнестин акчасын көбүнчө ким башкарат?',
    },
    short: {
      ownEarnings: 'Өзү тапкан акча',
      largePurchases: 'Ири сатып алуулар',
      businessMoney: 'Бизнестин акчасы',
    },
    answers: {
      herself: 'Өзү',
      'jointly-husband': 'Күйөөсү менен бирге',
      'jointly-in-laws': 'Кайненеси же кайнатасы менен бирге',
      husband: 'Күйөөсү',
      'parent-in-law': 'Кайненеси же кайнатасы',
      'someone-else': 'Башка бирөө',
    },
    say: 'Үй-бүлөнүн акча чечимдерине канчалык катышасыз?',
    sayScale: { '1': 'Такыр', '2': 'Бир аз', '3': 'Жарым-жартылай', '4': 'Көп', '5': 'Толук' },
    askAlone: 'Аны жалгыз сураңыз, эч ким укпасын.',
  },
  incomeSources: {
    wages: 'Айлык акы',
    'crop-farming': 'Дыйканчылык',
    livestock: 'Мал чарбачылыгы',
    trade: 'Соода',
    remittances: 'Иштеп жүргөн туугандардан келген акча',
    'pension-benefits': 'Пенсия же жөлөкпул',
    'seasonal-work': 'Мезгилдик жумуш',
    other: 'Башка',
  },
  assetStates: {
    'present-used': 'Бар жана колдонулат',
    'present-unused': 'Бар, бирок колдонулбайт',
    partly: 'Жарым-жартылай бар',
    missing: 'Жок',
  },
  visitMonths: { '3': '3 айлык баруу', '6': '6 айлык баруу', '12': '12 айлык баруу' },
};
