// The forms of the application's page, told apart by the button that sent them.
export const INTENT = {
  withdraw: 'withdraw',
  declineAward: 'decline-award',
  publishConsent: 'publish-consent',
} as const;
