// Which language a family reads and which one her feedback is written in (issue 10). The model:
// staff write the feedback in one language and say which (by default the family's); the board
// shows the language she reads and marks feedback not in it; the family sees the feedback with
// a note naming its language when it is not hers.
import type { Locale } from '~/i18n/config';
import { feedbackLocaleRows } from '~/models/feedback-language.server';

export type FeedbackLanguage = {
  /** The language of her account; null for a family without one (told by her facilitator). */
  reads: Locale | null;
  /** The language staff said the feedback is in; null when there is none or it was not said. */
  writtenIn: Locale | null;
  /** There is feedback, and it is known not to be in the language she reads. */
  missingInHers: boolean;
};

export function feedbackLanguage(row: {
  feedback: string | null;
  feedbackLocale: Locale | null;
  familyLocale: Locale | null;
}): FeedbackLanguage {
  const hasFeedback = Boolean(row.feedback?.trim());
  const writtenIn = hasFeedback ? row.feedbackLocale : null;
  const reads = row.familyLocale;
  return {
    reads,
    writtenIn,
    missingInHers: Boolean(hasFeedback && reads && writtenIn && writtenIn !== reads),
  };
}

/** The feedback languages of many applications, read at once (the decision board). */
export function feedbackLanguagesOf(applicationIds: number[]): Map<number, FeedbackLanguage> {
  return new Map(
    feedbackLocaleRows(applicationIds).map((row) => [row.applicationId, feedbackLanguage(row)]),
  );
}
