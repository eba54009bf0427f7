// Жалпы мәтіндер. Глоссарий (kk) — бір ұғымға бір сөз, барлық файлда:
//   competition — байқау; application — өтінім; draft — нобай; status — күйі; stage — кезең
//   jury — қазылар алқасы; juror — қазы; jury round — (қазылар) туры; criterion — критерий
//   score — баға (бағалау); points — ұпай; a juror's total — жалпы ұпай; final ranking — түпкілікті рейтинг
//   consultant — кеңесші; consultation — кеңес; the consultant's written advice — ұсыныстар; feedback — пікір
//   family — отбасы (отбасының, отбасына, отбасын); household — үй шаруашылығы; daughter-in-law — келін
//   grant — грант; tranche — транш; agreement — келісімшарт; consent — келісім; visit — (мониторинг) сапары
//   report (family's) — есеп; results (of a competition, public or her own) — қорытынды(лар)
//   outcomes (of the businesses after a year) — нәтижелер; revenue — түсім; income — табыс
//   village — ауыл; locality — елді мекен; facilitator — фасилитатор; training — оқыту; session — (оқыту) сабағы
//   social benefits — әлеуметтік жәрдемақы; sign in — кіру; sign out — шығу; password — құпиясөз
//   Polite «сіз»: lowercase mid-sentence, capital only at the start of a sentence.
export default {
  form: {
    required: '(міндетті)',
    requiredNote: '«(міндетті)» деп белгіленген өрістерді толтыру керек; қалғандары күте тұрады.',
    requiredNoteDraft:
      '«(міндетті)» деп белгіленген өрістер өтінімді жіберу үшін керек; қалғандары күте тұрады. Бұл қадамды кез келген уақытта сақтап, кейін қайта орала аласыз.',
  },
  session: {
    warning_one:
      '{{count}} минуттан кейін аккаунттан шығарыласыз: көптен бері ештеңе жіберілген жоқ.',
    warning_other:
      '{{count}} минуттан кейін аккаунттан шығарыласыз: көптен бері ештеңе жіберілген жоқ.',
    stay: 'Аккаунтта қалу',
    ended:
      'Сеансыңыз аяқталды. Қазір жіберген нәрсеңіз сіз үшін сақталады: оны жіберу үшін қайта кіріңіз.',
  },
  quickExit: {
    label: 'Тез шығу',
    hint: 'Бұл сайттан бірден іздеу бетіне өтеді.',
    hintKeys: 'Немесе Esc пернесін екі рет басыңыз.',
  },
  skipToContent: 'Негізгі мазмұнға өту',
  footer: {
    tagline:
      'Ишеним — отбасының бизнес-идеясын жұмыс істейтін кәсіпке айналдыратын шағын гранттар.',
  },
  language: {
    switcher: 'Тіл',
  },
  filePicker: {
    choose: 'Файл таңдау',
    none: 'Файл таңдалған жоқ',
    chosen: 'Файл таңдалды',
    chosenName: 'Таңдалды: {{name}}',
  },
  account: {
    menu: 'Сіздің аккаунтыңыз',
    settings: 'Аккаунт баптаулары',
    changePassword: 'Құпиясөзді өзгерту',
    signOut: 'Шығу',
    signIn: 'Кіру',
  },
  nav: {
    label: 'Негізгі мәзір',
    home: 'Басты бет',
    families: 'Отбасылар',
    outbox: 'Жіберілетін хаттар',
    users: 'Пайдаланушылар',
    audit: 'Аудит журналы',
    competitions: 'Байқаулар',
    household: 'Менің отбасым',
    myApplications: 'Менің өтінімдерім',
    staffCompetitions: 'Байқаулар',
    applications: 'Өтінімдер',
    jury: 'Бағалау',
    results: 'Қорытындыларды хабарлау',
    consultations: 'Кеңестер',
    bookings: 'Менің кеңестерім',
    villageBookings: 'Ауылдарымдағы кеңестер',
    myConsultations: 'Менің кеңестерім',
    staffConsultations: 'Кеңестер',
    training: 'Оқыту',
    visits: 'Сапарлар',
    dashboard: 'Панель',
  },
  roles: {
    applicant: 'Өтінім беруші отбасы',
    facilitator: 'Фасилитатор',
    juror: 'Қазы',
    consultant: 'Кеңесші',
    staff: 'Бағдарлама қызметкері',
    admin: 'Әкімші',
  },
  pagination: {
    label: 'Беттер',
    previous: '← Алдыңғы',
    next: 'Келесі →',
    status: '{{pages}} беттің {{page}}-беті',
  },
  home: {
    title: 'Басты бет',
    greeting: 'Сәлеметсіз бе, {{name}}',
    passwordSet: 'Құпиясөзіңіз сақталды, сіз жүйеге кірдіңіз.',
    visitor: {
      title: 'Отбасылық кәсіпке шағын грант',
      lead: 'Ишеним әлеуметтік жәрдемақы алатын отбасыларға өз ісін бастауға көмектеседі: оқыту, тегін кеңес, келіннің атына грант және бір жыл бойы қолдау.',
      stepsLabel: 'Бұл қалай жұмыс істейді',
      steps: {
        training: {
          title: '1. Оқыту',
          body: 'Отбасы бюджетін жоспарлауды және ақшаны сақтауды үйренесіз.',
        },
        consultation: {
          title: '2. Тегін кеңес',
          body: 'Бизнес-кеңесші идеяңызды және оның бюджетін әзірлеуге көмектеседі.',
        },
        apply: {
          title: '3. Өтінім беру',
          body: 'Идеяңызды осы жерге телефоннан, қырғызша, орысша немесе ағылшынша жазыңыз. Кез келген уақытта сақтап, қайта орала аласыз.',
        },
        grant: {
          title: '4. Грант',
          body: 'Қазылар алқасы әр идеяны әділ бағалайды. Жеңімпаздар грантты бөліп-бөліп алады.',
        },
        followUp: {
          title: '5. Бір жылдық қолдау',
          body: '3, 6 және 12 айдан кейінгі сапарлар кәсіптің өсуіне көмектеседі.',
        },
      },
      signUp: 'Аккаунт ашу',
      signIn: 'Кіру',
      noInternet:
        'Электрондық поштаңыз немесе интернетіңіз жоқ па? Ауылыңыздағы бағдарлама фасилитаторы отбасыңызды тіркеп, сізбен бірге өтінім береді.',
    },
    applicant: {
      title: 'Сіздің өтініміңіз',
      body: 'Байқау ашылғанда осы жерден өтінім бере аласыз. Әзірге сізбен қалай қауіпсіз байланысатынымызды тексеріңіз.',
      contactTitle: 'Сізбен қалай байланысамыз',
      contactViaFacilitator: 'Тек фасилитаторыңыз арқылы. Бағдарлама туралы сізге хат жібермейміз.',
      contactEmailAndPhone: 'Электрондық пошта және телефон арқылы.',
      contactEmail: 'Тек электрондық пошта арқылы.',
      contactPhone: 'Тек телефон арқылы.',
      contactNone:
        'Байланыстың бірде-бір жолына рұқсат бермедіңіз. Жаңалықтарды фасилитаторыңыз айтып береді.',
      contactChange: 'Байланыс жолын өзгерту',
    },
    families: {
      title: 'Отбасылар',
      body_one: 'Сіз көмектесетін {{count}} отбасы.',
      body_other: 'Сіз көмектесетін {{count}} отбасы.',
      link: 'Отбасылар тізімін ашу',
    },
    juror: {
      title: 'Бағалау',
      body: 'Сізге әзірге бірде-бір өтінім бекітілген жоқ. Тур ашылғанда сізге хат келеді.',
    },
    consultant: {
      title: 'Кеңестер',
      none: 'Алдағы екі аптада сізде кеңес беру уақыты жоқ.',
      upcoming_one: 'Алдағы екі аптада {{count}} кеңес уақыты. Ең жақындары:',
      upcoming_other: 'Алдағы екі аптада {{count}} кеңес уақыты. Ең жақындары:',
      places: '{{capacity}} орыннан {{booked}} орын алынды',
      waiting_one: 'күту тізімінде {{count}}',
      waiting_other: 'күту тізімінде {{count}}',
      agenda: 'Менің күн тәртібім',
      publish: 'Кеңес уақытын жариялау',
    },
    outbox: {
      title: 'Жіберілетін хаттар',
      pending_one: '{{count}} хат жіберілуді күтіп тұр.',
      pending_other: '{{count}} хат жіберілуді күтіп тұр.',
      failed_one: '{{count}} хат жеткізілмеді.',
      failed_other: '{{count}} хат жеткізілмеді.',
      link: 'Жіберілетін хаттарды ашу',
    },
    admin: {
      title: 'Басқару',
      body_one: 'Барлығы {{count}} аккаунт.',
      body_other: 'Барлығы {{count}} аккаунт.',
      users: 'Пайдаланушылар және рөлдер',
      invite: 'Шақыру',
      audit: 'Аудит журналы',
      settings: 'Бағдарлама баптаулары',
    },
  },
  relations: {
    head: 'Отбасы басшысы',
    spouse: 'Жұбайы',
    'daughter-in-law': 'Келін',
    son: 'Ұлы',
    daughter: 'Қызы',
    'mother-in-law': 'Қайын ене',
    'father-in-law': 'Қайын ата',
    other: 'Басқа туысы',
  },
  sexes: {
    female: 'Әйел',
    male: 'Ер адам',
  },
  sectors: {
    'crop-farming': 'Өсімдік шаруашылығы',
    livestock: 'Мал шаруашылығы',
    sewing: 'Тігін',
    'baking-food': 'Нан пісіру және тамақ',
    trade: 'Сауда',
    services: 'Қызмет көрсету',
    crafts: 'Қолөнер',
    other: 'Басқа',
  },
  applicationStatuses: {
    draft: 'Нобай',
    submitted: 'Жіберілді',
    eligible: 'Шарттарға сай',
    ineligible: 'Шарттарға сай емес',
    'in-review': 'Қазылар алқасында',
    shortlisted: 'Қысқа тізімде',
    awarded: 'Грант берілді',
    waitlisted: 'Күту тізімінде',
    'not-selected': 'Таңдалмады',
    withdrawn: 'Кері қайтарылды',
  },
};
