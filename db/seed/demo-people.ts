// The demo programme's people: the "Татыктуу Жашоо" pilot in Ivanovka (Chui) and Osh, and this
// year's competition in Kant.
// Names are typical Kyrgyz and Russian names, not real people. Every demo account shares
// DEMO_PASSWORD; e-mail addresses use the reserved .example domain.
import type { Locale, Role } from '../schema/people';

export const DEMO_PASSWORD = 'Ishenim-demo-2024';

export const DEMO_LOCALITIES = [
  { code: 'ivanovka', kind: 'village', nameKy: 'Ивановка', nameRu: 'Ивановка', nameEn: 'Ivanovka' },
  { code: 'osh', kind: 'city', nameKy: 'Ош', nameRu: 'Ош', nameEn: 'Osh' },
  // The programme's second district: this year's competition in Kant, next to Ivanovka.
  { code: 'kant', kind: 'city', nameKy: 'Кант', nameRu: 'Кант', nameEn: 'Kant' },
  // Kazakhstan: a partner's small competition in Almaty region, in tenge and in Kazakh.
  { code: 'talgar', kind: 'city', nameKy: 'Талгар', nameRu: 'Талгар', nameEn: 'Talgar' },
] as const;

export type DemoPerson = {
  key: string;
  name: string;
  email?: string;
  phone?: string;
  locale: Locale;
  roles: Role[];
  /** Where the person lives (locality code). */
  locality?: string;
  /** For facilitators: the localities they work in. */
  worksIn?: string[];
  contact?: { byEmail: boolean; byPhone: boolean; onlyViaFacilitator: boolean };
};

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'admin',
    name: 'Айгерим Садыкова',
    email: 'admin@ishenim.example',
    locale: 'ru',
    roles: ['admin'],
  },
  {
    key: 'staff1',
    name: 'Нургүл Асанова',
    email: 'nurgul.staff@ishenim.example',
    locale: 'ky',
    roles: ['staff'],
  },
  {
    key: 'staff2',
    name: 'Дмитрий Ковалёв',
    email: 'dmitry.staff@ishenim.example',
    locale: 'ru',
    roles: ['staff'],
  },
  {
    key: 'facilitator1',
    name: 'Гүлзат Токтогулова',
    email: 'gulzat.facilitator@ishenim.example',
    locale: 'ky',
    roles: ['facilitator'],
    locality: 'ivanovka',
    // Kant is the next town: the same facilitator works with its families.
    worksIn: ['ivanovka', 'kant'],
  },
  {
    key: 'facilitator2',
    name: 'Бакыт Жумабаев',
    email: 'bakyt.facilitator@ishenim.example',
    locale: 'ky',
    roles: ['facilitator'],
    locality: 'osh',
    worksIn: ['osh'],
  },
  {
    key: 'juror1',
    name: 'Алмаз Исаков',
    email: 'almaz.juror@ishenim.example',
    locale: 'ky',
    roles: ['juror'],
    locality: 'osh',
  },
  {
    key: 'juror2',
    name: 'Елена Петрова',
    email: 'elena.juror@ishenim.example',
    locale: 'ru',
    roles: ['juror'],
    locality: 'ivanovka',
  },
  {
    key: 'juror3',
    name: 'Чолпон Абдыкадырова',
    email: 'cholpon.juror@ishenim.example',
    locale: 'ky',
    roles: ['juror'],
  },
  {
    key: 'juror4',
    name: 'Азамат Сыдыков',
    email: 'azamat.juror@ishenim.example',
    locale: 'ru',
    roles: ['juror'],
  },
  {
    key: 'juror5',
    name: 'Ольга Ким',
    email: 'olga.juror@ishenim.example',
    locale: 'en',
    roles: ['juror'],
  },
  {
    key: 'consultant1',
    name: 'Тимур Мамытов',
    email: 'timur.consultant@ishenim.example',
    locale: 'ru',
    roles: ['consultant'],
  },
  {
    key: 'consultant2',
    name: 'Жыпар Осмонова',
    email: 'jypar.consultant@ishenim.example',
    locale: 'ky',
    roles: ['consultant'],
  },
  {
    key: 'family1',
    name: 'Айгүл Бекова',
    phone: '+996555101201',
    locale: 'ky',
    roles: ['applicant'],
    locality: 'ivanovka',
    contact: { byEmail: false, byPhone: true, onlyViaFacilitator: false },
  },
  {
    key: 'family2',
    name: 'Наталья Иванова',
    email: 'natalya.family@ishenim.example',
    locale: 'ru',
    roles: ['applicant'],
    locality: 'ivanovka',
    contact: { byEmail: true, byPhone: false, onlyViaFacilitator: false },
  },
  {
    key: 'family3',
    name: 'Мээрим Алиева',
    email: 'meerim.family@ishenim.example',
    phone: '+996700303404',
    locale: 'ky',
    roles: ['applicant'],
    locality: 'osh',
    contact: { byEmail: true, byPhone: true, onlyViaFacilitator: false },
  },
  {
    key: 'family4',
    name: 'Жаркынай Турдубаева',
    phone: '+996772505606',
    locale: 'ky',
    roles: ['applicant'],
    locality: 'osh',
    // She asked to be contacted only through the facilitator.
    contact: { byEmail: false, byPhone: false, onlyViaFacilitator: true },
  },
];
