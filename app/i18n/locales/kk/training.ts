export default {
  title: 'Оқыту сабақтары',
  intro:
    'Бағдарлама отбасыларына арналған топтық оқыту. Сабақ құрыңыз, содан кейін сабақ күні қатысқандарды белгілеңіз: байқаудың міндетті сабақтарына тек белгіленгендер есептеледі.',
  topics: {
    'financial-literacy': 'Қаржылық сауаттылық',
    'household-budget': 'Отбасы бюджеті',
    'business-planning': 'Бизнесті жоспарлау',
    'preventing-family-violence': 'Қауіпсіз отбасы (отбасындағы зорлық-зомбылықтың алдын алу)',
  },
  /**
   * The same topics on a family's own pages: a phone may be seen by others at home, so the
   * violence topic is named discreetly there (DESIGN.md, "Privacy and safety").
   */
  familyTopics: {
    'financial-literacy': 'Қаржылық сауаттылық',
    'household-budget': 'Отбасы бюджеті',
    'business-planning': 'Бизнесті жоспарлау',
    'preventing-family-violence': 'Қауіпсіз отбасы',
  },
  status: {
    scheduled: 'Жоспарланған',
    cancelled: 'Болдырылмады',
  },
  list: {
    filterTitle: 'Сабақтарды табу',
    village: 'Ауыл немесе қала',
    allVillages: 'Барлық ауылдар',
    topic: 'Тақырып',
    allTopics: 'Барлық тақырыптар',
    from: 'Бастап',
    to: 'Дейін',
    filter: 'Көрсету',
    caption: 'Оқыту сабақтары, жаңалары бірінші',
    none: 'Сәйкес сабақ жоқ.',
    count: 'Табылған сабақтар: {{count}}',
    columns: {
      date: 'Күні мен уақыты',
      topic: 'Тақырып',
      village: 'Ауыл',
      place: 'Орны',
      present: 'Қатысқандар',
      status: 'Күйі',
    },
  },
  form: {
    createTitle: 'Жаңа оқыту сабағы',
    editTitle: 'Сабақты өзгерту',
    topic: 'Тақырып',
    startsAt: 'Күні мен уақыты',
    // review: the source gives Bishkek time (GMT+6); check for programmes in Kazakhstan
    startsAtHint: 'Бішкек уақыты (GMT+6).',
    minutes: 'Ұзақтығы (минут)',
    place: 'Орны',
    placeHint: 'Отбасылар келетін жер, мысалы «№ 2 мектеп, мәжіліс залы».',
    locality: 'Ауыл немесе қала',
    trainerName: 'Тренер',
    create: 'Сабақты құру',
    save: 'Өзгерістерді сақтау',
    choose: 'Таңдаңыз…',
  },
  session: {
    pageTitle: 'Оқыту сабағы, {{date}}',
    back: 'Барлық оқыту сабақтары',
    details: 'Сабақ',
    when: 'Қашан',
    where: 'Қайда',
    village: 'Ауыл',
    trainer: 'Тренер',
    length: 'Ұзақтығы',
    minutes: '{{count}} мин.',
    status: 'Күйі',
    cancelTitle: 'Сабақты болдырмау',
    cancelHint:
      'Отбасыларға автоматты түрде хабарланбайды: өзіңіз айтыңыз. Қатысу белгіленген сабақты болдырмауға болмайды.',
    cancel: 'Сабақты болдырмау',
    saved: {
      created: 'Сабақ құрылды.',
      updated: 'Өзгерістер сақталды.',
      cancelled: 'Сабақ болдырылмады.',
      rollCall: 'Қатысу сақталды: {{present}} қатысты, {{absent}} қатыспады.',
    },
  },
  rollCall: {
    title: 'Қатысуды белгілеу',
    intro:
      'Келгендердің бәрін белгілеп, «Қатысуды сақтау» батырмасын бір рет басыңыз. Бұл беттегі белгіленбеген адамдар қатыспады деп жазылады.',
    notYet: 'Сабақ басталғанда қатысуды белгілеуге болады.',
    cancelled: 'Сабақ болдырылмаған: қатысу белгіленбейді.',
    none: 'Бұл ауылда әзірге тіркелген отбасы жоқ.',
    household: '{{number}}-үй шаруашылығы: {{names}}',
    address: 'Мекенжайы: {{address}}',
    present: 'Қатысты',
    member: '{{name}}, {{relation}}, {{year}} жылы туған',
    save: 'Қатысуды сақтау',
    households: '{{total}} үй шаруашылығының {{from}}–{{to}}',
  },
  errors: {
    localityNotYours: 'Сабақтарды тек өз ауылдарыңызда жоспарлай аласыз.',
    localityLocked: 'Қатысу белгіленіп қойған: сабақты басқа ауылға көшіруге болмайды.',
    notFound: 'Мұндай оқыту сабағы жоқ немесе ол сіздің ауылдарыңызда емес.',
    cancelled: 'Сабақ болдырылмаған.',
    hasAttendance: 'Қатысу белгіленген, демек сабақ өтті: оны болдырмауға болмайды.',
    notStarted: 'Сабақ басталғанда қатысуды белгілеуге болады.',
    notInLocality:
      'Сіз белгілеп жатқанда отбасылар тізімі өзгерді. Ештеңе сақталған жоқ: тізімді тексеріп, қайта сақтаңыз.',
  },
  family: {
    title: 'Оқыту',
    intro:
      'Ауылыңыздағы топтық сабақтар. Кейбір байқаулар өтінімді жібермес бұрын грант алушының сабақтарға қатысуын талап етеді.',
    attendedTitle: 'Қатысқан сабақтар',
    upcomingTitle: 'Ауылыңыздағы жақын сабақтар',
    noneAttended: 'Отбасыңыздан әзірге ешкім сабақта белгіленген жоқ.',
    noneUpcoming: 'Ауылыңызда әзірге сабақ жоспарланбаған. Фасилитаторыңыз айтады.',
    attendedBy: '{{date}}: {{topic}} ({{name}})',
    upcoming: '{{date}}, {{place}}: {{topic}}',
  },
};
