export default {
  title: 'Результаты',
  businessStatuses: { operating: 'Работает', paused: 'Приостановлен', closed: 'Закрыт' },
  agency: {
    questions: {
      ownEarnings: 'Кто обычно решает, как тратить деньги, которые вы зарабатываете?',
      largePurchases: 'Кто обычно решает о крупных покупках для семьи?',
      businessMoney: 'Кто обычно решает, как распоряжаться деньгами бизнеса?',
    },
    short: {
      ownEarnings: 'Её заработок',
      largePurchases: 'Крупные покупки',
      businessMoney: 'Деньги бизнеса',
    },
    answers: {
      herself: 'Она сама',
      'jointly-husband': 'Вместе с мужем',
      'jointly-in-laws': 'Вместе со свёкром или свекровью',
      husband: 'Муж',
      'parent-in-law': 'Свекровь или свёкор',
      'someone-else': 'Кто-то другой',
    },
    say: 'Насколько вы участвуете в решениях о деньгах семьи?',
    sayScale: { '1': 'Никак', '2': 'Немного', '3': 'Отчасти', '4': 'Во многом', '5': 'Полностью' },
    askAlone: 'Спросите её наедине, чтобы никто не слышал.',
  },
  incomeSources: {
    wages: 'Зарплата',
    'crop-farming': 'Земледелие',
    livestock: 'Животноводство',
    trade: 'Торговля',
    remittances: 'Деньги от родственников на заработках',
    'pension-benefits': 'Пенсия или пособия',
    'seasonal-work': 'Сезонная работа',
    other: 'Другое',
  },
  assetStates: {
    'present-used': 'На месте и используется',
    'present-unused': 'На месте, но не используется',
    partly: 'Частично на месте',
    missing: 'Нет на месте',
  },
  visitMonths: {
    '3': 'Визит через 3 месяца',
    '6': 'Визит через 6 месяцев',
    '12': 'Визит через 12 месяцев',
  },
};
