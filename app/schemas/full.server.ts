// The full schemas, for actions of pages whose browser side checks with zod/mini: imported from
// here (a .server module, left out of the browser's bundle), so that the classic zod build is
// not sent to the family's phone with the page.
export { withdrawSchema } from './application';
export { applyForFamilySchema } from './application-forms';
export { accountSettingsSchema, signInSchema, signUpSchema } from './auth';
export { bookingIdSchema } from './bookings';
export { householdSchema } from './household';
export { declineAwardSchema, publishConsentSchema } from './results';
export { trainingSessionSchema } from './training';
