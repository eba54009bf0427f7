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
const UNKNOWN = 0xf000;

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

const tables = new Map<string, Uint16Array>();
const TABLE_SIZE = 0x500;

/**
 * Each known character's rank in the locale's order, by UTF-16 code (0 = not ranked); letters
 * the collator holds equal (А and а, Е and Ё) get the same rank.
 */
function rankTable(locale: string): Uint16Array {
  let table = tables.get(locale);
  if (table) return table;
  const collator = collatorFor(locale, { sensitivity: 'base' });
  const sorted = charactersToRank().sort(collator.compare);
  table = new Uint16Array(TABLE_SIZE);
  let rank = 0;
  sorted.forEach((char, index) => {
    if (index > 0 && collator.compare(sorted[index - 1]!, char) !== 0) rank += 1;
    table![char.charCodeAt(0)] = RANK_BASE + rank;
  });
  tables.set(locale, table);
  return table;
}

const ZERO = 0x30;
const NINE = 0x39;

/** The key that sorts `text` as the locale's collator would; null stays null. */
export function collationKey(text: string | null, locale: string): string | null {
  if (text === null) return null;
  const table = rankTable(locale);
  const codes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= ZERO && code <= NINE) {
      // A run of digits: its length without leading zeros, then the digits.
      let start = i;
      let end = i;
      while (end < text.length && text.charCodeAt(end) >= ZERO && text.charCodeAt(end) <= NINE)
        end += 1;
      while (start < end - 1 && text.charCodeAt(start) === ZERO) start += 1;
      codes.push(table[ZERO]!, DIGITS_MARK + (end - start));
      for (let d = start; d < end; d += 1) codes.push(text.charCodeAt(d));
      i = end - 1;
      continue;
    }
    const rank = code < TABLE_SIZE ? table[code]! : 0;
    if (rank) codes.push(rank);
    // Characters outside the table sort after every known one, by code (astral ones together).
    else if (code >= 0xd800 && code <= 0xdfff) codes.push(UNKNOWN + 1);
    else codes.push(UNKNOWN, code);
  }
  return String.fromCharCode(...codes);
}
