// Every notice, in every language, is safe to glance at on a phone that someone else may read:
// no subject or preview names a grant, money, benefits or violence, and a programme notice shows
// no amount, competition title or idea before she opens it (emails/layout.ts enforces it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { defineEmail, LOCK_SCREEN_CHARS, renderEmail, type EmailTemplate } from '~emails/layout';
import { LOCALES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { resources } from '~/i18n/resources';
import { TELLING_WORDS } from '../support/telling-words';

const SAMPLE = {
  name: 'Айгүл',
  competitionTitle: 'Малые гранты для семейного дела 2024',
  reference: 'TJ-2024-0012',
  title: 'Теплица для помидоров',
  requestedAmount: '74 000,00 сом',
  amount: '74 000,00 сом',
  url: 'http://localhost:3000/applications/12',
  inviterName: 'Нурлан',
  roles: 'juror',
  validDays: 7,
  validMinutes: 30,
  roundName: 'Тур 1',
  count: 3,
  pending: 2,
  closesAt: new Date('2024-06-01T12:00:00Z'),
  timeZone: 'Asia/Bishkek',
  waitlistPosition: 2,
  feedback: 'Пособие по уходу за ребёнком не учитывается',
  reason: 'Насилие в семье',
  method: 'cash',
  date: '2 марта 2026 г.',
  // Monitoring visits (emails/visits.ts).
  month: 3,
  familyName: 'Токтогулова Айпери',
  village: 'Кара-Суу',
  dueOn: '2 марта 2026 г.',
};
/** Each variant a template can take, so every subject it can have is checked. */
const VARIANTS: Record<string, unknown>[] = [
  { decision: 'awarded', eligible: true },
  { decision: 'waitlisted', eligible: false },
  { decision: 'not-selected', eligible: false },
];

/** Every template in emails/, found by reading the folder, so a new notice is checked too. */
async function allTemplates(): Promise<EmailTemplate<Record<string, unknown>>[]> {
  const dir = path.resolve('emails');
  const found: EmailTemplate<Record<string, unknown>>[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'layout.ts')) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object' && 'compose' in value && 'kind' in value) {
        found.push(value as EmailTemplate<Record<string, unknown>>);
      }
    }
  }
  return found;
}

const templates = await allTemplates();

test('the folder holds every notice, each with its kind', () => {
  expect(templates.map((t) => t.name)).toEqual(
    expect.arrayContaining(['result', 'award-offered', 'award-withdrawn', 'welcome']),
  );
  expect(templates.length).toBeGreaterThanOrEqual(11);
});

describe.each(LOCALES)('every notice in %s', (locale) => {
  const t = fixedT(locale);
  test.each(templates.map((template) => [template.name, template] as const))(
    '%s: neither subject nor preview tells what it is about',
    (_name, template) => {
      for (const variant of VARIANTS) {
        const mail = renderEmail(template, { ...SAMPLE, ...variant }, t, locale);
        for (const word of TELLING_WORDS) {
          expect(mail.subject, `subject of ${template.name}`).not.toMatch(word);
          expect(mail.preview, `preview of ${template.name}`).not.toMatch(word);
        }
        // The hidden preview is the first thing in the HTML body and the first line of the text.
        expect(mail.html).toContain(`overflow:hidden;opacity:0;mso-hide:all">${mail.preview}`);
        expect(mail.text.startsWith(`${mail.preview}\n`)).toBe(true);
        // Neutral footer after the standard signature separator.
        expect(mail.text).toContain(`\n-- \n${resources[locale].email.footer}\n`);
        for (const word of TELLING_WORDS) expect(resources[locale].email.footer).not.toMatch(word);
        if (template.kind === 'programme') {
          const glance = mail.text.slice(0, LOCK_SCREEN_CHARS);
          for (const value of [SAMPLE.competitionTitle, SAMPLE.amount, SAMPLE.title])
            expect(glance).not.toContain(value);
          expect(mail.subject).toBe(
            template.name === 'welcome' || template.name.startsWith('jury')
              ? resources[locale].email.notice.subjectNoReference
              : resources[locale].email.notice.subject.replace('{{reference}}', SAMPLE.reference),
          );
        }
      }
    },
  );

  test('the mail header names the programme in her script', () => {
    const mail = renderEmail(
      templates.find((x) => x.name === 'result')!,
      { ...SAMPLE, decision: 'awarded' },
      t,
      locale,
    );
    expect(mail.html).toContain(`>${locale === 'en' ? 'Ishenim' : 'Ишеним'}</p>`);
    // The details are in the body, after the opening.
    expect(mail.text).toContain(SAMPLE.amount);
  });

  test('a time in a notice carries its zone', () => {
    const mail = renderEmail(
      templates.find((x) => x.name === 'jury-assignment')!,
      SAMPLE,
      t,
      locale,
    );
    expect(mail.text).toContain(resources[locale].email.zones.bishkek);
    expect(mail.text).toMatch(/18:00/);
  });
});

test('the layout refuses a notice that would show a sensitive detail before it is opened', () => {
  const leaky = defineEmail<{ name: string; amount: string }>({
    name: 'leaky',
    kind: 'account',
    sensitive: ['amount'],
    compose: (t, p) => ({
      subject: 'Ishenim',
      blocks: [
        { kind: 'paragraph', text: t('email:greeting', { name: p.name }) },
        { kind: 'paragraph', text: `${p.amount}` },
      ],
    }),
  });
  expect(() =>
    renderEmail(leaky, { name: 'Айгүл', amount: '74 000,00 сом' }, fixedT('ky'), 'ky'),
  ).toThrow(/would show its amount/);
});
