// The pilot's decisions in the demo, made through the same services staff use (so the audit log
// and the outbox read as they would): Нургүл awards the final ranking top-down within the budget
// and each village's quota, waitlists the next ones and writes feedback to the others; a few
// winners agree to be named; she announces; the facilitators tick off some of the families they
// told in person; then a winner from Osh steps back and her place goes to the next family
// waiting there. Idempotent: each step is skipped once the pilot has reached it.
import { and, eq, gt, inArray } from 'drizzle-orm';
import { db, writeTransaction } from '../client';
import { applications, applicationStatusHistory } from '../schema/applications';
import { competitions } from '../schema/competitions';
import { users } from '../schema/people';
import { zonedLocalToUtc } from '../../app/utils/timezone';
import { findApplication, listApplicationsForScreening } from '../../app/models/application.server';
import { competitionLocalityRows, findCompetition } from '../../app/models/competition.server';
import { findHousehold } from '../../app/models/household.server';
import { rolesOfUser } from '../../app/models/user.server';
import {
  announce,
  decide,
  declineAward,
  decisionBoard,
  markResultTold,
  offerPlace,
  resultsToTellInPerson,
  setFeedback,
  setPublishConsent,
} from '../../app/services/decisions.server';
import type { SessionUser } from '../../app/utils/session.server';

/** Finalists placed on the waiting list once the budget is spent; the rest are not selected. */
const WAITLIST_PLACES = 3;

/** What staff wrote to families not selected, in the language of their village. */
const FEEDBACK: Record<'ivanovka' | 'osh', string[]> = {
  ivanovka: [
    'Жюри понравилась идея, но расходы на сырьё в бюджете занижены. Фасилитатор поможет пересчитать цены — подавайте заявку в следующем конкурсе.',
    'Рынок описан слишком коротко: с кем вы уже договорились о продаже? Бесплатная бизнес-консультация поможет это показать.',
    'Хороший опыт семьи, но собственный вклад очень мал. Подумайте, что семья может вложить сама.',
  ],
  osh: [
    'Калыстарга идея жакты, бирок бюджеттеги баалар так эмес. Фасилитатор баа сурамдарын чогултууга жардам берет — кийинки сынакка катышыңыз.',
    'Сатып алуучулар тууралуу аз жазылган: ким менен сүйлөштүңүз? Акысыз бизнес-кеңеш муну көрсөтүүгө жардам берет.',
    'Үй-бүлөнүн тажрыйбасы жакшы, бирок өз салымыңыз өтө аз. Үй-бүлө өзү эмнени салымдай аларын ойлонуңуз.',
  ],
};

function sessionOf(email: string): SessionUser {
  const user = db.select().from(users).where(eq(users.email, email)).get()!;
  return { user, roles: rolesOfUser(user.id), sessionId: 'demo-seed' };
}

const request = () =>
  new Request('http://localhost/demo-seed', { headers: { 'x-ishenim-client-ip': '127.0.0.1' } });

function ok<T extends { ok: boolean }>(result: T, what: string): T {
  if (!result.ok) throw new Error(`demo ${what} refused: ${JSON.stringify(result)}`);
  return result;
}

export function seedPilotDecisions(pilotId: number): {
  decided: number;
  announced: boolean;
  replaced: boolean;
} {
  const result = decideAndAnnounce(pilotId);
  placePilotDecisionsInTime(pilotId);
  return result;
}

const bishkek = (local: string) => zonedLocalToUtc(local, 'Asia/Bishkek')!;

/**
 * When the pilot's decisions really happened (issue 10): the services above stamp them with the
 * time the seed runs, so the pilot would read "announced" today. They are moved to March 2024,
 * after the jury of February (demo-jury.ts). The audit log keeps when the seed wrote them: it is
 * append-only and chained. Stamps before the cut-off are already in place, so a second run
 * changes nothing.
 */
const PILOT_TIMELINE = {
  decided: bishkek('2024-03-01T10:00'),
  announced: bishkek('2024-03-05T10:00'),
  told: bishkek('2024-03-07T15:00'),
  steppedBack: bishkek('2024-03-18T11:00'),
  offered: bishkek('2024-03-20T10:00'),
};
const PILOT_CUTOFF = bishkek('2024-12-31T00:00');

function placePilotDecisionsInTime(pilotId: number) {
  writeTransaction((tx) => {
    tx.update(competitions)
      .set({ announcedAt: PILOT_TIMELINE.announced })
      .where(and(eq(competitions.id, pilotId), gt(competitions.announcedAt, PILOT_CUTOFF)))
      .run();
    const rows = tx
      .select()
      .from(applications)
      .where(eq(applications.competitionId, pilotId))
      .all();
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return;
    const history = tx
      .select()
      .from(applicationStatusHistory)
      .where(inArray(applicationStatusHistory.applicationId, ids))
      .all();
    // The family who got the place of the one who stepped back had been waiting for it.
    const offeredIds = new Set(
      history
        .filter((h) => h.toStatus === 'awarded' && h.fromStatus === 'waitlisted')
        .map((h) => h.applicationId),
    );
    for (const h of history) {
      if (h.createdAt <= PILOT_CUTOFF) continue;
      const at =
        h.toStatus === 'withdrawn'
          ? PILOT_TIMELINE.steppedBack
          : offeredIds.has(h.applicationId) && h.toStatus === 'awarded'
            ? PILOT_TIMELINE.offered
            : PILOT_TIMELINE.decided;
      tx.update(applicationStatusHistory)
        .set({ createdAt: at })
        .where(eq(applicationStatusHistory.id, h.id))
        .run();
    }
    for (const row of rows) {
      if (
        ![row.decidedAt, row.resultToldAt, row.awardWithdrawnAt].some((v) => v && v > PILOT_CUTOFF)
      )
        continue;
      const later = (value: Date | null, at: Date) => (value && value > PILOT_CUTOFF ? at : value);
      tx.update(applications)
        .set({
          decidedAt: later(
            row.decidedAt,
            offeredIds.has(row.id) ? PILOT_TIMELINE.offered : PILOT_TIMELINE.decided,
          ),
          resultToldAt: later(
            row.resultToldAt,
            row.awardWithdrawnAt ? PILOT_TIMELINE.steppedBack : PILOT_TIMELINE.told,
          ),
          awardWithdrawnAt: later(row.awardWithdrawnAt, PILOT_TIMELINE.steppedBack),
        })
        .where(eq(applications.id, row.id))
        .run();
    }
  });
}

function decideAndAnnounce(pilotId: number): {
  decided: number;
  announced: boolean;
  replaced: boolean;
} {
  const staff = sessionOf('nurgul.staff@ishenim.example');
  const facilitators = {
    ivanovka: sessionOf('gulzat.facilitator@ishenim.example'),
    osh: sessionOf('bakyt.facilitator@ishenim.example'),
  };
  const codes = new Map(competitionLocalityRows(pilotId).map((l) => [l.localityId, l.code]));
  const localityCode = (applicationId: number) =>
    codes.get(findHousehold(findApplication(applicationId)!.householdId)!.localityId) === 'osh'
      ? 'osh'
      : 'ivanovka';
  let decided = 0;
  let announced = false;
  let competition = findCompetition(pilotId)!;

  if (!competition.announcedAt) {
    const board = decisionBoard(pilotId)!;
    if (!board.finalRoundId || board.roundStillOpen) return { decided, announced, replaced: false };
    // Top-down: a grant while the budget and her village's quota allow; once the money runs
    // short, the next families wait; the last are not selected.
    let remaining = board.budget.total - board.budget.awarded;
    const awardedIn = new Map<number, number>();
    let waiting = 0;
    let budgetSpent = false;
    for (const row of board.rows) {
      if (row.status === 'awarded' || row.status === 'waitlisted' || row.status === 'not-selected')
        continue;
      const quota = board.quotas.find((q) => q.localityId === row.localityId)!.quota;
      const amount = Math.min(
        Math.max(row.requestedAmount, board.competition.minGrant),
        board.competition.maxGrant,
      );
      const quotaFull = quota !== null && (awardedIn.get(row.localityId) ?? 0) >= quota;
      if (!budgetSpent && !quotaFull && amount <= remaining) {
        ok(decide(request(), staff, row.applicationId, { decision: 'awarded', amount }), 'award');
        remaining -= amount;
        awardedIn.set(row.localityId, (awardedIn.get(row.localityId) ?? 0) + 1);
      } else if (waiting < WAITLIST_PLACES) {
        if (!quotaFull) budgetSpent = true;
        ok(decide(request(), staff, row.applicationId, { decision: 'waitlisted' }), 'waitlist');
        waiting += 1;
      } else {
        ok(
          decide(request(), staff, row.applicationId, { decision: 'not-selected' }),
          'not selected',
        );
      }
      decided += 1;
    }
    // Feedback for the finalists not selected and for most families who stopped at round 1.
    const finalists = new Set(board.rows.map((r) => r.applicationId));
    const toWrite = listApplicationsForScreening({ competitionId: pilotId }).filter(
      (row) =>
        (row.status === 'in-review' && !finalists.has(row.id)) ||
        (finalists.has(row.id) && findApplication(row.id)!.status === 'not-selected'),
    );
    toWrite.forEach((row, index) => {
      if (index % 4 === 3) return; // not every family gets a personal word
      const texts = FEEDBACK[localityCode(row.id)];
      // Russian in Ivanovka, Kyrgyz in Osh: a family who reads the other is marked on the board.
      const language = localityCode(row.id) === 'osh' ? 'ky' : 'ru';
      ok(setFeedback(request(), staff, row.id, texts[index % texts.length]!, language), 'feedback');
    });
    // Every other winner agreed, through her facilitator, to be named on the public page.
    listApplicationsForScreening({ competitionId: pilotId, status: 'awarded' }).forEach(
      (row, index) => {
        if (index % 2 === 1) return;
        ok(
          setPublishConsent(request(), facilitators[localityCode(row.id)], row.id, true),
          'consent',
        );
      },
    );
    ok(announce(request(), staff, pilotId), 'announcement');
    announced = true;
    // The facilitators have told a few of their families already (the rest are on their lists).
    for (const facilitator of Object.values(facilitators)) {
      resultsToTellInPerson(facilitator)
        .filter((entry) => entry.application.competitionId === pilotId)
        .slice(0, 3)
        .forEach((entry) =>
          ok(markResultTold(request(), facilitator, entry.application.id), 'told in person'),
        );
    }
    competition = findCompetition(pilotId)!;
  }

  // After the announcement: a winner in Osh steps back (her facilitator records it for her) and
  // the place goes to the next family waiting in Osh.
  const rows = listApplicationsForScreening({ competitionId: pilotId });
  if (rows.some((row) => findApplication(row.id)!.awardWithdrawnAt)) {
    return { decided, announced, replaced: false };
  }
  const osh = rows.filter((row) => localityCode(row.id) === 'osh');
  const nextInOsh = osh
    .filter((row) => row.status === 'waitlisted')
    .map((row) => findApplication(row.id)!)
    .sort((a, b) => (a.waitlistPosition ?? 99) - (b.waitlistPosition ?? 99))[0];
  const stepsBack = osh.filter((row) => row.status === 'awarded').at(-1);
  if (!nextInOsh || !stepsBack) return { decided, announced, replaced: false };
  ok(
    declineAward(
      request(),
      facilitators.osh,
      stepsBack.id,
      'Үй-бүлө Бишкекке көчүп кетет, бизнести Ошто жүргүзө албайт.',
    ),
    'decline',
  );
  const board = decisionBoard(pilotId)!;
  const amount = Math.min(nextInOsh.requestedAmount, board.budget.remaining, competition.maxGrant);
  ok(offerPlace(request(), staff, nextInOsh.id, amount), 'offer of the place');
  return { decided, announced, replaced: true };
}
