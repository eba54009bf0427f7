// The result e-mail in each language: a winner reads her amount and what happens next, a family
// on the waiting list her place, a family not selected the programme's feedback and where to
// get help.
import { noticeSubject } from '../support/notice-subject';
import { describe, expect, test } from 'vitest';
import { renderEmail } from '~emails/layout';
import { resultEmail } from '~emails/result';
import { LOCALES } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import { fixedT } from '~/i18n/i18n.server';
import { resources } from '~/i18n/resources';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(values[key]));

const base = {
  name: 'Айпери',
  competitionTitle: 'Ишеним 2025',
  reference: 'TJ-2025-0007',
  amount: '',
  waitlistPosition: 0,
  feedback: '',
  url: 'http://localhost:3999/applications/7',
};

describe.each(LOCALES)('the result e-mail in %s', (locale) => {
  const texts = resources[locale].email.result;
  const render = (params: Partial<Parameters<typeof resultEmail.compose>[1]>) =>
    renderEmail(resultEmail, { ...base, decision: 'awarded', ...params }, fixedT(locale), locale);

  test('a winner: the amount, the agreement, the payment in parts and the consultations', () => {
    const amount = formatMoney(100_000_00, 'KGS', locale);
    const mail = render({ decision: 'awarded', amount });
    expect(mail.subject).toBe(noticeSubject(locale, base.reference));
    expect(mail.text).toContain(amount);
    expect(mail.text).toContain(texts.awardedNext);
    expect(mail.html).toContain(amount);
  });

  test('the waiting list: her place in it and what it means', () => {
    const mail = render({ decision: 'waitlisted', waitlistPosition: 3 });
    expect(mail.text).toContain(fill(texts.waitlistedPosition, { position: 3 }));
    expect(mail.text).toContain(texts.waitlistedNext);
    // No place known: no empty sentence.
    const unknown = render({ decision: 'waitlisted', waitlistPosition: 0 });
    expect(unknown.text).not.toContain(fill(texts.waitlistedPosition, { position: 0 }));
  });

  test('not selected: the feedback, where to get help and a new chance', () => {
    const feedback = 'Посчитайте расходы на корм.';
    const mail = render({ decision: 'not-selected', feedback });
    expect(mail.text).toContain(fill(texts.feedback, { feedback }));
    expect(mail.text).toContain(texts.help);
    expect(mail.text).not.toMatch(/email:|\{\{/);
  });

  test('feedback written in another language says so, and who can read it with her', () => {
    const feedback = 'Посчитайте расходы на корм.';
    const note = fill(texts.feedbackIn, { language: 'Русский' });
    const other = render({ decision: 'not-selected', feedback, feedbackLanguage: 'Русский' });
    expect(other.text).toContain(note);
    expect(other.html).toContain('Русский');
    expect(render({ decision: 'not-selected', feedback }).text).not.toContain(note);
    // No feedback, no note about its language.
    expect(render({ decision: 'not-selected', feedbackLanguage: 'Русский' }).text).not.toContain(
      note,
    );
  });
});
