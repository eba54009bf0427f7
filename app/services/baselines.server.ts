// The baseline (DESIGN.md, "Outcomes"): the household's starting point — monthly income, its main
// sources, savings, and the agency questions asked of her alone — recorded once the agreement is
// signed, so outcomes are measured against it. Recorded by staff or the facilitator of her
// village, once; staff may correct it until the first visit is recorded (after that the visits
// are compared with it, so it stays as it was).
import { writeTransaction } from '~db/client';
import type { GrantBaseline } from '~db/schema/outcomes';
import type { Locale } from '~/i18n/config';
import { formatMoney } from '~/i18n/format';
import {
  findBaseline,
  hasRecordedVisit,
  insertBaseline,
  updateBaseline,
} from '~/models/baseline.server';
import { appendAudit } from '~/models/audit.server';
import { findCompetition } from '~/models/competition.server';
import { findGrant } from '~/models/grant.server';
import { baselineSchema, type BaselineInput } from '~/schemas/baseline';
import { parseForm } from '~/utils/forms.server';
import { zonedDay } from '~/utils/application-display.server';
import { moneyInputValue } from '~/utils/money';
import { hasPermission } from '~/utils/permissions';
import { clientIp } from '~/utils/request.server';
import type { SessionUser } from '~/utils/session.server';
import { utcToZonedLocal } from '~/utils/timezone';
import { grantFor, type GrantContext } from './family-grant.server';
import { programmeTimeZone } from './programme-clock.server';

export type BaselineRefusal = 'not-found' | 'not-signed' | 'already-recorded' | 'visit-recorded';

/**
 * The grant, if the actor may record its baseline: staff, or the facilitator of the family's
 * village (never the family herself, a juror, or another village's facilitator).
 */
export function baselineGrantFor(actor: SessionUser, grantId: number): GrantContext | null {
  if (!hasPermission(actor.roles, 'visits:record')) return null;
  const context = grantFor(actor, grantId);
  if (!context || (context.access !== 'staff' && context.access !== 'facilitator')) return null;
  return context;
}

/**
 * The form, read with its zod schema here on the server (the page's bundle carries no zod: a
 * facilitator opens it on a cheap phone).
 */
export function parseBaselineForm(formData: FormData) {
  return parseForm(formData, baselineSchema);
}

/** What the actor may do with the baseline now: record it, correct it (staff), or only read it. */
export function baselineMode(
  context: GrantContext,
  baseline: GrantBaseline | undefined,
  visitRecorded: boolean,
): { mode: 'record' | 'correct' | 'read' | 'closed'; refusal: BaselineRefusal | null } {
  if (!baseline) {
    return context.grant.status === 'signed'
      ? { mode: 'record', refusal: null }
      : { mode: 'closed', refusal: 'not-signed' };
  }
  if (context.access !== 'staff') return { mode: 'read', refusal: 'already-recorded' };
  if (visitRecorded) return { mode: 'read', refusal: 'visit-recorded' };
  if (context.grant.status !== 'signed') return { mode: 'read', refusal: 'not-signed' };
  return { mode: 'correct', refusal: null };
}

/** The competition's calendar day now, "YYYY-MM-DD". */
function today(timeZone: string, now = new Date()): string {
  return utcToZonedLocal(now, timeZone).slice(0, 10);
}

/** A day of the form as the instant stored: 06:00 UTC, the same day in every zone of the programme. */
const dayInstant = (day: string) => new Date(`${day}T06:00:00Z`);

/** Why the day cannot be the day of the answers, or null: not in the future, not before signing. */
export function baselineDayProblem(
  day: string,
  signedOn: Date | null,
  timeZone: string,
  now = new Date(),
): 'futureDay' | 'beforeSigning' | null {
  if (day > today(timeZone, now)) return 'futureDay';
  if (signedOn && day < utcToZonedLocal(signedOn, timeZone).slice(0, 10)) return 'beforeSigning';
  return null;
}

class BaselineRefused extends Error {
  constructor(readonly reason: BaselineRefusal) {
    super(reason);
  }
}

export type RecordBaselineResult =
  | { ok: true; corrected: boolean }
  | { ok: false; error: BaselineRefusal }
  | { ok: false; error: 'field'; field: 'recordedOn'; message: string };

/** Records (or, staff before the first visit, corrects) the baseline: one transaction + audit. */
export function recordBaseline(
  request: Request,
  actor: SessionUser,
  context: GrantContext,
  input: BaselineInput,
  now = new Date(),
): RecordBaselineResult {
  const problem = baselineDayProblem(
    input.recordedOn,
    context.grant.signedOn,
    context.competition.timezone,
    now,
  );
  if (problem)
    return {
      ok: false,
      error: 'field',
      field: 'recordedOn',
      message: `familyReports:baseline.errors.${problem}`,
    };
  try {
    const corrected = writeTransaction((tx) => {
      const grant = findGrant(context.grant.id, tx);
      if (!grant) throw new BaselineRefused('not-found');
      const before = findBaseline(grant.id, tx);
      const { mode, refusal } = baselineMode(
        { ...context, grant },
        before,
        hasRecordedVisit(grant.id, tx),
      );
      if (mode !== 'record' && mode !== 'correct') throw new BaselineRefused(refusal!);
      const values = {
        grantId: grant.id,
        monthlyHouseholdIncome: input.monthlyHouseholdIncome,
        incomeSources: input.incomeSources,
        hasSavings: input.hasSavings,
        decidesOwnEarnings: input.decidesOwnEarnings,
        decidesLargePurchases: input.decidesLargePurchases,
        decidesBusinessMoney: input.decidesBusinessMoney,
        sayInMoney: input.sayInMoney,
        recordedOn: dayInstant(input.recordedOn),
        recordedById: actor.user.id,
      };
      const after = before ? updateBaseline(tx, values) : insertBaseline(tx, values);
      const snapshot = (b: GrantBaseline) => ({
        monthlyHouseholdIncome: b.monthlyHouseholdIncome,
        incomeSources: b.incomeSources,
        hasSavings: b.hasSavings,
        decidesOwnEarnings: b.decidesOwnEarnings,
        decidesLargePurchases: b.decidesLargePurchases,
        decidesBusinessMoney: b.decidesBusinessMoney,
        sayInMoney: b.sayInMoney,
        recordedOn: b.recordedOn.toISOString().slice(0, 10),
      });
      appendAudit(tx, {
        actorUserId: actor.user.id,
        action: 'baseline.recorded',
        entityType: 'grant',
        entityId: grant.id,
        before: before ? snapshot(before) : undefined,
        after: snapshot(after),
        ipAddress: clientIp(request),
      });
      return Boolean(before);
    });
    return { ok: true, corrected };
  } catch (error) {
    if (error instanceof BaselineRefused) return { ok: false, error: error.reason };
    throw error;
  }
}

/** The baseline page's data: the form's values (what is recorded, for a correction) and mode. */
export function baselinePage(context: GrantContext, locale: Locale) {
  const { grant, competition } = context;
  const baseline = findBaseline(grant.id);
  const { mode, refusal } = baselineMode(context, baseline, hasRecordedVisit(grant.id));
  return {
    mode,
    refusal,
    currency: grant.currency,
    today: today(competition.timezone),
    recorded: baseline
      ? {
          day: zonedDay(baseline.recordedOn, locale, competition.timezone),
          income: formatMoney(baseline.monthlyHouseholdIncome, grant.currency, locale),
          incomeSources: baseline.incomeSources,
          hasSavings: baseline.hasSavings,
          agency: {
            ownEarnings: baseline.decidesOwnEarnings,
            largePurchases: baseline.decidesLargePurchases,
            businessMoney: baseline.decidesBusinessMoney,
          },
          sayInMoney: baseline.sayInMoney,
        }
      : null,
    values: baseline
      ? {
          monthlyHouseholdIncome: moneyInputValue(baseline.monthlyHouseholdIncome),
          incomeSources: baseline.incomeSources as string[],
          hasSavings: baseline.hasSavings ? 'yes' : 'no',
          decidesOwnEarnings: baseline.decidesOwnEarnings ?? '',
          decidesLargePurchases: baseline.decidesLargePurchases ?? '',
          decidesBusinessMoney: baseline.decidesBusinessMoney ?? '',
          sayInMoney: baseline.sayInMoney ? String(baseline.sayInMoney) : '',
          recordedOn: baseline.recordedOn.toISOString().slice(0, 10),
        }
      : null,
  };
}

/** For the grant pages: whether the baseline is recorded, and whether to ask for it. */
export function baselineSummary(grantId: number, locale: Locale) {
  const grant = findGrant(grantId);
  if (!grant) return null;
  const baseline = findBaseline(grantId);
  const timeZone = findCompetition(grant.competitionId)?.timezone ?? programmeTimeZone();
  return {
    recordedOn: baseline ? zonedDay(baseline.recordedOn, locale, timeZone) : null,
    due: !baseline && grant.status === 'signed',
  };
}
