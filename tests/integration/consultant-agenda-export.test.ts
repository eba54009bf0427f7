// The consultant's agenda (/consultant) as CSV and XLSX: the shown day or week, her own times only
// (staff: the consultant they name), the page's columns in the reader's language (a waiting
// family by her name only), typed times on the programme's clock; each download audited.
import { describe, expect, test } from 'vitest';
import { sqlite } from '~db/client';
import { loader as csvLoader } from '~/routes/consultant[.]csv/route';
import { loader as xlsxLoader } from '~/routes/consultant[.]xlsx/route';
import { programmeTimeZone } from '~/services/consultation-slots.server';
import { zonedLocalToUtc } from '~/utils/timezone';
import { createSlot } from '../support/booking-factories';
import { insertBooking } from '../support/consultation-factories';
import { csvOf, download, sheetOf } from '../support/export-reading';
import { createLocality, createUser, uniqueSuffix } from '../support/factories';
import { familyApplication } from '../support/jury-factories';
import { createCompetition } from '../support/programme-factories';

async function world(locale: 'ky' | 'ru' | 'en' = 'ru') {
  const locality = createLocality();
  const competition = createCompetition({ localityIds: [locality.id] });
  const facilitator = await createUser({ roles: ['facilitator'] });
  const consultant = await createUser({ roles: ['consultant'], locale });
  const other = await createUser({ roles: ['consultant'] });
  const suffix = uniqueSuffix();
  const family = (firstName: string, phone: string) => {
    const made = familyApplication({
      competition,
      localityId: locality.id,
      members: [
        {
          firstName,
          lastName: `Садыкова${suffix}`,
          sex: 'female',
          birthYear: 1985,
          relation: 'head',
        },
      ],
      address: 'Ак-Тилек көчөсү 47',
      phone,
      enteredBy: facilitator,
      consentBy: facilitator,
      title: `Шырдак ${firstName}`,
    });
    return { ...made, name: `${firstName} Садыкова${suffix}`, phone };
  };
  const timeZone = programmeTimeZone();
  const at = (local: string) => zonedLocalToUtc(local, timeZone)!;
  const booked = family('Айгүл', '+996700111222');
  const waiting = family('Жылдыз', '+996700333444');
  const othersFamily = family('Нуржан', '+996700555666');
  const slot = createSlot({
    consultantId: consultant.id,
    localityId: locality.id,
    startsAt: at('2031-03-12T09:00'),
    minutes: 45,
    capacity: 1,
  });
  insertBooking({
    slotId: slot.id,
    applicationId: booked.applicationId,
    householdId: booked.household.id,
    bookedById: facilitator.id,
    helpWith: 'Баа коюу',
  });
  insertBooking({
    slotId: slot.id,
    applicationId: waiting.applicationId,
    householdId: waiting.household.id,
    bookedById: facilitator.id,
    status: 'waiting',
  });
  // Later the same week, a time nobody has booked yet.
  createSlot({
    consultantId: consultant.id,
    localityId: locality.id,
    startsAt: at('2031-03-14T10:00'),
  });
  const othersSlot = createSlot({
    consultantId: other.id,
    localityId: locality.id,
    startsAt: at('2031-03-12T09:00'),
  });
  insertBooking({
    slotId: othersSlot.id,
    applicationId: othersFamily.applicationId,
    householdId: othersFamily.household.id,
    bookedById: facilitator.id,
  });
  return { consultant, other, booked, waiting, othersFamily };
}

const audited = (actorId: number) =>
  (
    sqlite
      .prepare(
        "select count(*) as n from audit_log where action = 'consultation-slot.agenda-exported' and actor_user_id = ?",
      )
      .get(actorId) as { n: number }
  ).n;

describe("exports of the consultant's agenda", () => {
  test('the CSV: BOM, ";", Russian headers, the shown day only, a waiting family by name only, nobody of another consultant', async () => {
    const { consultant, other, booked, waiting, othersFamily } = await world('ru');
    // Asking for another consultant's agenda, she still gets her own.
    const response = await download(
      csvLoader,
      `/consultant.csv?view=day&date=2031-03-12&consultant=${other.id}`,
      consultant,
    );
    expect(response.headers.get('content-type')).toContain('text/csv');
    const { csv, lines } = await csvOf(response);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe(
      'Начало;Конец;Село;Как;Статус;Занято;Мест;Семья;Записана или ждёт;Село семьи;Телефон;Заявка;Запрошенная сумма;Валюта;Нужна помощь с',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2031-03-12 09:00;09:45;/);
    expect(lines[1]).toContain(booked.name);
    expect(lines[1]).toContain(`'${booked.phone}`);
    expect(lines[1]).toContain('Баа коюу');
    expect(lines[2]).toContain(waiting.name);
    expect(csv).not.toContain(waiting.phone);
    expect(csv).not.toContain(othersFamily.name);
    expect(csv).not.toContain(othersFamily.phone);

    // The week adds the time nobody has booked, as its own line.
    const week = await csvOf(
      await download(csvLoader, '/consultant.csv?view=week&date=2031-03-12', consultant),
    );
    expect(week.lines).toHaveLength(4);
    expect(week.lines[3]).toMatch(/^2031-03-14 10:00;10:45;/);
    expect(audited(consultant.id)).toBe(2);
  });

  test('the XLSX: Kyrgyz headers, a frozen header, times, places and the amount typed', async () => {
    const { consultant } = await world('ky');
    const sheet = await sheetOf(
      await download(xlsxLoader, '/consultant.xlsx?view=day&date=2031-03-12', consultant),
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Башталышы');
    expect(sheet.rowCount).toBe(3);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toEqual(new Date('2031-03-12T09:00:00Z'));
    expect(row.getCell(2).value).toEqual(new Date('2031-03-12T09:45:00Z'));
    expect(row.getCell(6).value).toBe(1);
    expect(row.getCell(7).value).toBe(1);
    expect(typeof row.getCell(13).value).toBe('number');
    expect(sheet.getRow(3).getCell(13).value).toBeNull();
    expect(audited(consultant.id)).toBe(1);
  });

  test('staff open the consultant they name, in English with ","; without one they are sent to the consultations; a juror is refused', async () => {
    const { consultant, booked, othersFamily, other } = await world();
    const staff = await createUser({ roles: ['staff'], locale: 'en' });
    const { lines } = await csvOf(
      await download(
        csvLoader,
        `/consultant.csv?view=day&date=2031-03-12&consultant=${other.id}`,
        staff,
      ),
    );
    expect(lines[0]!.startsWith('Starts,Ends,Village,')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(othersFamily.name);
    expect(lines.join('\n')).not.toContain(booked.name);
    expect(audited(staff.id)).toBe(1);

    const unnamed = await download(csvLoader, '/consultant.csv', staff);
    expect(unnamed.status).toBe(302);
    expect(unnamed.headers.get('location')).toBe('/staff/consultations');

    const juror = await createUser({ roles: ['juror'] });
    expect((await download(csvLoader, '/consultant.csv', juror)).status).toBe(403);
    expect((await download(xlsxLoader, '/consultant.xlsx', juror)).status).toBe(403);
    expect(consultant.id).not.toBe(staff.id);
  });
});
