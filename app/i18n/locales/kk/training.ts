// PLACEHOLDER — replaced by the translation
export default {
  title: 'Окутуу сабактары',
  intro:
    'Программанын үй-бүлөлөрү үчүн топтук окутуу. Сабак түзүңүз, анан сабак күнү катышкандарды белгилеңиз: конкурстун милдеттүү сабактарына белгиленгендер гана эсептелет.',
  topics: {
    'financial-literacy': 'Финансылык сабаттуулук',
    'household-budget': 'Үй-бүлө бюджети',
    'business-planning': 'Бизнес пландоо',
    'preventing-family-violence': 'Коопсуз үй-бүлө (үй-бүлөдөгү зомбулуктун алдын алуу)',
  },
  /**
   * The same topics on a family's own pages: a phone may be seen by others at home, so the
   * violence topic is named discreetly there (DESIGN.md, "Privacy and safety").
   */
  familyTopics: {
    'financial-literacy': 'Финансылык сабаттуулук',
    'household-budget': 'Үй-бүлө бюджети',
    'business-planning': 'Бизнес пландоо',
    'preventing-family-violence': 'Коопсуз үй-бүлө',
  },
  status: {
    scheduled: 'Пландалган',
    cancelled: 'Жокко чыгарылды',
  },
  list: {
    filterTitle: 'Сабактарды табуу',
    village: 'Айыл же шаар',
    allVillages: 'Бардык айылдар',
    topic: 'Тема',
    allTopics: 'Бардык темалар',
    from: 'Баштап',
    to: 'Чейин',
    filter: 'Көрсөтүү',
    caption: 'Окутуу сабактары, жаңылары биринчи',
    none: 'Ылайыктуу сабак жок.',
    count: 'Табылган сабактар: {{count}}',
    columns: {
      date: 'Күнү жана убактысы',
      topic: 'Тема',
      village: 'Айыл',
      place: 'Орду',
      present: 'Катышкандар',
      status: 'Абалы',
    },
  },
  form: {
    createTitle: 'Жаңы окутуу сабагы',
    editTitle: 'Сабакты өзгөртүү',
    topic: 'Тема',
    startsAt: 'Күнү жана убактысы',
    startsAtHint: 'Бишкек убактысы (GMT+6).',
    minutes: 'Узактыгы (мүнөт)',
    place: 'Орду',
    placeHint: 'Үй-бүлөлөр келе турган жер, мисалы «№ 2 мектеп, жыйындар залы».',
    locality: 'Айыл же шаар',
    trainerName: 'Тренер',
    create: 'Сабакты түзүү',
    save: 'Өзгөртүүлөрдү сактоо',
    choose: 'Тандаңыз…',
  },
  session: {
    pageTitle: 'Окутуу сабагы, {{date}}',
    back: 'Бардык окутуу сабактары',
    details: 'Сабак',
    when: 'Качан',
    where: 'Кайда',
    village: 'Айыл',
    trainer: 'Тренер',
    length: 'Узактыгы',
    minutes: '{{count}} мүн.',
    status: 'Абалы',
    cancelTitle: 'Сабакты жокко чыгаруу',
    cancelHint:
      'Үй-бүлөлөргө автоматтык түрдө билдирилбейт: өзүңүз айтыңыз. Катышуу белгиленген сабакты жокко чыгарууга болбойт.',
    cancel: 'Сабакты жокко чыгаруу',
    saved: {
      created: 'Сабак түзүлдү.',
      updated: 'Өзгөртүүлөр сакталды.',
      cancelled: 'Сабак жокко чыгарылды.',
      rollCall: 'Катышуу сакталды: {{present}} катышты, {{absent}} катышкан жок.',
    },
  },
  rollCall: {
    title: 'Катышууну белгилөө',
    intro:
      'Келгендердин баарын белгилеп, «Катышууну сактоо» баскычын бир жолу басыңыз. Бул барактагы белгиленбеген адамдар катышкан жок деп жазылат.',
    notYet: 'Сабак башталганда катышууну белгилөөгө болот.',
    cancelled: 'Сабак жокко чыгарылган: катышуу белгиленбейт.',
    none: 'Бул айылда азырынча катталган үй-бүлө жок.',
    household: '{{number}}-үй-бүлө: {{names}}',
    address: 'Дареги: {{address}}',
    present: 'Катышты',
    member: '{{name}}, {{relation}}, {{year}}-жылы туулган',
    save: 'Катышууну сактоо',
    households: '{{total}} үй-бүлөнүн {{from}}–{{to}}',
  },
  errors: {
    localityNotYours: 'Сабактарды өзүңүздүн айылдарыңызда гана пландай аласыз.',
    localityLocked: 'Катышуу белгиленип калган: сабакты башка айылга көчүрүүгө болбойт.',
    notFound: 'Мындай окутуу сабагы жок же ал сиздин айылдарыңызда эмес.',
    cancelled: 'Сабак жокко чыгарылган.',
    hasAttendance: 'Катышуу белгиленген, демек сабак өттү: аны жокко чыгарууга болбойт.',
    notStarted: 'Сабак башталганда катышууну белгилөөгө болот.',
    notInLocality:
      'Сиз белгилеп жатканда үй-бүлөлөрдүн тизмеси өзгөрдү. Эч нерсе сакталган жок: тизмени текшерип, кайра сактаңыз.',
  },
  family: {
    title: 'Окутуу',
    intro:
      'Айылыңыздагы топтук сабактар. Кээ бир конкурстар арызды жөнөтүүдөн мурун грант алуучунун сабактарга катышуусун талап кылат.',
    attendedTitle: 'Катышкан сабактар',
    upcomingTitle: 'Айылыңыздагы жакынкы сабактар',
    noneAttended: 'Үй-бүлөңүздөн азырынча эч ким сабакта белгилене элек.',
    noneUpcoming: 'Айылыңызда азырынча сабак пландалган эмес. Фасилитаторуңуз айтат.',
    attendedBy: '{{date}}: {{topic}} ({{name}})',
    upcoming: '{{date}}, {{place}}: {{topic}}',
  },
};
