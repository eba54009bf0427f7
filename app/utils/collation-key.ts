// A sort key per reader's language, so that SQLite can sort names as a Kyrgyz or Russian reader
// expects (Ң after Н, Ө after О, Ү after У, not after Я as code points would put them) with a
// plain binary comparison, inside the query, and page with LIMIT.
//
// Why a key and not a collation: better-sqlite3 offers no way to register an SQLite collation,
// only functions. The key is made by the same Intl.Collator the pages used to sort in JavaScript
// (sensitivity "base", numeric): each letter's rank in that collator's order becomes one
// character, so comparing keys compares what the collator compares, letter by letter; a run of
// digits becomes its length and its digits, so "0010" follows "0002" as the number it is.
import { collatorFor } from '../i18n/intl-cache';

const RANK_BASE = 0x100;
const DIGITS_MARK = 0x3000;

function charactersToRank(): string[] {
  const chars: string[] = [];
  const add = (from: number, to: number) => {
    for (let code = from; code <= to; code += 1) chars.push(String.fromCharCode(code));
  };
  add(0x20, 0x7e); // ASCII: space, punctuation, digits, Latin letters
  add(0xc0, 0x24f); // Latin letters with accents
  add(0x400, 0x4ff); // Cyrillic, Kyrgyz and Kazakh letters included
  return chars;
}

const tables = new Map<string, Map<string, string>>();

/** Each known character's rank in the locale's order, equal ranks for letters the collator equates. */
function rankTable(locale: string): Map<string, string> {
  let table = tables.get(locale);
  if (table) return table;
  const collator = collatorFor(locale, { sensitivity: 'base' });
  const sorted = charactersToRank().sort(collator.compare);
  table = new Map();
  let rank = 0;
  sorted.forEach((char, index) => {
    if (index > 0 && collator.compare(sorted[index - 1]!, char) !== 0) rank += 1;
    table!.set(char, String.fromCharCode(RANK_BASE + rank));
  });
  tables.set(locale, table);
  return table;
}

/** The key that sorts `text` as the locale's collator would; null stays null. */
export function collationKey(text: string | null, locale: string): string | null {
  if (text === null) return null;
  const table = rankTable(locale);
  const zero = table.get('0')!;
  let key = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    if (char >= '0' && char <= '9') {
      let end = i;
      while (end < chars.length && chars[end]! >= '0' && chars[end]! <= '9') end += 1;
      const digits = chars.slice(i, end).join('').replace(/^0+(?=\d)/, '');
      key += zero + String.fromCharCode(DIGITS_MARK + digits.length) + digits;
      i = end - 1;
      continue;
    }
    // Characters outside the table sort after every known one, by code point.
    key += table.get(char) ?? String.fromCodePoint(0x10000 + char.codePointAt(0)!);
  }
  return key;
}
