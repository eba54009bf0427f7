// What the public sees of competitions: the open calls, their conditions and localities.
import type { Competition } from '~db/schema/competitions';
import type { Locale } from '~/i18n/config';
import { formattedInstant, moneyFormatSpec } from '~/i18n/format';
import { localityName } from '~/i18n/locality';
import { descriptionTexts, pickLocalized } from '~/i18n/localized-text';
import { competitionTitle } from './application-view.server';
import { submissionWindow } from '~/services/competitions.server';
import { relationsPhrase, zonedInstant } from '~/utils/application-display.server';
import {
  competitionLocalityRows,
  findCompetition,
  listCompetitions,
  openCompetitionsAt,
} from './competition.server';

/**
 * Competitions a family can apply to now or soon: open, and not past the deadline (the status
 * may still say open after closesAt until staff move it on; the deadline decides).
 */
export function listOpenCompetitions(now = new Date()): Competition[] {
  return openCompetitionsAt(now);
}

/** Competitions whose results are announced (public), the latest first. */
export function listPastCompetitions(): Competition[] {
  return listCompetitions()
    .filter((competition) => competition.announcedAt !== null)
    .sort((a, b) => b.announcedAt!.getTime() - a.announcedAt!.getTime());
}

/** A past competition as the list shows it: title, where, when its results were announced. */
export function pastCompetitionCard(competition: Competition, locale: Locale) {
  return {
    id: competition.id,
    title: competitionTitle(competition, locale),
    localities: competitionLocalityRows(competition.id).map((row) => localityName(row, locale)),
    announcedOn: formattedInstant(competition.announcedAt!, locale, {
      timeZone: competition.timezone,
      dateOnly: true,
    }),
  };
}

/** A competition is shown publicly once it has been opened (never while staff draft it). */
export function findPublicCompetition(competitionId: number): Competition | undefined {
  const competition = findCompetition(competitionId);
  return competition && competition.status !== 'draft' ? competition : undefined;
}

export type WindowState = 'open' | 'not-yet-open' | 'closed';

export function windowState(competition: Competition, now = new Date()): WindowState {
  const window = submissionWindow(competition, now);
  if (window.open) return 'open';
  return window.reason === 'not-yet-open' ? 'not-yet-open' : 'closed';
}

/** The short form a list shows: title, a line of description, where, how much, until when. */
export function competitionCard(competition: Competition, locale: Locale, now = new Date()) {
  const title = competitionTitle(competition, locale);
  const description = pickLocalized(descriptionTexts(competition), locale);
  return {
    id: competition.id,
    title,
    summary: description ? { ...description, text: firstParagraph(description.text) } : null,
    localities: competitionLocalityRows(competition.id).map((row) => localityName(row, locale)),
    money: moneyFormatSpec(competition.currency, locale),
    minGrant: competition.minGrant,
    maxGrant: competition.maxGrant,
    opensAt: zonedInstant(competition.opensAt, locale, competition.timezone),
    closesAt: zonedInstant(competition.closesAt, locale, competition.timezone),
    window: windowState(competition, now),
  };
}

export type CompetitionCard = ReturnType<typeof competitionCard>;

/** What a family's home lists of an open competition: its title and deadline, nothing more. */
export function competitionHeadline(competition: Competition, locale: Locale) {
  return {
    id: competition.id,
    title: competitionTitle(competition, locale),
    closesAt: zonedInstant(competition.closesAt, locale, competition.timezone).text,
  };
}

/** Everything a family needs to decide whether to apply. */
export function competitionDetail(competition: Competition, locale: Locale, now = new Date()) {
  const description = pickLocalized(descriptionTexts(competition), locale);
  return {
    ...competitionCard(competition, locale, now),
    description,
    localityIds: competitionLocalityRows(competition.id).map((row) => row.localityId),
    requireSocialBenefits: competition.requireSocialBenefits,
    requiredTrainingSessions: competition.requiredTrainingSessions,
    requiredConsultations: competition.requiredConsultations,
    beneficiary: beneficiaryRule(competition, locale),
  };
}

export type CompetitionDetail = ReturnType<typeof competitionDetail>;

/** Who may hold the grant, with the relations already joined as a phrase in her language. */
export function beneficiaryRule(competition: Competition, locale: Locale) {
  return {
    relations: relationsPhrase(competition.beneficiaryRelations, locale),
    sex: competition.beneficiarySex,
    adultOnly: competition.beneficiaryAdultOnly,
  };
}

function firstParagraph(text: string): string {
  const first = text.split(/\n\s*\n/)[0]!.trim();
  return first.length > 280 ? `${first.slice(0, 277).trimEnd()}…` : first;
}
