// The pilot's 30 households — 15 in Ivanovka (Chui region), 15 in Osh — and their ideas.
// Typical names of the regions, not real people. Amounts are in som (converted to tyiyn when
// seeded). Each household's kelin (daughter-in-law) is the future grant holder, as in the pilot.
import type { ApplicationStatus, Relation, Sex } from '../../app/schemas/enums';

export type DemoMember = {
  firstName: string;
  lastName: string;
  sex: Sex;
  birthYear: number;
  relation: Relation;
};

export type DemoIdea = {
  status: ApplicationStatus;
  title: string;
  sector:
    | 'crop-farming'
    | 'livestock'
    | 'sewing'
    | 'baking-food'
    | 'trade'
    | 'services'
    | 'crafts'
    | 'other';
  description: string;
  market: string;
  experience: string;
  /** name, quantity, unit price in som */
  items: [string, number, number][];
  ownContribution: number;
  revenue: number;
  costs: number;
  jobs: number;
  /** For an ineligible decision. */
  reason?: string;
  /** Entered by the facilitator (with the family's consent) rather than the family. */
  byFacilitator?: boolean;
};

export type DemoHousehold = {
  registerNumber: string;
  locality: 'ivanovka' | 'osh' | 'kant';
  address: string;
  phone?: string;
  /** The key of a demo account in demo-people.ts that belongs to this household. */
  account?: string;
  members: DemoMember[];
  idea?: DemoIdea;
};

const kelin = (firstName: string, lastName: string, birthYear: number): DemoMember => ({
  firstName,
  lastName,
  sex: 'female',
  birthYear,
  relation: 'daughter-in-law',
});

export const DEMO_HOUSEHOLDS: DemoHousehold[] = [
  // ---- Ivanovka ----
  {
    registerNumber: 'CHUI-IV-0101',
    locality: 'ivanovka',
    address: 'ул. Ленина, 14',
    phone: '+996555101201',
    account: 'family1',
    members: [
      {
        firstName: 'Бакыт',
        lastName: 'Беков',
        sex: 'male',
        birthYear: 1962,
        relation: 'father-in-law',
      },
      {
        firstName: 'Гүлмира',
        lastName: 'Бекова',
        sex: 'female',
        birthYear: 1966,
        relation: 'mother-in-law',
      },
      { firstName: 'Эрлан', lastName: 'Беков', sex: 'male', birthYear: 1991, relation: 'son' },
      kelin('Айгүл', 'Бекова', 1994),
    ],
    idea: {
      status: 'submitted',
      title: 'Помидор өстүрүүчү жылыткана',
      sector: 'crop-farming',
      description:
        'Короонун артында 6×20 метр жылыткана куруп, жазында эрте помидор жана бадыраң өстүрөбүз. Биринчи түшүмдү май айында сатабыз.',
      market:
        'Ивановканын базары жана Бишкектеги Ош базарынын сатуучулары; кошуналар да сурап жатышат.',
      experience:
        'Он жылдан бери огородубузда жашылча өстүрөбүз, кайын энем көчөт өстүрүүнү жакшы билет.',
      items: [
        ['Жылыткана (каркас жана пленка)', 1, 62000],
        ['Тамчылатып сугаруу системасы', 1, 14500],
        ['Помидор үрөнү (пакет)', 20, 350],
        ['Жер семирткич', 10, 900],
      ],
      ownContribution: 10000,
      revenue: 28000,
      costs: 7000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'CHUI-IV-0102',
    locality: 'ivanovka',
    address: 'ул. Садовая, 3',
    account: 'family2',
    members: [
      {
        firstName: 'Виктор',
        lastName: 'Иванов',
        sex: 'male',
        birthYear: 1960,
        relation: 'father-in-law',
      },
      { firstName: 'Сергей', lastName: 'Иванов', sex: 'male', birthYear: 1988, relation: 'son' },
      kelin('Наталья', 'Иванова', 1990),
    ],
    idea: {
      status: 'eligible',
      title: 'Мини-пекарня: лепёшки и булочки',
      sector: 'baking-food',
      description:
        'Хочу печь лепёшки, булочки и пирожки на заказ и для сельского магазина. Печь поставим в летней кухне, работать буду с соседкой.',
      market:
        'Два магазина в Ивановке готовы брать по 60 лепёшек в день; заказы на праздники и поминки.',
      experience: 'Пеку для семьи двадцать лет, три года пекла для столовой школы.',
      items: [
        ['Хлебопекарная печь', 1, 48000],
        ['Тестомес', 1, 21000],
        ['Противни и формы', 12, 650],
        ['Мука (мешок 50 кг) на первый месяц', 8, 1900],
      ],
      ownContribution: 12000,
      revenue: 36000,
      costs: 19000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'CHUI-IV-0103',
    locality: 'ivanovka',
    address: 'ул. Мира, 27',
    members: [
      {
        firstName: 'Асан',
        lastName: 'Жолдошев',
        sex: 'male',
        birthYear: 1958,
        relation: 'father-in-law',
      },
      {
        firstName: 'Бурул',
        lastName: 'Жолдошева',
        sex: 'female',
        birthYear: 1961,
        relation: 'mother-in-law',
      },
      { firstName: 'Таалай', lastName: 'Жолдошев', sex: 'male', birthYear: 1987, relation: 'son' },
      kelin('Жылдыз', 'Жолдошева', 1989),
    ],
    idea: {
      status: 'eligible',
      title: 'Кой семиртүү',
      sector: 'livestock',
      description:
        'Күзүндө 10 козу сатып алып, кыш бою семиртип, жазында Курман айттан мурун сатабыз.',
      market: 'Токмоктун мал базары жана айылдагы той-аш үчүн сатып алуучулар.',
      experience: 'Үй-бүлөдө дайыма мал багабыз, кайын атам чабан болгон.',
      items: [
        ['Козу', 10, 7500],
        ['Чөп (тонна)', 4, 3500],
        ['Арпа (кап)', 10, 1200],
      ],
      ownContribution: 8000,
      revenue: 22000,
      costs: 5000,
      jobs: 1,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'CHUI-IV-0104',
    locality: 'ivanovka',
    address: 'ул. Шопокова, 8',
    members: [
      {
        firstName: 'Мирлан',
        lastName: 'Абдыкеров',
        sex: 'male',
        birthYear: 1990,
        relation: 'head',
      },
      kelin('Айпери', 'Абдыкерова', 1993),
      {
        firstName: 'Сайкал',
        lastName: 'Абдыкерова',
        sex: 'female',
        birthYear: 1965,
        relation: 'mother-in-law',
      },
    ],
    idea: {
      status: 'submitted',
      title: 'Тигүү цехи: мектеп формасы',
      sector: 'sewing',
      description: 'Үйдө эки тигүү машинасы менен мектеп формасын жана жууркан тышын тигем.',
      market: 'Ивановка жана Кант мектептеринин ата-энелери; августта буйрутма көп.',
      experience: 'Тигүү курсун бүткөм, беш жылдан бери кошуналарга тигем.',
      items: [
        ['Өнөр жай тигүү машинасы', 1, 38000],
        ['Оверлок', 1, 24000],
        ['Кездеме (метр)', 100, 180],
      ],
      ownContribution: 6000,
      revenue: 30000,
      costs: 12000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'CHUI-IV-0105',
    locality: 'ivanovka',
    address: 'ул. Победы, 45',
    members: [
      {
        firstName: 'Николай',
        lastName: 'Ким',
        sex: 'male',
        birthYear: 1963,
        relation: 'father-in-law',
      },
      { firstName: 'Андрей', lastName: 'Ким', sex: 'male', birthYear: 1989, relation: 'son' },
      kelin('Светлана', 'Ким', 1992),
    ],
    idea: {
      status: 'eligible',
      title: 'Куры-несушки и продажа яиц',
      sector: 'livestock',
      description:
        'Построить утеплённый курятник на 150 кур-несушек и продавать яйца в магазины и на рынок.',
      market: 'Магазины Ивановки и Кенбулуна, частные заказчики в Бишкеке.',
      experience: 'Держим 20 кур для семьи, муж работал на птицефабрике.',
      items: [
        ['Курятник (материалы)', 1, 35000],
        ['Куры-несушки', 150, 320],
        ['Комбикорм (мешок)', 15, 1300],
      ],
      ownContribution: 9000,
      revenue: 32000,
      costs: 14000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'CHUI-IV-0106',
    locality: 'ivanovka',
    address: 'ул. Советская, 61',
    members: [
      { firstName: 'Нурбек', lastName: 'Осмонов', sex: 'male', birthYear: 1986, relation: 'head' },
      kelin('Назира', 'Осмонова', 1988),
    ],
    idea: {
      status: 'ineligible',
      title: 'Айыл дүкөнү',
      sector: 'trade',
      description:
        'Үйдүн алдындагы бөлмөдө азык-түлүк жана тиричилик буюмдары сатылган дүкөн ачуу.',
      market: 'Көчөбүздөгү 40 үй; эң жакын дүкөн 2 км алыс.',
      experience: 'Базарда сатуучу болуп иштегем.',
      items: [
        ['Текчелер жана витрина', 1, 42000],
        ['Муздаткыч', 1, 38000],
        ['Биринчи товар', 1, 60000],
      ],
      ownContribution: 10000,
      revenue: 45000,
      costs: 33000,
      jobs: 1,
      reason: 'Суралган сумма (130 000 сом) сынактын эң чоң грантынан (100 000 сом) көп.',
    },
  },
  {
    registerNumber: 'CHUI-IV-0107',
    locality: 'ivanovka',
    address: 'ул. Пушкина, 19',
    members: [
      {
        firstName: 'Олег',
        lastName: 'Петренко',
        sex: 'male',
        birthYear: 1961,
        relation: 'father-in-law',
      },
      { firstName: 'Дмитрий', lastName: 'Петренко', sex: 'male', birthYear: 1990, relation: 'son' },
      kelin('Ирина', 'Петренко', 1993),
    ],
    idea: {
      status: 'draft',
      title: 'Парикмахерская на дому',
      sector: 'services',
      description:
        'Оборудовать комнату под парикмахерскую: стрижки, окрашивание, причёски на свадьбы.',
      market: '',
      experience: 'Окончила курсы парикмахеров в Бишкеке.',
      items: [
        ['Парикмахерское кресло', 1, 18000],
        ['Зеркало с подсветкой', 1, 9000],
      ],
      ownContribution: 0,
      revenue: 0,
      costs: 0,
      jobs: 1,
    },
  },
  {
    registerNumber: 'CHUI-IV-0108',
    locality: 'ivanovka',
    address: 'ул. Фрунзе, 2',
    members: [
      {
        firstName: 'Жаныбек',
        lastName: 'Сатыбалдиев',
        sex: 'male',
        birthYear: 1957,
        relation: 'father-in-law',
      },
      {
        firstName: 'Чынара',
        lastName: 'Сатыбалдиева',
        sex: 'female',
        birthYear: 1960,
        relation: 'mother-in-law',
      },
      { firstName: 'Улан', lastName: 'Сатыбалдиев', sex: 'male', birthYear: 1985, relation: 'son' },
      kelin('Гүлнара', 'Сатыбалдиева', 1987),
    ],
    idea: {
      status: 'submitted',
      title: 'Шырдак жана кийиз буюмдар',
      sector: 'crafts',
      description:
        'Кайын энем экөөбүз шырдак, кийиз тапочка жана сувенир жасап, туристтерге жана дүкөндөргө сатабыз.',
      market: 'Бишкектеги сувенир дүкөндөрү жана Ысык-Көлдөгү жайкы базарлар.',
      experience: 'Кайын энем 30 жылдан бери шырдак жасайт, мен андан үйрөндүм.',
      items: [
        ['Жүн (кг)', 100, 220],
        ['Боёк', 10, 600],
        ['Кийиз басуучу станок', 1, 27000],
      ],
      ownContribution: 5000,
      revenue: 20000,
      costs: 6000,
      jobs: 2,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'CHUI-IV-0109',
    locality: 'ivanovka',
    address: 'ул. Гагарина, 33',
    members: [
      { firstName: 'Руслан', lastName: 'Мамбетов', sex: 'male', birthYear: 1984, relation: 'head' },
      kelin('Бегимай', 'Мамбетова', 1986),
    ],
    idea: {
      status: 'eligible',
      title: 'Сүт азыктары: курут жана каймак',
      sector: 'baking-food',
      description: 'Эки уй сатып алып, сүттөн каймак, сүзмө жана курут жасап сатабыз.',
      market: 'Айылдагы кошуналар жана Токмоктогу дүкөндөр.',
      experience: 'Ата-энемдин үйүндө уй сааганмын, курут жасаганды билем.',
      items: [
        ['Саан уй', 2, 38000],
        ['Сепаратор', 1, 9000],
      ],
      ownContribution: 7000,
      revenue: 26000,
      costs: 9000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'CHUI-IV-0110',
    locality: 'ivanovka',
    address: 'ул. Ленина, 88',
    members: [
      {
        firstName: 'Алексей',
        lastName: 'Соколов',
        sex: 'male',
        birthYear: 1959,
        relation: 'father-in-law',
      },
      { firstName: 'Максим', lastName: 'Соколов', sex: 'male', birthYear: 1992, relation: 'son' },
      kelin('Ольга', 'Соколова', 1995),
    ],
    idea: {
      status: 'withdrawn',
      title: 'Пасека на 20 ульев',
      sector: 'crop-farming',
      description: 'Купить 20 ульев с пчелосемьями и продавать мёд.',
      market: 'Рынок в Бишкеке.',
      experience: 'Свёкор держал пчёл в молодости.',
      items: [['Улей с пчелосемьёй', 20, 4200]],
      ownContribution: 4000,
      revenue: 15000,
      costs: 3000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'CHUI-IV-0111',
    locality: 'ivanovka',
    address: 'ул. Токтогула, 5',
    members: [
      {
        firstName: 'Кубан',
        lastName: 'Эшматов',
        sex: 'male',
        birthYear: 1955,
        relation: 'father-in-law',
      },
      { firstName: 'Данияр', lastName: 'Эшматов', sex: 'male', birthYear: 1989, relation: 'son' },
      kelin('Мөлдүр', 'Эшматова', 1991),
    ],
  },
  {
    registerNumber: 'CHUI-IV-0112',
    locality: 'ivanovka',
    address: 'ул. Школьная, 12',
    members: [
      { firstName: 'Игорь', lastName: 'Тарасов', sex: 'male', birthYear: 1987, relation: 'head' },
      kelin('Елена', 'Тарасова', 1990),
    ],
    idea: {
      status: 'submitted',
      title: 'Теплица: рассада и зелень',
      sector: 'crop-farming',
      description:
        'Выращивать рассаду помидоров, перца и капусты весной, а летом — зелень на продажу.',
      market: 'Огородники Ивановки и соседних сёл весной; кафе в Канте — зелень.',
      experience: 'Каждый год выращиваю рассаду для соседей.',
      items: [
        ['Поликарбонатная теплица', 1, 54000],
        ['Кассеты для рассады', 100, 90],
        ['Грунт (мешок)', 40, 250],
      ],
      ownContribution: 6000,
      revenue: 21000,
      costs: 6000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'CHUI-IV-0113',
    locality: 'ivanovka',
    address: 'ул. Молодёжная, 7',
    members: [
      { firstName: 'Эмил', lastName: 'Турсунов', sex: 'male', birthYear: 1992, relation: 'head' },
      kelin('Асель', 'Турсунова', 1996),
    ],
    idea: {
      status: 'draft',
      title: 'Тоок багуу',
      sector: 'livestock',
      description: '',
      market: '',
      experience: '',
      items: [],
      ownContribution: 0,
      revenue: 0,
      costs: 0,
      jobs: 0,
    },
  },
  {
    registerNumber: 'CHUI-IV-0114',
    locality: 'ivanovka',
    address: 'ул. Кирова, 40',
    members: [
      {
        firstName: 'Анатолий',
        lastName: 'Шевченко',
        sex: 'male',
        birthYear: 1958,
        relation: 'father-in-law',
      },
      { firstName: 'Роман', lastName: 'Шевченко', sex: 'male', birthYear: 1986, relation: 'son' },
      kelin('Татьяна', 'Шевченко', 1988),
    ],
    idea: {
      status: 'eligible',
      title: 'Ремонт и пошив одежды',
      sector: 'sewing',
      description: 'Открыть мастерскую по ремонту и пошиву одежды в пристройке к дому.',
      market: 'Жители Ивановки; в селе нет ни одного ателье.',
      experience: 'Двенадцать лет работала швеёй на фабрике в Бишкеке.',
      items: [
        ['Швейная машина', 2, 21000],
        ['Утюг с парогенератором', 1, 12000],
        ['Манекен и стол раскроя', 1, 8000],
      ],
      ownContribution: 5000,
      revenue: 19000,
      costs: 5000,
      jobs: 1,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'CHUI-IV-0115',
    locality: 'ivanovka',
    address: 'ул. Ленина, 102',
    members: [
      {
        firstName: 'Сүйүнбай',
        lastName: 'Акматов',
        sex: 'male',
        birthYear: 1956,
        relation: 'father-in-law',
      },
      { firstName: 'Алмаз', lastName: 'Акматов', sex: 'male', birthYear: 1990, relation: 'son' },
      kelin('Нургүл', 'Акматова', 1993),
    ],
  },
  // ---- Osh ----
  {
    registerNumber: 'OSH-0201',
    locality: 'osh',
    address: 'Курманжан Датка көчөсү, 210',
    phone: '+996700303404',
    account: 'family3',
    members: [
      {
        firstName: 'Абдыкадыр',
        lastName: 'Алиев',
        sex: 'male',
        birthYear: 1960,
        relation: 'father-in-law',
      },
      { firstName: 'Нурлан', lastName: 'Алиев', sex: 'male', birthYear: 1990, relation: 'son' },
      kelin('Мээрим', 'Алиева', 1993),
    ],
  },
  {
    registerNumber: 'OSH-0202',
    locality: 'osh',
    address: 'Ленин көчөсү, 77',
    phone: '+996772505606',
    account: 'family4',
    members: [
      {
        firstName: 'Токтосун',
        lastName: 'Турдубаев',
        sex: 'male',
        birthYear: 1955,
        relation: 'father-in-law',
      },
      {
        firstName: 'Айзада',
        lastName: 'Турдубаева',
        sex: 'female',
        birthYear: 1959,
        relation: 'mother-in-law',
      },
      { firstName: 'Бекзат', lastName: 'Турдубаев', sex: 'male', birthYear: 1988, relation: 'son' },
      kelin('Жаркынай', 'Турдубаева', 1991),
    ],
    idea: {
      status: 'submitted',
      title: 'Тигүү: улуттук кийимдер',
      sector: 'sewing',
      description: 'Той-аштар үчүн улуттук кийим — чапан, элечек, кемсел — тигип сатам.',
      market: 'Оштогу той үйлөрү жана Келечек базарындагы дүкөндөр.',
      experience: 'Он жылдан бери үйдө тигем, колумда буйрутмачылар бар.',
      items: [
        ['Кесте машинасы', 1, 52000],
        ['Тигүү машинасы', 1, 19000],
        ['Кездеме жана жиптер', 1, 12000],
      ],
      ownContribution: 9000,
      revenue: 34000,
      costs: 11000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'OSH-0203',
    locality: 'osh',
    address: 'Масалиев көчөсү, 15',
    members: [
      {
        firstName: 'Рахматилла',
        lastName: 'Юсупов',
        sex: 'male',
        birthYear: 1957,
        relation: 'father-in-law',
      },
      { firstName: 'Бахтияр', lastName: 'Юсупов', sex: 'male', birthYear: 1987, relation: 'son' },
      kelin('Дилноза', 'Юсупова', 1990),
    ],
    idea: {
      status: 'eligible',
      title: 'Кондитерский цех: торты на заказ',
      sector: 'baking-food',
      description:
        'Печь торты и пирожные на заказ для свадеб и дней рождения, продавать через Instagram и WhatsApp.',
      market: 'Свадебные залы Оша и частные заказы.',
      experience: 'Три года пеку торты на заказ дома.',
      items: [
        ['Духовой шкаф', 1, 36000],
        ['Планетарный миксер', 1, 17000],
        ['Витринный холодильник', 1, 29000],
      ],
      ownContribution: 9000,
      revenue: 40000,
      costs: 16000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'OSH-0204',
    locality: 'osh',
    address: 'Навои көчөсү, 31',
    members: [
      {
        firstName: 'Жолдошбек',
        lastName: 'Маматов',
        sex: 'male',
        birthYear: 1961,
        relation: 'father-in-law',
      },
      { firstName: 'Азамат', lastName: 'Маматов', sex: 'male', birthYear: 1992, relation: 'son' },
      kelin('Айжамал', 'Маматова', 1995),
    ],
    idea: {
      status: 'submitted',
      title: 'Уй семиртүү',
      sector: 'livestock',
      description: 'Эки торпок сатып алып, алты ай семиртип, сатабыз.',
      market: 'Кара-Суу мал базары.',
      experience: 'Үй-бүлөбүз мал багат.',
      items: [
        ['Торпок', 2, 35000],
        ['Тоют', 1, 15000],
      ],
      ownContribution: 10000,
      revenue: 25000,
      costs: 6000,
      jobs: 1,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'OSH-0205',
    locality: 'osh',
    address: 'Алымбек Датка көчөсү, 90',
    members: [
      { firstName: 'Улугбек', lastName: 'Каримов', sex: 'male', birthYear: 1985, relation: 'head' },
      kelin('Гулчехра', 'Каримова', 1988),
    ],
    idea: {
      status: 'eligible',
      title: 'Салон красоты: маникюр и брови',
      sector: 'services',
      description: 'Открыть маленький кабинет маникюра и оформления бровей в махалле.',
      market: 'Женщины махалли и студентки соседнего колледжа.',
      experience: 'Сертификат мастера маникюра, два года работаю на дому.',
      items: [
        ['Маникюрный стол и лампа', 1, 16000],
        ['Стерилизатор', 1, 7000],
        ['Материалы на три месяца', 1, 35000],
      ],
      ownContribution: 4000,
      revenue: 24000,
      costs: 7000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0206',
    locality: 'osh',
    address: 'Ак-Буура көчөсү, 4',
    members: [
      {
        firstName: 'Кенжебек',
        lastName: 'Ташиев',
        sex: 'male',
        birthYear: 1958,
        relation: 'father-in-law',
      },
      { firstName: 'Мелис', lastName: 'Ташиев', sex: 'male', birthYear: 1989, relation: 'son' },
      kelin('Канышай', 'Ташиева', 1992),
    ],
    idea: {
      status: 'ineligible',
      title: 'Тоок фермасы',
      sector: 'livestock',
      description: '500 тоок багып, эт сатабыз.',
      market: 'Оштун базарлары.',
      experience: 'Тажрыйбабыз аз.',
      items: [
        ['Броилер балапандары', 500, 120],
        ['Тоют', 1, 30000],
      ],
      ownContribution: 5000,
      revenue: 30000,
      costs: 20000,
      jobs: 2,
      reason: 'Үй-бүлө социалдык жөлөкпул алуучулардын реестринде жок (текшерилди 12-декабрда).',
    },
  },
  {
    registerNumber: 'OSH-0207',
    locality: 'osh',
    address: 'Курманжан Датка көчөсү, 301',
    members: [
      { firstName: 'Шерзод', lastName: 'Рахимов', sex: 'male', birthYear: 1986, relation: 'head' },
      kelin('Мадина', 'Рахимова', 1989),
    ],
    idea: {
      status: 'submitted',
      title: 'Мелкая торговля: овощи и фрукты',
      sector: 'trade',
      description: 'Торговать овощами и фруктами с прилавка у дороги на Кара-Суу.',
      market: 'Проезжающие водители и жители микрорайона.',
      experience: 'Пять лет торговала на рынке с родителями.',
      items: [
        ['Торговый павильон', 1, 45000],
        ['Весы электронные', 1, 4500],
        ['Первая закупка товара', 1, 25000],
      ],
      ownContribution: 8000,
      revenue: 38000,
      costs: 27000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0208',
    locality: 'osh',
    address: 'Ленин көчөсү, 301',
    members: [
      {
        firstName: 'Абдилла',
        lastName: 'Сыдыков',
        sex: 'male',
        birthYear: 1956,
        relation: 'father-in-law',
      },
      { firstName: 'Эрмек', lastName: 'Сыдыков', sex: 'male', birthYear: 1988, relation: 'son' },
      kelin('Чолпон', 'Сыдыкова', 1990),
    ],
    idea: {
      status: 'eligible',
      title: 'Чач тарач (парикмахердик)',
      sector: 'services',
      description:
        'Үйдүн бир бөлмөсүн парикмахердик кылып жабдып, аялдарга жана балдарга чач кыркам.',
      market: 'Микрорайондогу 300дөн ашык үй-бүлө; жакын жерде парикмахердик жок.',
      experience: 'Парикмахердик курсун бүткөм, бир жыл салондо иштегем.',
      items: [
        ['Парикмахер креслосу', 1, 17000],
        ['Күзгү жана текче', 1, 11000],
        ['Фен, кайчы, машинка', 1, 28000],
      ],
      ownContribution: 4000,
      revenue: 20000,
      costs: 5000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0209',
    locality: 'osh',
    address: 'Масалиев көчөсү, 66',
    members: [
      { firstName: 'Бактыбек', lastName: 'Орозов', sex: 'male', birthYear: 1990, relation: 'head' },
      kelin('Урмат', 'Орозова', 1993),
    ],
    idea: {
      status: 'draft',
      title: 'Балдар кийимин сатуу',
      sector: 'trade',
      description: 'Кара-Суу базарынан балдар кийимин алып, Instagram аркылуу сатуу.',
      market: 'Ош шаарындагы жаш ата-энелер.',
      experience: '',
      items: [['Биринчи товар', 1, 40000]],
      ownContribution: 5000,
      revenue: 0,
      costs: 0,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0210',
    locality: 'osh',
    address: 'Навои көчөсү, 102',
    members: [
      {
        firstName: 'Хасан',
        lastName: 'Мирзаев',
        sex: 'male',
        birthYear: 1959,
        relation: 'father-in-law',
      },
      { firstName: 'Фаррух', lastName: 'Мирзаев', sex: 'male', birthYear: 1991, relation: 'son' },
      kelin('Зарина', 'Мирзаева', 1994),
    ],
    idea: {
      status: 'submitted',
      title: 'Сушка фруктов и урюка',
      sector: 'baking-food',
      description: 'Сушить урюк, яблоки и помидоры в солнечной сушилке и продавать оптом.',
      market: 'Оптовые покупатели на рынке Оша, магазины Бишкека.',
      experience: 'Вся семья каждый год сушит урюк из своего сада.',
      items: [
        ['Солнечная сушилка', 3, 16000],
        ['Ящики и упаковка', 200, 60],
        ['Весы', 1, 4000],
      ],
      ownContribution: 5000,
      revenue: 23000,
      costs: 6000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'OSH-0211',
    locality: 'osh',
    address: 'Ак-Буура көчөсү, 18',
    members: [
      { firstName: 'Талант', lastName: 'Жумабаев', sex: 'male', birthYear: 1987, relation: 'head' },
      kelin('Элмира', 'Жумабаева', 1990),
    ],
    idea: {
      status: 'eligible',
      title: 'Кийиз жана шырдак цехи',
      sector: 'crafts',
      description: 'Төрт аял менен бирге шырдак жасап, туристтик дүкөндөргө сатабыз.',
      market: 'Сулайман-Тоо жанындагы сувенир дүкөндөрү жана фестивалдар.',
      experience: 'Шырдак жасоо боюнча окутуудан өткөм.',
      items: [
        ['Жүн (кг)', 100, 220],
        ['Боёктор', 15, 600],
        ['Жабдуулар', 1, 28000],
      ],
      ownContribution: 5000,
      revenue: 22000,
      costs: 7000,
      jobs: 3,
    },
  },
  {
    registerNumber: 'OSH-0212',
    locality: 'osh',
    address: 'Курманжан Датка көчөсү, 5',
    members: [
      {
        firstName: 'Мамасадык',
        lastName: 'Абдуллаев',
        sex: 'male',
        birthYear: 1954,
        relation: 'father-in-law',
      },
      {
        firstName: 'Жасурбек',
        lastName: 'Абдуллаев',
        sex: 'male',
        birthYear: 1986,
        relation: 'son',
      },
      kelin('Нилуфар', 'Абдуллаева', 1989),
    ],
    idea: {
      status: 'submitted',
      title: 'Пошив постельного белья',
      sector: 'sewing',
      description: 'Шить постельное бельё и одеяла для продажи на рынке и для приданого.',
      market: 'Рынок Келечек, семьи, готовящие приданое.',
      experience: 'Шью для родственников уже восемь лет.',
      items: [
        ['Промышленная швейная машина', 1, 35000],
        ['Ткань (рулон)', 6, 6500],
      ],
      ownContribution: 6000,
      revenue: 27000,
      costs: 12000,
      jobs: 1,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'OSH-0213',
    locality: 'osh',
    address: 'Ленин көчөсү, 12',
    members: [
      {
        firstName: 'Нурсултан',
        lastName: 'Исмаилов',
        sex: 'male',
        birthYear: 1991,
        relation: 'head',
      },
      kelin('Айсулуу', 'Исмаилова', 1994),
    ],
  },
  {
    registerNumber: 'OSH-0214',
    locality: 'osh',
    address: 'Алымбек Датка көчөсү, 145',
    members: [
      {
        firstName: 'Орозбай',
        lastName: 'Кочкоров',
        sex: 'male',
        birthYear: 1957,
        relation: 'father-in-law',
      },
      { firstName: 'Айбек', lastName: 'Кочкоров', sex: 'male', birthYear: 1990, relation: 'son' },
      kelin('Венера', 'Кочкорова', 1992),
    ],
    idea: {
      status: 'eligible',
      title: 'Бал челек (аарычылык)',
      sector: 'crop-farming',
      description: '15 уюк аары сатып алып, тоо этегинде бал алабыз.',
      market: 'Ош базары жана Бишкектеги дүкөндөр.',
      experience: 'Кайын атам 20 жыл аары баккан.',
      items: [
        ['Аары үйү менен уюк', 15, 4500],
        ['Бал сыгуучу', 1, 12000],
      ],
      ownContribution: 6000,
      revenue: 18000,
      costs: 4000,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0215',
    locality: 'osh',
    address: 'Масалиев көчөсү, 2',
    members: [
      { firstName: 'Азиз', lastName: 'Хакимов', sex: 'male', birthYear: 1989, relation: 'head' },
      kelin('Шахноза', 'Хакимова', 1992),
    ],
  },
];

/**
 * Applications to the competition open now ("Татыктуу Жашоо <this year>"), from households that
 * did not apply to the pilot (and Мээрим, whose pilot draft was never sent).
 */
export const DEMO_CURRENT_APPLICATIONS: { registerNumber: string; idea: DemoIdea }[] = [
  {
    registerNumber: 'OSH-0201',
    idea: {
      status: 'draft',
      title: 'Нан бышыруучу тандыр',
      sector: 'baking-food',
      description:
        'Короодо тандыр куруп, тандыр нан жана самса бышырып, базарга жана кафелерге сатам.',
      market: 'Жайма базардагы кафелер жана кошуналар.',
      experience: '',
      items: [
        ['Тандыр', 1, 25000],
        ['Ун (кап)', 10, 1900],
      ],
      ownContribution: 5000,
      revenue: 0,
      costs: 0,
      jobs: 1,
    },
  },
  {
    registerNumber: 'CHUI-IV-0111',
    idea: {
      status: 'submitted',
      title: 'Кондитердик цех: торт жана печенье',
      sector: 'baking-food',
      description: 'Үйдө торт, печенье жана боорсок бышырып, той-аштарга жана дүкөндөргө сатам.',
      market: 'Ивановкадагы эки кафе жана той үйлөрү; майрамдарга буйрутма көп.',
      experience: 'Беш жылдан бери туугандарга жана кошуналарга торт бышырам.',
      items: [
        ['Кондитердик меш', 1, 42000],
        ['Миксер жана идиштер', 1, 15000],
        ['Муздаткыч', 1, 23000],
      ],
      ownContribution: 8000,
      revenue: 30000,
      costs: 12000,
      jobs: 2,
    },
  },
  {
    registerNumber: 'CHUI-IV-0115',
    idea: {
      status: 'submitted',
      title: 'Жууркан жана төшөк тигүү',
      sector: 'sewing',
      description: 'Жүн жууркан, төшөк жана жаздык тигип, базарга жана кыз узатууга сатабыз.',
      market: 'Токмоктун базары жана айылдагы той камдап жаткан үй-бүлөлөр.',
      experience: 'Кайын энем экөөбүз он жылдан бери жууркан тигебиз.',
      items: [
        ['Өнөр жай тигүү машинасы', 1, 36000],
        ['Жүн (кг)', 100, 220],
        ['Кездеме (метр)', 120, 150],
      ],
      ownContribution: 6000,
      revenue: 26000,
      costs: 10000,
      jobs: 2,
      byFacilitator: true,
    },
  },
  {
    registerNumber: 'OSH-0213',
    idea: {
      status: 'draft',
      title: 'Басып чыгаруу жана ксерокс кызматы',
      sector: 'services',
      description: 'Мектептин жанында ксерокс, басып чыгаруу жана сүрөткө тартуу кызматын ачуу.',
      market: '',
      experience: '',
      items: [['Көп функциялуу принтер', 1, 48000]],
      ownContribution: 0,
      revenue: 0,
      costs: 0,
      jobs: 1,
    },
  },
  {
    registerNumber: 'OSH-0215',
    idea: {
      status: 'eligible',
      title: 'Овощная лавка у дома',
      sector: 'trade',
      description:
        'Открыть лавку овощей и фруктов в пристройке у дома, закупать у фермеров Кара-Суу.',
      market: 'Жители нашей улицы и соседнего микрорайона; ближайший рынок далеко.',
      experience: 'Три года торговала на рынке вместе со свекровью.',
      items: [
        ['Витрина и стеллажи', 1, 32000],
        ['Холодильная камера', 1, 39000],
        ['Первая закупка', 1, 15000],
      ],
      ownContribution: 10000,
      revenue: 35000,
      costs: 24000,
      jobs: 1,
    },
  },
];
