// Staff move one assignment by hand while the round is open: the juror who now has it is told by
// e-mail, in her language, exactly as the jurors were when the round opened; the juror who lost
// it gets nothing. Delivered through a real SMTP server and read back from it.
import { noticeSubject } from '../support/notice-subject';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, test } from 'vitest';
import { db } from '~db/client';
import { mailOutbox } from '~db/schema/mail';
import type { User } from '~db/schema/people';
import { resources } from '~/i18n/resources';
import { assignmentsOfRound } from '~/models/jury.server';
import { assignRound, moveAssignment } from '~/services/jury.server';
import { createMailTransport, deliverDueMail } from '~/services/mail-delivery.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { assignAndOpen, roundWithJurors } from '../support/jury-factories';
import {
  createApplication,
  createCompetition,
  createHousehold,
} from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';

const servers: TestSmtpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** One eligible application and two jurors (Kyrgyz and Russian): one juror scores it. */
async function world() {
  const village = createLocality();
  const competition = createCompetition({ localityIds: [village.id], status: 'screening' });
  const family = await createUser({ roles: ['applicant'], locale: 'ky' });
  const { household, members } = createHousehold({ localityId: village.id });
  createApplication({ competition, household, members, enteredBy: family, status: 'eligible' });
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  const jurors = [
    await createUser({ roles: ['juror'], locale: 'ky', name: 'Айдай Касымова' }),
    await createUser({ roles: ['juror'], locale: 'ru', name: 'Елена Воронцова' }),
  ];
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors,
    declare: jurors,
    input: { nameKy: 'Тур 1' },
  });
  return { staff, jurors, roundId };
}

/** The assignment, who has it and who may take it. */
function whoHasIt(roundId: number, jurors: User[]) {
  const [assignment] = assignmentsOfRound(roundId).filter((a) => a.status === 'active');
  const from = jurors.find((j) => j.id === assignment!.jurorId)!;
  const to = jurors.find((j) => j.id !== assignment!.jurorId)!;
  return { assignment: assignment!, from, to };
}

function assignmentMailsTo(user: User) {
  return db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.recipientUserId, user.id))
    .all()
    .filter((m) => m.template === 'jury-assignment');
}

describe('moving an assignment by hand', () => {
  test('in an open round, the new juror gets one e-mail in her language; the previous juror none', async () => {
    const server = await startTestSmtpServer();
    servers.push(server);
    const transport = createMailTransport(server.url);
    const { staff, jurors, roundId } = await world();
    assignAndOpen(staff, roundId);
    const { assignment, from, to } = whoHasIt(roundId, jurors);
    // The opening notice (to the juror who had it) goes out first.
    await deliverDueMail({ transport });
    expect(server.received.map((m) => m.to)).toEqual([[from.email]]);
    server.received.length = 0;

    expect(moveAssignment(browserRequest(), sessionUserOf(staff), assignment.id, to.id)).toEqual({
      ok: true,
    });
    expect(await deliverDueMail({ transport })).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    const texts = resources[to.locale].email;
    expect(mail.to).toEqual([to.email]);
    expect(mail.contentLanguage).toBe(to.locale);
    expect(mail.subject).toBe(noticeSubject(to.locale));
    expect(mail.text).toContain(texts.greeting.replace('{{name}}', to.name));
    expect(mail.text).toContain('/jury');
    expect(server.received.filter((m) => m.to.includes(from.email!))).toEqual([]);
    expect(assignmentMailsTo(to)).toHaveLength(1);
    expect(assignmentMailsTo(from)).toHaveLength(1); // only the one from the opening
  });

  test('a refused move, or a move before the round opens, e-mails nobody', async () => {
    const { staff, jurors, roundId } = await world();
    expect(assignRound(browserRequest(), sessionUserOf(staff), roundId)).toMatchObject({
      ok: true,
    });
    const { assignment, from, to } = whoHasIt(roundId, jurors);
    // Already hers: refused, nothing queued.
    expect(
      moveAssignment(browserRequest(), sessionUserOf(staff), assignment.id, from.id),
    ).toMatchObject({ ok: false });
    // While the round is a draft, everyone is told once, when it opens.
    expect(moveAssignment(browserRequest(), sessionUserOf(staff), assignment.id, to.id)).toEqual({
      ok: true,
    });
    expect(assignmentMailsTo(to)).toEqual([]);
    expect(assignmentMailsTo(from)).toEqual([]);
  });
});
