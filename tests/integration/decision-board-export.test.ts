// The decision board (/staff/competitions/:id/decisions) as CSV and XLSX: the board's filters
// apply, headers are in the reader's language, places, points and money are typed cells, the
// ranking is read in keyset batches (a batch of one keeps every row), each download writes an
// audit line with its filters and rows, and someone without decisions:manage gets no file.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as csvLoader } from '~/routes/staff.competitions.$competitionId_.decisions[.]csv/route';
import { loader as xlsxLoader } from '~/routes/staff.competitions.$competitionId_.decisions[.]xlsx/route';
import { boardExportRows } from '~/services/decision-board-export.server';
import { decide } from '~/services/decisions.server';
import { browserRequest, createUser } from '../support/factories';
import { decisionWorld, SOM, type DecisionWorld } from '../support/decision-world';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { sessionUserOf } from '../support/session-user';

/** The world ready for decisions, N1 awarded 80 000 som and S1 put on the waiting list. */
async function boardWithTwoDecisions(): Promise<DecisionWorld> {
  const world = await decisionWorld();
  const staff = sessionUserOf(world.staff);
  const id = (key: 'N1' | 'S1') => world.families[key].applicationId;
  expect(
    decide(browserRequest(), staff, id('N1'), { decision: 'awarded', amount: 80_000 * SOM }),
  ).toEqual({ ok: true });
  expect(decide(browserRequest(), staff, id('S1'), { decision: 'waitlisted' })).toEqual({
    ok: true,
  });
  return world;
}

const path = (world: DecisionWorld, ext: 'csv' | 'xlsx', query = '') =>
  `/staff/competitions/${world.competition.id}/decisions.${ext}${query}`;
const params = (world: DecisionWorld) => ({ competitionId: String(world.competition.id) });

function auditLinesOf(actorId: number) {
  return sqlite
    .prepare(
      "select entity_id as entityId, after from audit_log where action = 'decision-board.exported' and actor_user_id = ? order by id",
    )
    .all(actorId) as { entityId: string; after: string }[];
}

describe('exports of the decision board', () => {
  test('the CSV has the BOM, ";", Russian headers and the final ranking; the village filter applies and is audited', async () => {
    const world = await boardWithTwoDecisions();
    const response = await download(csvLoader, path(world, 'csv'), world.staff, params(world));
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Место;Балл;Номер;Идея;Сфера;Село;Запрошено;Валюта;Решение;Уже присуждено;Место в листе ожидания',
    );
    expect(lines).toHaveLength(7);
    const first = lines[1]!.split(';');
    expect(first[0]).toBe('1');
    expect(first[2]).toBe(world.families.N1.reference);
    expect(first[6]).toBe('100000,00');
    expect(first[7]).toBe('KGS');
    expect(first[8]).toBe('Грант присуждён');
    expect(first[9]).toBe('80000,00');
    expect(lines[2]).toContain(world.families.S1.reference);
    expect(lines[2]).toContain('В листе ожидания');
    expect(lines[3]).toContain('Не решено');

    const { lines: north } = await csvOf(
      await download(
        csvLoader,
        path(world, 'csv', `?village=${world.north.id}&rankFrom=2`),
        world.staff,
        params(world),
      ),
    );
    expect(north.slice(1).map((line) => line.split(';')[2])).toEqual([
      world.families.N2.reference,
      world.families.N3.reference,
    ]);
    const audit = auditLinesOf(world.staff.id);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.entityId).toBe(String(world.competition.id));
    expect(JSON.parse(audit[1]!.after)).toEqual({
      format: 'csv',
      village: world.north.id,
      status: null,
      rankFrom: 2,
      rankTo: null,
      rows: 2,
    });
  });

  test('the XLSX has Kyrgyz headers and typed places, points and money; batches of one keep every row; a juror is refused', async () => {
    const world = await boardWithTwoDecisions();
    const kyStaff = await createUser({ roles: ['staff'], locale: 'ky' });
    const response = await download(
      xlsxLoader,
      path(world, 'xlsx', '?status=awarded'),
      kyStaff,
      params(world),
    );
    const sheet = await sheetOf(response);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Орун');
    expect(sheet.rowCount).toBe(2);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(1);
    expect(typeof row.getCell(2).value).toBe('number');
    expect(row.getCell(3).value).toBe(world.families.N1.reference);
    expect(row.getCell(7).value).toBe(100_000);
    expect(row.getCell(10).value).toBe(80_000);
    expect(row.getCell(7).numFmt).toBe('#,##0.00');
    expect(JSON.parse(auditLinesOf(kyStaff.id)[0]!.after)).toMatchObject({
      format: 'xlsx',
      status: 'awarded',
      rows: 1,
    });

    const roundId = world.rounds.second!;
    const ranks = (size: number) => [...boardExportRows(roundId, {}, size)].map((r) => r.rank);
    expect(ranks(1)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranks(1000)).toEqual(ranks(1));

    const juror = world.jurors[0];
    expect((await download(csvLoader, path(world, 'csv'), juror, params(world))).status).toBe(403);
    expect((await download(xlsxLoader, path(world, 'xlsx'), juror, params(world))).status).toBe(
      403,
    );
    expect(auditLinesOf(juror.id)).toHaveLength(0);
  });
});
