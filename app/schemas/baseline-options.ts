// The answers of the 1–5 "How much say do you have in household money decisions?", as a form
// sends them. Apart from baseline.ts so the page's bundle never carries zod.
export const SAY_VALUES = ['1', '2', '3', '4', '5'] as const;
