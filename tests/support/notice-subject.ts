// The neutral subject every programme notice carries (emails/layout.ts), as tests expect it.
import type { Locale } from '~/i18n/config';
import { resources } from '~/i18n/resources';

export function noticeSubject(locale: Locale, reference?: string): string {
  const notice = resources[locale].email.notice;
  return reference ? notice.subject.replace('{{reference}}', reference) : notice.subjectNoReference;
}
