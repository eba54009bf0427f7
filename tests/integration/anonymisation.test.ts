// Anonymisation after retention (issue 16), on a real SQLite file: the preview counts what will go;
// the run leaves no name, contact, address, register number or free text of the households past
// retention anywhere in the database, nor their files on disk; other households are untouched;
// the dashboard, outcome and donor figures are the same before and after; a second run changes
// nothing; her account cannot sign in; and the audit chain is intact, yet still detects an edit.
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { grants } from '~db/schema/grants';
import { householdMembers } from '~db/schema/households';
import { users } from '~db/schema/people';
import { mailOutbox } from '~db/schema/mail';
import { programmeSettings } from '~db/schema/settings';
import { updateApplicationRow } from '~/models/application.server';
import { appendAudit } from '~/models/audit.server';
import { updateCompetitionRow } from '~/models/competition.server';
import { findHouseholdOfUser, updateHouseholdRow } from '~/models/household.server';
import { signIn } from '~/services/accounts.server';
import {
  anonymiseOnRequest,
  isRedactedChange,
  previewAnonymisation,
  runAnonymisation,
} from '~/services/anonymisation.server';
import { readAttachmentFile } from '~/services/attachment-storage.server';
import { verifyAuditLog } from '~/services/audit-integrity.server';
import { dashboardFiltersFrom, dashboardPage } from '~/services/dashboard-view.server';
import { bookConsultation } from '~/services/bookings.server';
import { donorReport } from '~/services/donor-report.server';
import { reportGrantFor, sendFamilyReport } from '~/services/family-reports.server';
import { outcomesPage } from '~/services/outcome-figures.server';
import { visitReminderKey } from '~/services/visits.server';
import { createSlot } from '../support/booking-factories';
import { browserRequest, createUser, TEST_PASSWORD } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { action as onRequestAction } from '~/routes/households.$householdId.anonymise/route';
import { createGrantWorld, type GrantWorld } from '../support/grant-factories';
import {
  addAttachment,
  addNotice,
  addReportWithPhoto,
  TINY_PNG,
} from '../support/household-data-factories';
import { insertVisit, setGrantStatus } from '../support/outcome-view-factories';
import { sessionUserOf } from '../support/session-user';

const YEAR = 365 * 24 * 60 * 60_000;
const NOW = new Date('2031-06-01T08:00:00Z');

type Family = GrantWorld & {
  householdId: number;
  marker: string;
  phone: string;
  email: string;
  register: string;
  files: string[];
};

/** A family whose every personal text carries `marker`, in a competition closed `closedYearsAgo`. */
async function familyClosed(marker: string, closedYearsAgo: number): Promise<Family> {
  const world = await createGrantWorld({ signed: true });
  const household = findHouseholdOfUser(world.family.id)!;
  const phone = `+99655${crypto.randomInt(1_000_000, 9_999_999)}`;
  const email = `${marker.toLowerCase()}@family.example`;
  const register = `SR-${marker}`;
  const files: string[] = [];
  writeTransaction((tx) => {
    tx.update(users)
      .set({ name: `Name ${marker}`, email, phone })
      .where(eq(users.id, world.family.id))
      .run();
    updateHouseholdRow(tx, household.id, {
      address: `Address ${marker}`,
      phone,
      benefitRegisterNumber: register,
    });
    tx.update(householdMembers)
      .set({ firstName: `First ${marker}`, lastName: `Last ${marker}` })
      .where(eq(householdMembers.householdId, household.id))
      .run();
    updateApplicationRow(tx, world.applicationId, {
      title: `Title ${marker}`,
      description: `Story ${marker}`,
      feedback: `Feedback ${marker}`,
    });
    tx.update(grants)
      .set({
        identityDocumentNumber: `ID${marker}`,
        signedByName: `Signer ${marker}`,
        witnessName: `Witness ${marker}`,
        walletPhone: phone,
      })
      .where(eq(grants.id, world.grant.id))
      .run();
    files.push(
      addAttachment(tx, world, {
        name: `quote-${marker}.png`,
        mimeType: 'image/png',
        bytes: TINY_PNG,
      }),
      addReportWithPhoto(tx, world, marker),
    );
    addNotice(tx, world.family.id, marker, email);
    // Lines about her, one written by her own account from her own address.
    appendAudit(tx, {
      actorUserId: null,
      action: 'household.updated',
      entityType: 'household',
      entityId: household.id,
      before: { address: 'old' },
      after: { address: `Address ${marker}`, members: [{ firstName: `First ${marker}` }] },
    });
    appendAudit(tx, {
      actorUserId: world.family.id,
      action: 'user.settings-changed',
      entityType: 'user',
      entityId: world.family.id,
      after: { phone, contactByEmail: true },
      ipAddress: '198.51.100.23',
    });
    updateCompetitionRow(tx, world.competition.id, {
      status: 'closed',
      closedAt: new Date(NOW.getTime() - closedYearsAgo * YEAR),
    });
  });
  // A visit with her notes, and its reminder to the facilitator, which names her (written as
  // the visit service writes it: with her household).
  const facilitator = await createUser({ roles: ['facilitator'] });
  const visit = insertVisit(
    world.grant.id,
    {
      month: 3,
      dueOn: '2025-04-15',
      businessStatus: 'operating',
      notes: `Visit notes ${marker}`,
    },
    facilitator,
  );
  writeTransaction((tx) =>
    tx
      .insert(mailOutbox)
      .values({
        messageId: `<${crypto.randomUUID()}@test>`,
        recipientUserId: facilitator.id,
        toAddress: facilitator.email,
        toName: facilitator.name,
        locale: 'ru',
        template: 'visit-due',
        subject: 'Visit due',
        html: `<p>Visit Family ${marker}</p>`,
        text: `Visit Family ${marker}`,
        jobKey: visitReminderKey(visit.id),
        householdId: household.id,
        nextAttemptAt: new Date(),
      })
      .run(),
  );
  // Notices to others that name her, through the services that write them: her consultant's
  // "new booking" (her name, her words) and its reminder; staff's "a report came" (her reference).
  const consultant = await createUser({ roles: ['consultant'], locale: 'ru' });
  const slot = createSlot({
    consultantId: consultant.id,
    localityId: household.localityId,
    startsAt: new Date(Date.now() + 3 * 24 * 60 * 60_000),
  });
  const family = sessionUserOf(world.family);
  const booked = bookConsultation(family, {
    slotId: slot.id,
    applicationId: world.applicationId,
    helpWith: `Help ${marker}`,
    joinWaitingList: false,
  });
  if (!booked.ok) throw new Error(`not booked: ${booked.error}`);
  const sent = sendFamilyReport(
    browserRequest(),
    family,
    reportGrantFor(family, world.grant.id)!,
    { businessStatus: 'operating', monthlyRevenue: 20_000_00, question: `Asked ${marker}` },
    null,
  );
  if (!sent.ok) throw new Error(`report not sent: ${sent.error}`);
  setGrantStatus(world.grant.id, 'completed');
  return { ...world, householdId: household.id, marker, phone, email, register, files };
}

/** The outbox cells (any recipient) that carry one of the values, e.g. her reference. */
function mailHolding(values: string[]): string[] {
  return values.flatMap((value) =>
    sqlite
      .prepare<[string, string, string, string], { id: number; template: string }>(
        `select id, template from mail_outbox
          where instr(subject, ?) > 0 or instr(html, ?) > 0 or instr(text, ?) > 0
            or instr(coalesce(attachments, ''), ?) > 0`,
      )
      .all(value, value, value, value)
      .map((row) => `${row.template} #${row.id} ∋ ${value}`),
  );
}

/** Every text cell of every table that contains one of the values. */
function cellsHolding(values: string[]): string[] {
  const tables = sqlite
    .prepare<[], { name: string }>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
    )
    .all();
  const found: string[] = [];
  for (const { name } of tables) {
    const columns = sqlite
      .prepare<[string], { name: string; type: string }>(
        'select name, type from pragma_table_info(?)',
      )
      .all(name)
      .filter((c) => c.type.toLowerCase() === 'text');
    for (const column of columns) {
      for (const value of values) {
        const hit = sqlite
          .prepare(`select 1 from "${name}" where instr("${column.name}", ?) > 0 limit 1`)
          .get(value);
        if (hit) found.push(`${name}.${column.name} ∋ ${value}`);
      }
    }
  }
  return found;
}

function personalValues(f: Family): string[] {
  return [f.marker, f.phone, f.email, f.register];
}

function fileExists(key: string): boolean {
  try {
    readAttachmentFile(key);
    return true;
  } catch {
    return false;
  }
}

function figures(competitionIds: number[]) {
  const dashboard = dashboardPage(dashboardFiltersFrom(new URLSearchParams()), 'en');
  return {
    charts: dashboard.charts,
    outcomeSection: dashboard.outcomeSection,
    competitions: competitionIds.map((id) => {
      const report = donorReport(id, 'en', NOW)!;
      const { stories: _stories, ...donorFigures } = report;
      return { outcomes: outcomesPage(id, 'en', NOW), donor: donorFigures };
    }),
  };
}

describe('anonymisation after retention', () => {
  test('removes every personal value of households past retention, keeps the figures, and keeps the audit chain intact', async () => {
    writeTransaction((tx) =>
      tx.insert(programmeSettings).values({ key: 'retentionYearsAfterClose', value: 2 }).run(),
    );
    const past = await familyClosed('ALPHA7F3E', 3);
    const recent = await familyClosed('BRAVO91CC', 1);
    const older = await familyClosed('ECHO0B2D', 4);
    const admin = await createUser({ roles: ['admin'] });

    // One household per batch, so the run goes through more than one.
    const preview = previewAnonymisation(NOW, 1);
    expect(preview.retentionYears).toBe(2);
    expect(preview.counts).toMatchObject({
      households: 2,
      members: 8,
      accounts: 2,
      files: 2,
      photos: 2,
    });
    // Title, description, feedback, the report's question and the visit's notes, of each.
    expect(preview.counts.freeTexts).toBeGreaterThanOrEqual(10);
    expect(preview.counts.auditLines).toBeGreaterThanOrEqual(4);

    const competitionIds = [past, recent, older].map((f) => f.competition.id);
    const before = figures(competitionIds);
    expect(cellsHolding(personalValues(past)).length).toBeGreaterThan(0);
    // Mail to her consultant and to staff names her (her name, her words, her reference).
    const namingPast = mailHolding([past.marker, past.reference]).join('\n');
    for (const template of [
      'consultant-booking-new',
      'consultant-booking-reminder',
      'family-report-received',
      'visit-due',
    ])
      expect(namingPast).toContain(template);

    const result = runAnonymisation({ userId: admin.id, ipAddress: null }, NOW, 1);
    expect(result.counts).toEqual(preview.counts);

    expect(cellsHolding([...personalValues(past), ...personalValues(older)])).toEqual([]);
    // No mail to anyone still names them, not even by their applications' references.
    expect(mailHolding([past.reference, older.reference])).toEqual([]);
    expect([...past.files, ...older.files].map(fileExists)).toEqual([false, false, false, false]);
    // The other family keeps all of hers.
    expect(cellsHolding(personalValues(recent)).length).toBeGreaterThan(5);
    expect(recent.files.map(fileExists)).toEqual([true, true]);

    expect(figures(competitionIds)).toEqual(before);
    expect(findHouseholdOfUser(past.family.id)?.anonymisedAt).toEqual(NOW);
    expect(findHouseholdOfUser(recent.family.id)?.anonymisedAt).toBeNull();

    expect(verifyAuditLog()).toMatchObject({ ok: true });
    const runLine = sqlite
      .prepare<[], { after: string }>(
        "select after from audit_log where action = 'anonymisation.run'",
      )
      .all();
    expect(runLine).toHaveLength(1);
    expect(JSON.parse(runLine[0]!.after)).toMatchObject({ households: 2, members: 8 });

    // Twice changes nothing more: no household is picked, no line written.
    const lines = sqlite.prepare('select count(*) as n from audit_log').get();
    expect(previewAnonymisation(NOW).counts.households).toBe(0);
    expect(runAnonymisation({ userId: admin.id, ipAddress: null }, NOW).counts.households).toBe(0);
    expect(sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(lines);

    // Her account is closed to her.
    const signedIn = await signIn(
      browserRequest(),
      { identifier: past.email, password: TEST_PASSWORD },
      { wait: async () => {} },
    );
    expect(signedIn.ok).toBe(false);
    // Lists still name the account by something a screen reader can say: its number.
    const account = sqlite
      .prepare<[number], { name: string }>('select name from users where id = ?')
      .get(past.family.id)!;
    expect(account.name).toBe(`#${past.family.id}`);
  });

  test('a redacted audit line is accepted by the verifier, and any edit of it afterwards is detected', async () => {
    const family = await familyClosed('CHARLIE42', 0);
    const staff = await createUser({ roles: ['staff'] });
    const done = anonymiseOnRequest(
      { userId: staff.id, ipAddress: null },
      family.householdId,
      'REQ-1',
    );
    expect(done.ok).toBe(true);
    expect(cellsHolding([family.marker, family.phone])).toEqual([]);
    expect(verifyAuditLog()).toMatchObject({ ok: true });

    const redacted = sqlite
      .prepare<[], { id: number; after: string }>(
        'select id, after from audit_log where mac_version = 3 and after is not null order by id limit 1',
      )
      .get()!;
    expect(redacted.after).toContain('[redacted]');
    // The audit page tells the admin in her language why the value reads so.
    expect(isRedactedChange(null, redacted.after)).toBe(true);
    expect(isRedactedChange('{"name":"Айгүл"}', null)).toBe(false);
    // The table refuses the edit; someone who writes the file drops the trigger first.
    expect(() =>
      sqlite.prepare('update audit_log set after = ? where id = ?').run('{}', redacted.id),
    ).toThrow(/append-only/);
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite
      .prepare('update audit_log set after = ? where id = ?')
      .run(redacted.after.replace('[redacted]', 'Someone else'), redacted.id);
    expect(verifyAuditLog()).toMatchObject({ ok: false, problem: 'altered', lineId: redacted.id });
    sqlite.prepare('update audit_log set after = ? where id = ?').run(redacted.after, redacted.id);
    expect(verifyAuditLog()).toMatchObject({ ok: true });
    // A line turned into a "redacted" one without the chain vouching for it is caught too.
    const plain = sqlite
      .prepare<[], { id: number }>(
        "select id from audit_log where mac_version = 2 and action <> 'audit.lines-redacted' order by id limit 1",
      )
      .get()!;
    sqlite.prepare('update audit_log set mac_version = 3, after = null where id = ?').run(plain.id);
    expect(verifyAuditLog()).toMatchObject({ ok: false, problem: 'altered', lineId: plain.id });
  });

  test("staff's page anonymises on her request with its reference, refuses while her grant runs, and is closed to others", async () => {
    async function post(householdId: number, user: { id: number }, form: Record<string, string>) {
      try {
        return await onRequestAction({
          request: browserRequest(`http://localhost:3999/households/${householdId}/anonymise`, {
            cookie: await sessionCookieFor(user),
            method: 'POST',
            body: new URLSearchParams(form),
          }),
          params: { householdId: String(householdId) },
          context: {},
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    }
    const staff = await createUser({ roles: ['staff'] });
    const facilitator = await createUser({ roles: ['facilitator'] });
    const running = await createGrantWorld({ signed: true });
    const runningId = findHouseholdOfUser(running.family.id)!.id;
    const refused = await post(runningId, staff, { requestReference: 'Letter 9', confirm: 'on' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      formError: 'admin:anonymisation.onRequest.refused.grant-open',
    });

    const finished = await familyClosed('DELTA5E', 0);
    const noReference = await post(finished.householdId, staff, { confirm: 'on' });
    expect(noReference.status).toBe(400);
    expect(
      (await post(finished.householdId, facilitator, { requestReference: 'x', confirm: 'on' }))
        .status,
    ).toBe(403);
    expect(findHouseholdOfUser(finished.family.id)?.anonymisedAt).toBeNull();

    const done = await post(finished.householdId, staff, {
      requestReference: 'Letter 9',
      confirm: 'on',
    });
    expect(done.status).toBe(200);
    expect(findHouseholdOfUser(finished.family.id)?.anonymisedAt).not.toBeNull();
    expect(cellsHolding([finished.marker, finished.phone])).toEqual([]);
    const line = sqlite
      .prepare<[string], { actor_user_id: number; after: string }>(
        "select actor_user_id, after from audit_log where action = 'household.anonymised-on-request' and entity_id = ?",
      )
      .get(String(finished.householdId))!;
    expect(line.actor_user_id).toBe(staff.id);
    expect(JSON.parse(line.after)).toMatchObject({ requestReference: 'Letter 9' });
  });

  test('on her request, refused while her grant is running', async () => {
    const world = await createGrantWorld({ signed: true });
    const household = findHouseholdOfUser(world.family.id)!;
    const staff = await createUser({ roles: ['staff'] });
    const refused = anonymiseOnRequest(
      { userId: staff.id, ipAddress: null },
      household.id,
      'REQ-2',
    );
    expect(refused).toEqual({ ok: false, error: 'grant-open' });
    expect(findHouseholdOfUser(world.family.id)?.anonymisedAt).toBeNull();
  });
});
