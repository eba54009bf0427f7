// Who opened a family's file (issue 16 item 5): a staff member's or facilitator's read is one
// row, the family's own reads are not recorded, a failure never reaches the page, and the admin
// reads a household's rows newest first, a keyset page at a time, and as CSV.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, sqlite } from '~db/client';
import { householdReads } from '~db/schema/household-reads';
import { listHouseholdReadsPage } from '~/models/household-reads.server';
import { recordRead } from '~/services/household-reads.server';
import { householdReadsCsv, householdReadsPage } from '~/services/household-reads-view.server';
import { browserRequest, createLocality, createUser } from '../support/factories';
import { createHousehold } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

afterEach(() => {
  vi.restoreAllMocks();
});

async function world() {
  const locality = createLocality();
  const family = await createUser({ roles: ['applicant'], localityId: locality.id });
  const { household } = createHousehold({ localityId: locality.id, user: family });
  const facilitator = await createUser({
    roles: ['facilitator'],
    name: 'Гүлзат Токтогулова',
    worksIn: [locality.id],
  });
  const staff = await createUser({ roles: ['staff'], name: 'Нургүл Асанова' });
  return { household, family, facilitator, staff };
}

const readsOf = (householdId: number) =>
  db.select().from(householdReads).where(eq(householdReads.householdId, householdId)).all();

describe('recordRead', () => {
  it('writes one row for a facilitator or staff member, none for the family', async () => {
    const { household, family, facilitator, staff } = await world();
    const request = browserRequest('http://localhost:3999/', { ip: '198.51.100.4' });
    const at = new Date('2026-12-01T04:00:00Z');

    recordRead(sessionUserOf(family), household.id, 'household', request, null, at);
    recordRead(sessionUserOf(facilitator), household.id, 'household', request, null, at);
    recordRead(sessionUserOf(staff), household.id, 'attachment', request, 42, at);

    expect(
      readsOf(household.id).map((r) => ({
        viewer: r.viewerUserId,
        role: r.viewerRole,
        what: r.what,
        subject: r.subjectId,
        ip: r.ipAddress,
        at: r.createdAt.toISOString(),
      })),
    ).toEqual([
      {
        viewer: facilitator.id,
        role: 'facilitator',
        what: 'household',
        subject: null,
        ip: '198.51.100.4',
        at: at.toISOString(),
      },
      {
        viewer: staff.id,
        role: 'staff',
        what: 'attachment',
        subject: 42,
        ip: '198.51.100.4',
        at: at.toISOString(),
      },
    ]);
  });

  it('never fails the page: a write that cannot be made is only logged', async () => {
    const { staff } = await world();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // No such household: the foreign key refuses the row.
    expect(() =>
      recordRead(sessionUserOf(staff), 987_654_321, 'household', browserRequest()),
    ).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    expect(sqlite.inTransaction).toBe(false);
  });
});

describe("the admin's list", () => {
  it('is newest first, a keyset page at a time, in both directions', async () => {
    const { household, facilitator } = await world();
    const viewer = sessionUserOf(facilitator);
    for (let i = 0; i < 5; i++) {
      recordRead(viewer, household.id, 'application', browserRequest(), i + 1);
    }
    const first = listHouseholdReadsPage({ householdId: household.id, pageSize: 2 });
    expect(first.rows.map((r) => r.subjectId)).toEqual([5, 4]);
    expect([first.hasNewer, first.hasOlder]).toEqual([false, true]);

    const second = listHouseholdReadsPage({
      householdId: household.id,
      before: first.rows[1]!.id,
      pageSize: 2,
    });
    expect(second.rows.map((r) => r.subjectId)).toEqual([3, 2]);
    expect([second.hasNewer, second.hasOlder]).toEqual([true, true]);

    const last = listHouseholdReadsPage({
      householdId: household.id,
      before: second.rows[1]!.id,
      pageSize: 2,
    });
    expect(last.rows.map((r) => r.subjectId)).toEqual([1]);
    expect(last.hasOlder).toBe(false);

    const back = listHouseholdReadsPage({
      householdId: household.id,
      after: last.rows[0]!.id,
      pageSize: 2,
    });
    expect(back.rows.map((r) => r.subjectId)).toEqual([3, 2]);
    expect([back.hasNewer, back.hasOlder]).toEqual([true, true]);
  });

  it('names who, her role and what, in the reader language and the programme clock', async () => {
    const { household, facilitator, staff } = await world();
    const other = await world();
    recordRead(
      sessionUserOf(facilitator),
      household.id,
      'household',
      browserRequest(),
      null,
      new Date('2026-12-01T04:00:00Z'),
    );
    recordRead(
      sessionUserOf(staff),
      household.id,
      'data-download',
      browserRequest(),
      null,
      new Date('2026-12-01T05:30:00Z'),
    );
    recordRead(sessionUserOf(other.staff), other.household.id, 'grant', browserRequest());

    const page = householdReadsPage(household.id, 'ru', {});
    expect(page.rows.map((r) => [r.viewer.name, r.role, r.what])).toEqual([
      ['Нургүл Асанова', 'Сотрудник программы', 'Её данные (скачивание)'],
      ['Гүлзат Токтогулова', 'Фасилитатор', 'Страница семьи'],
    ]);
    // 05:30 UTC is 11:30 in Bishkek.
    expect(page.rows[0]!.at.text).toContain('11:30');

    const csv = householdReadsCsv(household.id, 'en');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('When,Who,Role,What');
    expect(lines.slice(1).map((l) => l.split(',').slice(-3).join(','))).toEqual([
      'Нургүл Асанова,Programme staff,Her data (download)',
      "Гүлзат Токтогулова,Facilitator,The family's page",
    ]);
  });
});
