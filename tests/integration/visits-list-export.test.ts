// The monitoring visits list (/visits) as CSV and XLSX: the page's filters and the facilitator's
// villages apply, only the page's columns (never a safeguarding note), headers in the reader's
// language, typed XLSX cells, one audit line per download, and no file for a family.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as csvLoader } from '~/routes/visits[.]csv/route';
import { loader as xlsxLoader } from '~/routes/visits[.]xlsx/route';
import { exportVisitsList } from '~/services/visits-export.server';
import { tableCsv } from '~/services/ledger-export.server';
import { browserRequest, createUser } from '../support/factories';
import { sessionUserOf } from '../support/session-user';
import { csvOf, download, sheetOf } from '../support/export-reading';
import {
  createCompetitionWithGrants,
  insertSafeguardingFlag,
  insertVisit,
} from '../support/outcome-view-factories';

const SECRET = 'Синяк на руке (safeguarding-4418)';

function villageOf(applicationId: number): number {
  return (
    sqlite
      .prepare(
        'select h.locality_id as id from applications a join households h on h.id = a.household_id where a.id = ?',
      )
      .get(applicationId) as { id: number }
  ).id;
}

function beneficiaryOf(grantId: number): string {
  const row = sqlite
    .prepare(
      'select m.first_name as f, m.last_name as l from grants g join household_members m on m.id = g.beneficiary_member_id where g.id = ?',
    )
    .get(grantId) as { f: string; l: string };
  return `${row.f} ${row.l}`;
}

/** Two villages: in A one visit done (with a safeguarding flag) and one overdue; in B one due. */
async function world() {
  const a = await createCompetitionWithGrants(2);
  const b = await createCompetitionWithGrants(1);
  const [done, overdue] = a.grants;
  const visit = insertVisit(
    done!.id,
    { month: 3, dueOn: '2025-05-01', businessStatus: 'operating', monthlyRevenue: 1_500_050 },
    a.staff,
  );
  insertSafeguardingFlag(done!.id, a.staff, SECRET, visit.id);
  insertVisit(overdue!.id, { month: 6, dueOn: '2025-08-01' });
  insertVisit(b.grants[0]!.id, { month: 3, dueOn: '2099-05-01' });
  return {
    villageA: villageOf(done!.applicationId),
    villageB: villageOf(b.grants[0]!.applicationId),
    done: done!,
    overdue: overdue!,
    other: b.grants[0]!,
  };
}

function auditRows(userId: number) {
  return sqlite
    .prepare(
      "select json_extract(after, '$.rows') as rows, json_extract(after, '$.state') as state from audit_log where action = 'visit.list-exported' and actor_user_id = ? order by id",
    )
    .all(userId) as { rows: number; state: string | null }[];
}

describe('exports of the monitoring visits list', () => {
  test('the CSV has the BOM, ";" and Russian headers, the village and state filters, no note', async () => {
    const w = await world();
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    const response = await download(csvLoader, `/visits.csv?village=${w.villageA}`, staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('visits.csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Получательница;Село;Номер заявки;Визит (месяц);Срок;Состояние');
    expect(lines).toHaveLength(3);
    // The page's order: overdue first, then done.
    expect(lines[1]).toContain(w.overdue.reference);
    expect(lines[1]).toContain(';6;2025-08-01;Просрочен');
    expect(lines[1]).toContain(beneficiaryOf(w.overdue.id));
    expect(lines[2]).toContain(`${w.done.reference};3;2025-05-01;Проведён`);
    expect(csv).not.toContain(w.other.reference);
    expect(csv).not.toContain('safeguarding-4418');
    expect(csv).not.toContain('15000');

    const { lines: doneOnly } = await csvOf(
      await download(csvLoader, `/visits.csv?village=${w.villageA}&state=done`, staff),
    );
    expect(doneOnly).toHaveLength(2);
    expect(doneOnly[1]).toContain(w.done.reference);
    expect(auditRows(staff.id)).toEqual([
      { rows: 2, state: null },
      { rows: 1, state: 'done' },
    ]);
  });

  test('a facilitator gets only her villages, even when she asks for another; English uses ","', async () => {
    const w = await world();
    const facilitator = await createUser({
      roles: ['facilitator'],
      locale: 'en',
      worksIn: [w.villageB],
    });
    for (const search of ['', `?village=${w.villageA}`]) {
      const { csv, lines } = await csvOf(
        await download(csvLoader, `/visits.csv${search}`, facilitator),
      );
      expect(lines[0]).toBe('Beneficiary,Village,Application,Visit month,Due,State');
      expect(csv).toContain(w.other.reference);
      expect(csv).not.toContain(w.done.reference);
      expect(csv).not.toContain(w.overdue.reference);
    }
  });

  test('the XLSX has Kyrgyz headers, a frozen header, numbers and dates typed; a family is refused', async () => {
    const w = await world();
    const staff = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await download(xlsxLoader, `/visits.xlsx?village=${w.villageA}`, staff);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = await sheetOf(response);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Алуучу');
    expect(sheet.getRow(1).getCell(6).value).toBe('Абалы');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe(w.overdue.reference);
    expect(sheet.getRow(2).getCell(4).value).toBe(6);
    const due = sheet.getRow(2).getCell(5).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2025-08-01');
    expect(sheet.getRow(2).getCell(6).value).toBe('Мөөнөтү өттү');
    expect(auditRows(staff.id)).toEqual([{ rows: 2, state: null }]);

    const family = await createUser({ roles: ['applicant'] });
    expect((await download(csvLoader, '/visits.csv', family)).status).toBe(403);
    expect((await download(xlsxLoader, '/visits.xlsx', family)).status).toBe(403);
  });

  test('read a batch of ids at a time, the file is the same, in the page’s order', async () => {
    const w = await world();
    const staff = sessionUserOf(await createUser({ roles: ['staff'], locale: 'en' }));
    const request = browserRequest(`http://localhost:3999/visits.csv?village=${w.villageA}`, {});
    const whole = tableCsv(exportVisitsList(request, staff, 'csv'));
    const oneByOne = tableCsv(exportVisitsList(request, staff, 'csv', 1));
    expect(oneByOne).toBe(whole);
    expect(whole.indexOf(w.overdue.reference)).toBeLessThan(whole.indexOf(w.done.reference));
  });
});
