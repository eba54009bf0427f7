// The browser's checks (schemas/checks.ts) of the family's first forms give the verdict the server's full
// schemas give, with the same first message for each field: what she is told before sending is
// what the server would have told her.
import { describe, expect, test } from 'vitest';
import {
  beneficiaryStepSchema,
  budgetStepSchema,
  ideaStepSchema,
  planStepSchema,
  withdrawSchema,
} from '~/schemas/application';
import { applyForFamilySchema } from '~/schemas/application-forms';
import { declineAwardSchema, publishConsentSchema } from '~/schemas/results';
import {
  beneficiaryStepClientSchema,
  budgetStepClientSchema,
  ideaStepClientSchema,
  planStepClientSchema,
  applyForFamilyClientSchema,
  declineAwardClientSchema,
  publishConsentClientSchema,
  withdrawClientSchema,
} from '~/schemas/application-client';
import { accountSettingsSchema, signInSchema, signUpSchema } from '~/schemas/auth';
import { householdSchema } from '~/schemas/household';
import { householdClientSchema } from '~/schemas/household-client';
import {
  accountSettingsClientSchema,
  signInClientSchema,
  signUpClientSchema,
} from '~/schemas/auth-client';

type Parser = {
  safeParse: (
    input: unknown,
  ) =>
    | { success: true; data: unknown }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

function verdict(schema: Parser, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const first: Record<string, string> = {};
  // A message that is not a key (zod's own English, for a value no form sends) is shown as
  // validation.invalid (useErrorText), so that is what it is compared as.
  for (const issue of result.error.issues)
    first[issue.path.join('.')] ??= /\s/.test(issue.message) ? 'validation.invalid' : issue.message;
  return { ok: false, errors: first };
}

const SIGN_INS = [
  { identifier: 'aigul@example.kg', password: 'x' },
  { identifier: '  ', password: '' },
  { identifier: 'a'.repeat(121), password: 'secret' },
  { password: 'secret' },
  { identifier: '+996 700 123 456', password: 'secret', redirectTo: '/household' },
];

const SIGN_UPS = [
  {
    name: 'Айгүл Асанова',
    contact: 'aigul@example.kg',
    localityId: '3',
    password: 'correct horse',
    passwordConfirm: 'correct horse',
  },
  {
    name: ' ',
    contact: 'not an address',
    localityId: '',
    password: 'short',
    passwordConfirm: 'other',
  },
  {
    name: 'Бермет',
    contact: '+996 (700) 12-34-56',
    localityId: '',
    password: 'x'.repeat(129),
    passwordConfirm: 'x'.repeat(129),
  },
  { name: 'Бермет', contact: 'a@b', localityId: 'abc', password: '', passwordConfirm: '' },
  {},
];

describe('the browser’s zod/mini checks match the server’s schemas', () => {
  test.each(SIGN_INS)('sign in: %j', (input) => {
    expect(verdict(signInClientSchema as Parser, input)).toEqual(
      verdict(signInSchema as Parser, input),
    );
  });

  test.each(SIGN_UPS)('sign up: %j', (input) => {
    expect(verdict(signUpClientSchema as Parser, input)).toEqual(
      verdict(signUpSchema as Parser, input),
    );
  });
});

describe('the application steps’ zod/mini checks match the server’s schemas', () => {
  const money = ['', '15 000', '150,50', 'abc', '-5', undefined];
  const numbers = ['', '3', '0', '1000', '1001', 'x', '1234567', undefined];

  test.each(money.flatMap((revenue) => numbers.map((jobs) => ({ revenue, jobs }))))(
    'plan: %j',
    ({ revenue, jobs }) => {
      const input = {
        expectedMonthlyRevenue: revenue,
        expectedMonthlyCosts: '1 000',
        jobsCreated: jobs,
      };
      expect(verdict(planStepClientSchema as Parser, input)).toEqual(
        verdict(planStepSchema as Parser, input),
      );
    },
  );

  test.each([
    { items: [] },
    {},
    { items: [{ name: 'Теплица', quantity: '1', unitPrice: '80 000' }], ownContribution: '10 000' },
    { items: [{ name: '', quantity: '', unitPrice: '' }] },
    { items: [{ name: 'Семена', quantity: '0', unitPrice: '' }] },
    { items: [{ name: '', quantity: '2', unitPrice: 'x' }], ownContribution: 'много' },
    { items: Array.from({ length: 41 }, () => ({ name: 'a', quantity: '1', unitPrice: '1' })) },
  ])('budget: %j', (input) => {
    expect(verdict(budgetStepClientSchema as Parser, input)).toEqual(
      verdict(budgetStepSchema as Parser, input),
    );
  });

  test.each([
    { title: 'Теплица', sector: 'crop-farming', description: '', market: '', experience: '' },
    { title: ' ', sector: '' },
    { title: 'x'.repeat(151), sector: 'rockets' },
    {},
  ])('idea: %j', (input) => {
    expect(verdict(ideaStepClientSchema as Parser, input)).toEqual(
      verdict(ideaStepSchema as Parser, input),
    );
  });

  test.each([
    { beneficiaryMemberId: '4' },
    { beneficiaryMemberId: '' },
    {},
    { beneficiaryMemberId: 'x' },
  ])('beneficiary: %j', (input) => {
    expect(verdict(beneficiaryStepClientSchema as Parser, input)).toEqual(
      verdict(beneficiaryStepSchema as Parser, input),
    );
  });
});

describe('the application page’s and the competition page’s checks match the server’s', () => {
  test.each([{ reason: '' }, {}, { reason: ' Передумали ' }, { reason: 'x'.repeat(1001) }])(
    'withdraw: %j',
    (input) => {
      expect(verdict(withdrawClientSchema as Parser, input)).toEqual(
        verdict(withdrawSchema as Parser, input),
      );
    },
  );

  test.each([
    { householdId: '7' },
    { householdId: '' },
    {},
    { householdId: 'x' },
    { householdId: '-2' },
  ])('apply for a family: %j', (input) => {
    expect(verdict(applyForFamilyClientSchema as Parser, input)).toEqual(
      verdict(applyForFamilySchema as Parser, input),
    );
  });
});

describe('a winner’s two forms check in the browser as on the server', () => {
  test.each([{ reason: '', confirm: 'on' }, { reason: 'Уезжаем' }, {}, { confirm: 'true' }])(
    'decline: %j',
    (input) => {
      expect(verdict(declineAwardClientSchema as Parser, input)).toEqual(
        verdict(declineAwardSchema as Parser, input),
      );
    },
  );

  test.each([{ consent: 'yes' }, { consent: 'no' }, {}, { consent: 'maybe' }])(
    'consent to be named: %j',
    (input) => {
      expect(verdict(publishConsentClientSchema as Parser, input)).toEqual(
        verdict(publishConsentSchema as Parser, input),
      );
    },
  );
});

describe('the household form checks in the browser as on the server', () => {
  const kelin = {
    memberId: '',
    firstName: 'Айгүл',
    lastName: 'Асанова',
    sex: 'female',
    birthYear: '1996',
    relation: 'daughter-in-law',
  };
  test.each([
    {
      localityId: '2',
      address: 'ул. Ленина 1',
      phone: '',
      receivesSocialBenefits: 'on',
      benefitRegisterNumber: 'SR-1',
      members: [kelin],
    },
    { localityId: '2', receivesSocialBenefits: 'on', benefitRegisterNumber: '', members: [kelin] },
    { localityId: '', phone: '123', members: [] },
    {
      localityId: '2',
      members: [{ ...kelin, memberId: '5', firstName: ' ', birthYear: '1850', sex: '' }],
    },
    { localityId: '2', members: [{ ...kelin, birthYear: 'abc', relation: 'cousin' }] },
    { localityId: '2', phone: '+996 700 123 456', members: Array(31).fill(kelin) },
    {},
  ])('household: %j', (input) => {
    expect(verdict(householdClientSchema as Parser, input)).toEqual(
      verdict(householdSchema as Parser, input),
    );
  });
});

describe('her account settings check in the browser as on the server', () => {
  test.each([
    { name: 'Айгүл Асанова', locale: 'ky', phone: '', contactByEmail: 'on' },
    {
      name: 'Бермет',
      locale: 'ru',
      phone: '+996 (700) 12-34-56',
      contactByPhone: 'on',
      contactOnlyViaFacilitator: 'on',
    },
    { name: ' ', locale: 'fr', phone: '12', contactByEmail: 'true' },
    { name: 'x'.repeat(101), locale: 'en', phone: '+996 700 123 456 789 012' },
    { name: 'Айгүл', locale: 'en', phone: '  +996700123456  ', contactByPhone: true },
    {},
  ])('account settings: %j', (input) => {
    expect(verdict(accountSettingsClientSchema as Parser, input)).toEqual(
      verdict(accountSettingsSchema as Parser, input),
    );
  });
});
