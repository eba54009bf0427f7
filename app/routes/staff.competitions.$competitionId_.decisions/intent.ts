/** The board's forms; each names the application it is about. */
export const INTENT = {
  decide: 'decide',
  feedback: 'feedback',
  withdraw: 'withdraw',
  offer: 'offer',
} as const;

export type Intent = (typeof INTENT)[keyof typeof INTENT];
