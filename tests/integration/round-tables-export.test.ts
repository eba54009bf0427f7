// The two tables of a round's staff page (/staff/rounds/:id) as CSV and XLSX: the page's columns
// in the reader's language, no family's name in a blind round (the page shows none), every
// assigned application across keyset batches, each download audited; a juror gets no file.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as assignmentsCsv } from '~/routes/staff.rounds.$roundId.assignments[.]csv/route';
import { loader as assignmentsXlsx } from '~/routes/staff.rounds.$roundId.assignments[.]xlsx/route';
import { loader as jurorsCsv } from '~/routes/staff.rounds.$roundId.jurors[.]csv/route';
import { loader as jurorsXlsx } from '~/routes/staff.rounds.$roundId.jurors[.]xlsx/route';
import { exportRoundTable } from '~/services/round-tables-export.server';
import { browserRequest, createLocality, createUser, uniqueSuffix } from '../support/factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { familyApplication, roundWithJurors } from '../support/jury-factories';
import { createCompetition } from '../support/programme-factories';
import { sessionUserOf } from '../support/session-user';

const SURNAME = 'Сарбагышева';

async function world(options: { isBlind: boolean; locale?: 'ky' | 'ru' | 'en' }) {
  const locality = createLocality();
  const staff = await createUser({ roles: ['staff'], locale: options.locale ?? 'ru' });
  const facilitator = await createUser({ roles: ['facilitator'] });
  const competition = createCompetition({ localityIds: [locality.id], status: 'screening' });
  const titles = ['Кийиз шырдак цехи', 'Нан бышыруучу жай', 'Тигүү цехи'];
  for (const [index, title] of titles.entries())
    familyApplication({
      competition,
      localityId: locality.id,
      members: [
        {
          firstName: `Жумагүл${index}`,
          lastName: SURNAME,
          sex: 'female',
          birthYear: 1961,
          relation: 'head',
        },
      ],
      address: 'Ак-Тилек көчөсү 47',
      phone: '+996700481516',
      enteredBy: facilitator,
      consentBy: facilitator,
      title,
    });
  const jurors = [
    await createUser({ roles: ['juror'], name: `Айбек Калыс ${uniqueSuffix()}` }),
    await createUser({ roles: ['juror'], name: `Бермет Калыс ${uniqueSuffix()}` }),
  ];
  const roundId = roundWithJurors({
    staff,
    competition,
    jurors,
    input: { isBlind: options.isBlind, jurorsPerApplication: 2 },
    declare: jurors,
    open: true,
  });
  return { staff, jurors, roundId, titles, locality };
}

const auditCount = (action: string, actorId: number) =>
  (
    sqlite
      .prepare('select count(*) as n from audit_log where action = ? and actor_user_id = ?')
      .get(action, actorId) as { n: number }
  ).n;

describe("exports of a round page's tables", () => {
  test('the assignments CSV: BOM, ";", Russian headers, every application with its jurors, no family name; audited', async () => {
    const { staff, jurors, roundId, titles } = await world({ isBlind: true });
    const response = await download(
      assignmentsCsv,
      `/staff/rounds/${roundId}/assignments.csv`,
      staff,
      { roundId: String(roundId) },
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Заявка;Бизнес-идея;Село;Члены жюри;Взяли самоотвод;Оценки');
    expect(lines).toHaveLength(4);
    for (const title of titles) expect(csv).toContain(title);
    for (const juror of jurors) expect(lines[1]).toContain(juror.name);
    expect(lines[1]).toContain('не начата');
    // The page names no family, blind round or not; nor does its download.
    expect(csv).not.toContain(SURNAME);
    expect(csv).not.toContain('Жумагүл');
    expect(csv).not.toContain('+996700481516');
    expect(auditCount('round.assignments-exported', staff.id)).toBe(1);
  });

  test('read in keyset batches of one, every assigned application comes once, in reference order', async () => {
    const { staff, roundId } = await world({ isBlind: false, locale: 'en' });
    const request = browserRequest(`http://localhost:3999/staff/rounds/${roundId}/assignments.csv`);
    const table = exportRoundTable(request, sessionUserOf(staff), roundId, 'assignments', 'csv', 1);
    const references = [...table!.rows].map((row) => row.text.application);
    expect(references).toHaveLength(3);
    expect(new Set(references).size).toBe(3);
    expect([...references].sort()).toEqual(references);
  });

  test('the assignments XLSX: Kyrgyz headers, frozen header, the scores count as a number', async () => {
    const { staff, roundId } = await world({ isBlind: true, locale: 'ky' });
    const sheet = await sheetOf(
      await download(assignmentsXlsx, `/staff/rounds/${roundId}/assignments.xlsx`, staff, {
        roundId: String(roundId),
      }),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Арыз');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(6).value).toBe(0);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain(SURNAME);
    expect(auditCount('round.assignments-exported', staff.id)).toBe(1);
  });

  test('the jurors\' CSV in English uses ","; the XLSX has typed dates and numbers; both audited', async () => {
    const { staff, jurors, roundId } = await world({ isBlind: true, locale: 'en' });
    const { lines } = await csvOf(
      await download(jurorsCsv, `/staff/rounds/${roundId}/jurors.csv`, staff, {
        roundId: String(roundId),
      }),
    );
    expect(lines[0]).toBe('Juror,Lives in,Conflicts declared,Families known,Assigned,Submitted');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(jurors[0]!.name);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2} \d{2}:\d{2},0,3,0$/);

    const sheet = await sheetOf(
      await download(jurorsXlsx, `/staff/rounds/${roundId}/jurors.xlsx`, staff, {
        roundId: String(roundId),
      }),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Juror');
    expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(5).value).toBe(3);
    expect(auditCount('round.jurors-exported', staff.id)).toBe(2);
  });

  test('a juror gets no file, and an unknown round is not found', async () => {
    const { jurors, roundId, staff } = await world({ isBlind: true });
    const params = { roundId: String(roundId) };
    for (const loader of [assignmentsCsv, assignmentsXlsx, jurorsCsv, jurorsXlsx])
      expect(
        (await download(loader, `/staff/rounds/${roundId}/jurors.csv`, jurors[0]!, params)).status,
      ).toBe(403);
    expect(
      (await download(jurorsCsv, `/staff/rounds/0/jurors.csv`, staff, { roundId: '0' })).status,
    ).toBe(404);
  });
});
