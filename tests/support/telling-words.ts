// Words that tell someone glancing at a shared phone what a notice or a page is about: grants
// and money, benefits, violence, or an amount. No e-mail subject or preview and no tab title of a
// family's page may hold one (../shared/DESIGN.md, "Privacy and safety").

import { AMOUNT_IN_TEXT } from '~/utils/amount-in-text';

/** Words that tell a reader what the message is about, in the three languages. */
export const TELLING_WORDS: RegExp[] = [
  // English: grants and money, benefits, violence.
  /\bgrants?\b/i,
  /\bawards?(ed)?\b/i,
  /\bmoney\b/i,
  /\bamount\b/i,
  /\bpay(ment|ments|ed)?\b/i,
  /\bpaid\b/i,
  /\bcash\b/i,
  /\b(som|kgs|kzt)\b/i,
  /\bbenefits?\b/i,
  /\bwelfare\b/i,
  /\ballowance\b/i,
  /\bviolen(ce|t)\b/i,
  /\babuse\b/i,
  // Russian.
  /грант/i,
  /деньг|денеж/i,
  /сумм/i,
  /выплат/i,
  /(^|[^а-яё])сом([^а-яё]|$)/i,
  /пособи/i,
  /льгот/i,
  /насили/i,
  /побо/i,
  // Kyrgyz.
  /акча/i,
  /төлөм/i,
  /жөлөк/i,
  /зомбулук/i,
  /зордук/i,
  // An amount in any script: digits followed by a currency.
  AMOUNT_IN_TEXT,
];
