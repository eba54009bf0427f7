// The exports of a competition's money (issue 13): the grants as CSV (UTF-8 with a BOM, headers in
// the reader's language, one row per grant with what was paid) and the ledger and grants as XLSX,
// which hold the same rows as the CSVs — on a real SQLite file.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { sqlite, writeTransaction } from '~db/client';
import { updateApplicationRow } from '~/models/application.server';
import { loader as grantsCsvLoader } from '~/routes/staff.competitions.$competitionId_.grants[.]csv/route';
import { loader as grantsXlsxLoader } from '~/routes/staff.competitions.$competitionId_.grants[.]xlsx/route';
import { loader as ledgerXlsxLoader } from '~/routes/staff.competitions.$competitionId_.ledger[.]xlsx/route';
import { approveMoneyRequest, recordMoneyRequest } from '~/services/disbursement.server';
import { grantsCsv, grantsTable } from '~/services/grants-export.server';
import { openGrantFor } from '~/services/grants.server';
import { ledgerCsv, ledgerTable, tableXlsx } from '~/services/ledger-export.server';
import { browserRequest, createUser, uniqueSuffix } from '../support/factories';
import { sessionCookieFor } from '../support/jury-factories';
import { createGrantWorld, createMoneyStaff } from '../support/grant-factories';
import { createApplication, createHousehold } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const req = () => browserRequest();
const day = new Date('2026-03-02T06:00:00Z');

/** A signed grant of 100 000 som with its first tranche (70 000) paid, and a second, unsigned grant of 50 000. */
async function competitionWithTwoGrants() {
  const { staffA, staffB } = await createMoneyStaff();
  const world = await createGrantWorld({ signed: true });
  const first = world.tranches[0]!;
  const recorded = recordMoneyRequest(req(), sessionUserOf(staffA), world.grant.id, {
    kind: 'payment',
    trancheId: first.id,
    amount: first.amount,
    method: 'e-wallet',
    paidOn: day,
    reference: 'ODENGI-1',
  });
  if (!recorded.ok) throw new Error(recorded.error);
  const approved = approveMoneyRequest(req(), sessionUserOf(staffB), recorded.request.id);
  if (!approved.ok) throw new Error(approved.error);

  const { localityId } = sqlite
    .prepare(
      'select h.locality_id as localityId from applications a join households h on h.id = a.household_id where a.id = ?',
    )
    .get(world.applicationId) as { localityId: number };
  const family = await createUser({ roles: ['applicant'], locale: 'ru', localityId });
  const { household, members } = createHousehold({ localityId, user: family });
  const reference = `TJ-${uniqueSuffix()}`;
  const application = createApplication({
    competition: world.competition,
    household,
    members,
    enteredBy: family,
    status: 'awarded',
    reference,
  });
  writeTransaction((tx) => {
    const awarded = updateApplicationRow(tx, application.id, { awardedAmount: 50_000_00 });
    return openGrantFor(tx, awarded, world.competition, null);
  });
  return { world, secondReference: reference };
}

async function sheetRows(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('exports of the grants and the ledger', () => {
  test('the grants CSV starts with the BOM, has the Russian headers, and one row per grant with what was paid', async () => {
    const { world, secondReference } = await competitionWithTwoGrants();
    const csv = grantsCsv(world.competition.id, 'ru')!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Номер заявки;Получательница;Село;Сумма гранта;Валюта;Статус;Договор подписан;Способ выплаты;Выплачено;Осталось выплатить',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${world.reference};Айпери [^;]*;village-[^;]* ru;100000,00;KGS;Договор подписан;[^;]+;Электронный кошелёк;70000,00;30000,00$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^${secondReference};[^;]*;village-[^;]* ru;50000,00;KGS;Договор не подписан;;;0,00;50000,00$`,
      ),
    );
    expect(grantsCsv(999_999, 'ru')).toBeNull();
  });

  test('the ledger and grants workbooks open with exceljs and hold the same rows as the CSVs', async () => {
    const { world } = await competitionWithTwoGrants();
    const id = world.competition.id;
    const pairs: [Buffer, string][] = [
      [await tableXlsx(ledgerTable(id, 'ky')!), ledgerCsv(id, 'ky')!],
      [await tableXlsx(grantsTable(id, 'ky')!), grantsCsv(id, 'ky')!],
    ];
    for (const [xlsx, csv] of pairs) {
      const rows = await sheetRows(xlsx);
      const csvRows = csv
        .slice(1)
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(';'));
      expect(rows).toHaveLength(csvRows.length);
      expect(rows[0]).toEqual(csvRows[0]);
      // Amounts are numbers in the workbook, text with the locale's decimal mark in the CSV.
      const normalise = (cell: unknown) =>
        typeof cell === 'number' ? cell.toFixed(2).replace('.', ',') : (cell ?? '');
      for (let i = 1; i < rows.length; i += 1) {
        const cells = Array.from(rows[i]!, normalise);
        while (cells.length < csvRows[i]!.length) cells.push('');
        const expected = csvRows[i]!.map((cell, c) =>
          /^\d+$/.test(cell) && typeof rows[i]![c] === 'number'
            ? Number(cell).toFixed(2).replace('.', ',')
            : cell,
        );
        expect(cells).toEqual(expected);
      }
    }
    expect(
      (await sheetRows(await tableXlsx(grantsTable(world.competition.id, 'ru')!)))
        .slice(1)
        .map((r) => r.slice(8)),
    ).toEqual([
      [70_000, 30_000],
      [0, 50_000],
    ]);
  });

  test('the routes give staff the files and refuse a family', async () => {
    const { world } = await competitionWithTwoGrants();
    const staff = await createUser({ roles: ['staff'], locale: 'ru' });
    const call = async (
      loader: typeof grantsCsvLoader,
      file: string,
      user: { id: number },
    ): Promise<Response> => {
      try {
        return await loader({
          request: browserRequest(
            `http://localhost:3999/staff/competitions/${world.competition.id}/${file}`,
            { cookie: await sessionCookieFor(user) },
          ),
          params: { competitionId: String(world.competition.id) },
          context: {},
        });
      } catch (thrown) {
        if (thrown instanceof Response) return thrown;
        throw thrown;
      }
    };
    const csv = await call(grantsCsvLoader, 'grants.csv', staff);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(
      grantsCsv(world.competition.id, 'ru'),
    );
    for (const [loader, file, expected] of [
      [grantsXlsxLoader, 'grants.xlsx', await tableXlsx(grantsTable(world.competition.id, 'ru')!)],
      [ledgerXlsxLoader, 'ledger.xlsx', await tableXlsx(ledgerTable(world.competition.id, 'ru')!)],
    ] as const) {
      const response = await call(loader, file, staff);
      expect(response.headers.get('content-disposition')).toContain(
        file.replace('.', `-${world.competition.id}.`),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of Readable.fromWeb(response.body! as never))
        chunks.push(chunk as Buffer);
      expect(await sheetRows(Buffer.concat(chunks))).toEqual(await sheetRows(expected));
      expect((await call(loader, file, world.family)).status).toBeGreaterThanOrEqual(300);
    }
  });
});
