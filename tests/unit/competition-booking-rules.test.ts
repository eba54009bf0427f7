// The consultation requirement and the booking limits on staff's competition form: whole
// numbers, never negative, within sensible maxima; what is posted is what is kept.
import { describe, expect, test } from 'vitest';
import { competitionSchema } from '~/schemas/competition';

const valid = {
  titleRu: 'Татыктуу Жашоо',
  referencePrefix: 'TJ',
  currency: 'KGS',
  budgetTotal: '1 000 000',
  minGrant: '40 000',
  maxGrant: '100 000',
  timezone: 'Asia/Bishkek',
  opensAt: '2030-01-01T09:00',
  closesAt: '2030-02-01T18:00',
  requiredTrainingSessions: '2',
  requiredConsultations: '1',
  maxOpenBookings: '2',
  bookingCancelNoticeHours: '24',
  bookingMoveNoticeHours: '12',
  beneficiaryRelations: ['daughter-in-law'],
  beneficiarySex: 'female',
  localityIds: ['1'],
};

const errorsOf = (values: Record<string, unknown>) => {
  const result = competitionSchema.safeParse(values);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('booking rules on the competition form', () => {
  test('kept as whole numbers', () => {
    const parsed = competitionSchema.parse(valid);
    expect(parsed).toMatchObject({
      requiredConsultations: 1,
      maxOpenBookings: 2,
      bookingCancelNoticeHours: 24,
      bookingMoveNoticeHours: 12,
    });
  });

  test.each([
    ['requiredConsultations', '-1', 'validation.wholeNumber'],
    ['requiredConsultations', '11', 'validation.tooLarge'],
    ['maxOpenBookings', '1.5', 'validation.wholeNumber'],
    ['maxOpenBookings', '21', 'validation.tooLarge'],
    ['bookingCancelNoticeHours', 'abc', 'validation.wholeNumber'],
    ['bookingCancelNoticeHours', '721', 'validation.tooLarge'],
    ['bookingMoveNoticeHours', '-24', 'validation.wholeNumber'],
  ])('%s = %s is refused (%s)', (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: message });
  });

  test('zero is allowed: no consultation required, notice until the start', () => {
    expect(
      errorsOf({
        ...valid,
        requiredConsultations: '0',
        maxOpenBookings: '0',
        bookingCancelNoticeHours: '0',
        bookingMoveNoticeHours: '0',
      }),
    ).toEqual({});
  });
});
