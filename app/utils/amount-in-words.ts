// An amount of money written out in words, as an agreement states it next to the figures
// ("74 000,01 сом (жетимиш төрт миң сом 01 тыйын)"). Kyrgyz, Kazakh, Uzbek, Russian and English; som/tyiyn (KGS)
// and tenge/tiyn (KZT). Client-safe and pure, so it is unit-tested on awkward amounts. The words
// are language rules, not interface text, which is why they live here and not in a locale file.
import type { Locale } from '~/i18n/config';
import type { Currency } from '~/schemas/enums';

// ---------- Kyrgyz, Kazakh, Uzbek: Turkic counting, no agreement of gender or number; the unit
// follows the number unchanged. "Hundred" and "thousand" alone mean one of them; more are counted.
type TurkicWords = {
  zero: string;
  ones: string[];
  tens: string[];
  hundred: string;
  /** thousand, million, billion */
  scales: [string, string, string];
};

const TURKIC: Record<'ky' | 'kk' | 'uz', TurkicWords> = {
  ky: {
    zero: 'нөл',
    ones: ['', 'бир', 'эки', 'үч', 'төрт', 'беш', 'алты', 'жети', 'сегиз', 'тогуз'],
    tens: ['', 'он', 'жыйырма', 'отуз', 'кырк', 'элүү', 'алтымыш', 'жетимиш', 'сексен', 'токсон'],
    hundred: 'жүз',
    scales: ['миң', 'миллион', 'миллиард'],
  },
  // Kazakh agreements often write "бір жүз", "бір мың" for one hundred / thousand; kept as
  // Kyrgyz does (alone) until a native reviewer says otherwise.
  kk: {
    zero: 'нөл',
    ones: ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'],
    tens: ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'],
    hundred: 'жүз',
    scales: ['мың', 'миллион', 'миллиард'],
  },
  // Uzbek (Cyrillic). Unsure: "бир юз" / "бир минг" is also written in contracts.
  uz: {
    zero: 'нол',
    ones: ['', 'бир', 'икки', 'уч', 'тўрт', 'беш', 'олти', 'етти', 'саккиз', 'тўққиз'],
    tens: ['', 'ўн', 'йигирма', 'ўттиз', 'қирқ', 'эллик', 'олтмиш', 'етмиш', 'саксон', 'тўқсон'],
    hundred: 'юз',
    scales: ['минг', 'миллион', 'миллиард'],
  },
};

function turkicBelowThousand(n: number, w: TurkicWords): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  if (hundreds === 1) words.push(w.hundred);
  else if (hundreds > 1) words.push(w.ones[hundreds]!, w.hundred);
  const rest = n % 100;
  if (rest >= 10) words.push(w.tens[Math.floor(rest / 10)]!);
  if (rest % 10) words.push(w.ones[rest % 10]!);
  return words;
}

function turkicInteger(n: number, w: TurkicWords): string {
  if (n === 0) return w.zero;
  const words: string[] = [];
  for (const [scale, group] of groupsOf(n)) {
    if (group === 0) continue;
    // "миң" alone is one thousand; "бир миң" is also heard but agreements write "миң".
    if (scale === 1 && group === 1) words.push(w.scales[0]);
    else words.push(...turkicBelowThousand(group, w), ...(scale > 0 ? [w.scales[scale - 1]!] : []));
  }
  return words.join(' ');
}

// ---------- Russian: thousand is feminine, the unit's form follows the last two digits ----------
const RU_ONES_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_ONES_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = [
  '',
  '',
  'двадцать',
  'тридцать',
  'сорок',
  'пятьдесят',
  'шестьдесят',
  'семьдесят',
  'восемьдесят',
  'девяносто',
];
const RU_HUNDREDS = [
  '',
  'сто',
  'двести',
  'триста',
  'четыреста',
  'пятьсот',
  'шестьсот',
  'семьсот',
  'восемьсот',
  'девятьсот',
];
/** one / few / many forms of each scale word. */
const RU_SCALES: [string, string, string][] = [
  ['', '', ''],
  ['тысяча', 'тысячи', 'тысяч'],
  ['миллион', 'миллиона', 'миллионов'],
  ['миллиард', 'миллиарда', 'миллиардов'],
];

/** Russian plural form index for a count: 0 one (1, 21), 1 few (2–4, 22–24), 2 many. */
function ruForm(n: number): 0 | 1 | 2 {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

function ruBelowThousand(n: number, feminine: boolean): string[] {
  const words: string[] = [];
  if (n >= 100) words.push(RU_HUNDREDS[Math.floor(n / 100)]!);
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(RU_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push((feminine ? RU_ONES_F : RU_ONES_M)[rest % 10]!);
  }
  return words;
}

function ruInteger(n: number, feminineUnits: boolean): string {
  if (n === 0) return 'ноль';
  const words: string[] = [];
  for (const [scale, group] of groupsOf(n)) {
    if (group === 0) continue;
    const feminine = scale === 1 || (scale === 0 && feminineUnits);
    words.push(...ruBelowThousand(group, feminine));
    if (scale > 0) words.push(RU_SCALES[scale]![ruForm(group)]);
  }
  return words.join(' ');
}

// ---------- English ----------
const EN_ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = [
  '',
  '',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
];
const EN_SCALES = ['', 'thousand', 'million', 'billion'];

function enBelowThousand(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) words.push(EN_ONES[Math.floor(n / 100)]!, 'hundred');
  const rest = n % 100;
  if (rest === 0) return words;
  if (n >= 100) words.push('and');
  if (rest < 20) words.push(EN_ONES[rest]!);
  else words.push(EN_TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${EN_ONES[rest % 10]}` : ''));
  return words;
}

function enInteger(n: number): string {
  if (n === 0) return 'zero';
  const words: string[] = [];
  const groups = groupsOf(n);
  groups.forEach(([scale, group], index) => {
    if (group === 0) return;
    // British usage: "one thousand and five".
    if (scale === 0 && index > 0 && group < 100) words.push('and');
    words.push(...enBelowThousand(group), ...(scale > 0 ? [EN_SCALES[scale]!] : []));
  });
  return words.join(' ');
}

/** Units, thousands, millions, billions. */
const SCALE_COUNT = 4;

/** [scale, group] pairs from the highest group of three digits down. */
function groupsOf(n: number): [number, number][] {
  const groups: [number, number][] = [];
  let scale = 0;
  let rest = n;
  while (rest > 0) {
    groups.unshift([scale, rest % 1000]);
    rest = Math.floor(rest / 1000);
    scale += 1;
  }
  if (scale > SCALE_COUNT) throw new RangeError('amount too large to write in words');
  return groups;
}

type UnitNames = {
  ky: [major: string, minor: string];
  kk: [major: string, minor: string];
  uz: [major: string, minor: string];
  /** [one, few, many] of the major and the minor unit, and whether the major is feminine. */
  ru: { major: [string, string, string]; minor: [string, string, string] };
  en: { major: [string, string]; minor: [string, string] };
};

const UNITS: Record<Currency, UnitNames> = {
  KGS: {
    ky: ['сом', 'тыйын'],
    kk: ['сом', 'тиын'],
    uz: ['сом', 'тийин'],
    ru: { major: ['сом', 'сома', 'сомов'], minor: ['тыйын', 'тыйына', 'тыйынов'] },
    en: { major: ['som', 'som'], minor: ['tyiyn', 'tyiyn'] },
  },
  KZT: {
    ky: ['теңге', 'тыйын'],
    kk: ['теңге', 'тиын'],
    uz: ['тенге', 'тийин'],
    ru: { major: ['тенге', 'тенге', 'тенге'], minor: ['тиын', 'тиына', 'тиынов'] },
    en: { major: ['tenge', 'tenge'], minor: ['tiyn', 'tiyn'] },
  },
};

/**
 * The amount (integer minor units, hundredths) in words with its units, as agreements write it:
 * the whole units in words, the minor units as two digits ("… сом 05 тыйын"). Negative amounts
 * and fractions of a minor unit are refused: an agreement never states them.
 */
export function amountInWords(minorUnits: number, currency: Currency, locale: Locale): string {
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0)
    throw new RangeError('amount must be a non-negative integer of minor units');
  const major = Math.floor(minorUnits / 100);
  const minor = minorUnits % 100;
  const cents = String(minor).padStart(2, '0');
  const units = UNITS[currency];
  switch (locale) {
    case 'ky':
    case 'kk':
    case 'uz':
      return `${turkicInteger(major, TURKIC[locale])} ${units[locale][0]} ${cents} ${units[locale][1]}`;
    case 'ru':
      return `${ruInteger(major, false)} ${units.ru.major[ruForm(major)]} ${cents} ${units.ru.minor[ruForm(minor)]}`;
    case 'en':
      return `${enInteger(major)} ${units.en.major[major === 1 ? 0 : 1]} ${cents} ${units.en.minor[minor === 1 ? 0 : 1]}`;
  }
}
