// A sum of money written in a text: digits followed by a currency, in any of the portal's scripts
// ("74 000,00 сом", "1200 KGS", "5 000 ₸"). Texts that show in a browser tab or an e-mail subject
// must not carry one (DESIGN.md, "Privacy and safety"). Client-safe.
export const AMOUNT_IN_TEXT =
  /\d[\d\s\u00a0\u202f.,]*\s*(?:(?:som|kgs|kzt|usd|сом|тенге|руб)(?![a-zа-яёөүң])|₸|\$)/i;

export function namesAnAmount(text: string): boolean {
  return AMOUNT_IN_TEXT.test(text);
}
