// Jury rounds for tests, put in the wanted state through the app's own services (the staff pages
// are another engineer's work): created, jurors chosen, conflicts declared, assigned, opened.
import { writeTransaction } from '~db/client';
import type { Competition } from '~db/schema/competitions';
import type { Household, HouseholdMember } from '~db/schema/households';
import type { User } from '~db/schema/people';
import { updateHouseholdRow, type MemberInput } from '~/models/household.server';
import { assignmentsOfRound } from '~/models/jury.server';
import { insertSession } from '~/models/session.server';
import { rolesOfUser } from '~/models/user.server';
import type { RoundFormInput } from '~/schemas/round';
import {
  assignRound,
  createRound,
  declareConflicts,
  openRound,
  setRoundJurors,
} from '~/services/jury.server';
import { newSession } from '~/utils/session.server';
import { browserRequest } from './factories';
import { createApplication, createHousehold } from './programme-factories';
import { sessionUserOf } from './session-user';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** An instant as the competition's wall clock (Asia/Bishkek, UTC+6) writes it: "2024-03-15T18:00". */
export function bishkekLocal(instant: Date): string {
  return new Date(instant.getTime() + 6 * HOUR).toISOString().slice(0, 16);
}

/** Two criteria (idea out of 10, budget out of 5); scoring open from yesterday for ten days. */
export function roundInput(overrides: Partial<RoundFormInput> = {}): RoundFormInput {
  const now = Date.now();
  return {
    nameKy: 'Round 1',
    nameRu: '',
    nameEn: '',
    jurorsPerApplication: 1,
    isBlind: true,
    excludeOwnLocality: false,
    opensAt: bishkekLocal(new Date(now - DAY)),
    closesAt: bishkekLocal(new Date(now + 10 * DAY)),
    disagreementThreshold: 25,
    criteria: [
      {
        titleKy: 'Идеянын сапаты',
        titleRu: 'Качество идеи',
        titleEn: 'Quality of the idea',
        descriptionKy: 'Идея түшүнүктүүбү, рыногу барбы?',
        descriptionRu: 'Понятна ли идея, есть ли рынок?',
        descriptionEn: 'Is the idea clear, is there a market?',
        maxPoints: 10,
        weight: 3,
      },
      {
        titleKy: '',
        titleRu: 'Реалистичность бюджета',
        titleEn: 'Realistic budget',
        descriptionKy: '',
        descriptionRu: 'Цены и количество разумны.',
        descriptionEn: '',
        maxPoints: 5,
        weight: 1,
      },
    ],
    ...overrides,
  };
}

/** A family with its own names, address and phone, and its eligible application. */
export function familyApplication(options: {
  competition: Competition;
  localityId: number;
  members: MemberInput[];
  address: string;
  phone: string;
  enteredBy: Pick<User, 'id'>;
  consentBy?: Pick<User, 'id'>;
  title: string;
}): { household: Household; members: HouseholdMember[]; applicationId: number } {
  const { household, members } = createHousehold({
    localityId: options.localityId,
    members: options.members,
    registeredBy: options.enteredBy,
    consentBy: options.consentBy,
  });
  writeTransaction((tx) =>
    updateHouseholdRow(tx, household.id, { address: options.address, phone: options.phone }),
  );
  const application = createApplication({
    competition: options.competition,
    household,
    members,
    enteredBy: options.enteredBy,
    status: 'eligible',
    title: options.title,
  });
  return { household, members, applicationId: application.id };
}

/**
 * A round of the competition with these jurors. `declare` lists the jurors who declare (none
 * known) through the service; with `open`, it is also assigned and opened.
 */
export function roundWithJurors(options: {
  staff: User;
  competition: Competition;
  jurors: User[];
  input?: Partial<RoundFormInput>;
  declare?: User[];
  open?: boolean;
}) {
  const request = browserRequest();
  const staff = sessionUserOf(options.staff);
  const created = createRound(request, staff, options.competition.id, roundInput(options.input));
  if (!created.ok) throw new Error(`round not created: ${JSON.stringify(created.error)}`);
  const roundId = created.roundId;
  const set = setRoundJurors(
    request,
    staff,
    roundId,
    options.jurors.map((j) => j.id),
  );
  if (!set.ok) throw new Error(`jurors not set: ${set.error}`);
  for (const juror of options.declare ?? [])
    declareConflicts(request, sessionUserOf(juror), roundId, []);
  if (options.open) assignAndOpen(options.staff, roundId);
  return roundId;
}

/** Assigns (every juror must have declared) and opens the round; its active assignments. */
export function assignAndOpen(staffUser: User, roundId: number) {
  const request = browserRequest();
  const staff = sessionUserOf(staffUser);
  const assigned = assignRound(request, staff, roundId);
  if (!assigned.ok) throw new Error(`not assigned: ${JSON.stringify(assigned.refusal)}`);
  const opened = openRound(request, staff, roundId);
  if (!opened.ok) throw new Error(`not opened: ${opened.error}`);
  return assignmentsOfRound(roundId).filter((a) => a.status === 'active');
}

/** A signed-in session for `user`, as the "name=value" cookie a browser sends back. */
export async function sessionCookieFor(user: Pick<User, 'id'>): Promise<string> {
  const session = await newSession(rolesOfUser(user.id));
  writeTransaction((tx) =>
    insertSession(tx, {
      id: session.sessionId,
      userId: user.id,
      expiresAt: session.expiresAt,
      userAgent: 'test',
      ipAddress: '127.0.0.1',
    }),
  );
  return session.setCookie.split(';')[0]!;
}
