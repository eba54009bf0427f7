// The screening list's exports: CSV for Excel (UTF-8 with BOM, ";", localized headers, fields
// with the delimiter or quotes escaped) and XLSX read back with exceljs.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  CSV_DELIMITER,
  csvField,
  screeningCsv,
  screeningXlsx,
} from '~/services/screening-export.server';
import type { ScreeningListRow } from '~/services/screening.server';

const ROWS: ScreeningListRow[] = [
  {
    id: 1,
    reference: 'TJ-2024-0007',
    beneficiaryName: 'Бекова Айгүл',
    locality: 'Ивановка',
    sector: 'sewing',
    title: 'Швейный цех; "Айгүл" и дочери',
    requestedAmount: 95_000_50,
    currency: 'KGS',
    status: 'ineligible',
    // 18:05 in Bishkek.
    submittedAt: new Date('2024-01-31T12:05:00Z'),
    timeZone: 'Asia/Bishkek',
    competitionId: 3,
    competitionTitle: 'Татыктуу Жашоо 2024',
    ineligibleReason: 'Ңаа: сумма\nбольше максимума',
  },
  {
    id: 2,
    reference: null,
    beneficiaryName: 'Өмүрова Нуржан',
    locality: 'Ош',
    sector: null,
    title: '=HYPERLINK("http://evil.example")',
    requestedAmount: 0,
    currency: 'KGS',
    status: 'submitted',
    submittedAt: null,
    timeZone: 'Asia/Bishkek',
    competitionId: 3,
    competitionTitle: 'Татыктуу Жашоо 2024',
    ineligibleReason: null,
  },
];

const RUSSIAN_HEADERS = [
  'Номер заявки',
  'Конкурс',
  'Получатель гранта',
  'Село или город',
  'Сфера',
  'Бизнес-идея',
  'Запрошенная сумма',
  'Валюта',
  'Статус',
  'Подана (местное время конкурса)',
  'Причина несоответствия',
];

describe('CSV', () => {
  test('starts with the UTF-8 byte order mark, so Excel reads Cyrillic', () => {
    const bytes = Buffer.from(screeningCsv(ROWS, 'ru'), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test('headers in the reader\'s language; values intact after parsing with ";"', () => {
    const csv = screeningCsv(ROWS, 'ru');
    expect(CSV_DELIMITER).toBe(';');
    const records = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(records[0]).toEqual(RUSSIAN_HEADERS);
    expect(records[1]).toEqual([
      'TJ-2024-0007',
      'Татыктуу Жашоо 2024',
      'Бекова Айгүл',
      'Ивановка',
      'Швейное дело',
      'Швейный цех; "Айгүл" и дочери',
      '95000,50',
      'KGS',
      'Не соответствует условиям',
      '2024-01-31 18:05',
      'Ңаа: сумма\nбольше максимума',
    ]);
    expect(records).toHaveLength(3);
  });

  test('a field with the delimiter or quotes is quoted with the quotes doubled; a line break too', () => {
    const csv = screeningCsv(ROWS, 'ru');
    expect(csv).toContain('"Швейный цех; ""Айгүл"" и дочери"');
    expect(csv).toContain('"Ңаа: сумма\nбольше максимума"');
    expect(csvField('просто текст')).toBe('просто текст');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  test('a text typed by a family that looks like a formula is not run by Excel', () => {
    const records = parse(screeningCsv(ROWS, 'en'), { bom: true, delimiter: ';' }) as string[][];
    expect(records[2]![5]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(csvField('-5', { isText: false })).toBe('-5');
  });

  test('Kyrgyz headers and amounts with a decimal comma; English with a decimal point', () => {
    const ky = parse(screeningCsv(ROWS, 'ky'), { bom: true, delimiter: ';' }) as string[][];
    expect(ky[0]![0]).toBe('Арыздын номери');
    expect(ky[1]![4]).toBe('Тигүү');
    expect(ky[1]![6]).toBe('95000,50');
    const en = parse(screeningCsv(ROWS, 'en'), { bom: true, delimiter: ';' }) as string[][];
    expect(en[0]![0]).toBe('Reference');
    expect(en[1]![6]).toBe('95000.50');
  });
});

describe('XLSX', () => {
  test('read back with exceljs: sheet and headers in Russian, a row with a number and a date', async () => {
    const buffer = await screeningXlsx(ROWS, 'ru');
    // An XLSX is a zip file.
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Заявки');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(RUSSIAN_HEADERS);
    const row = sheet!.getRow(2);
    expect(row.getCell(1).value).toBe('TJ-2024-0007');
    expect(row.getCell(3).value).toBe('Бекова Айгүл');
    expect(row.getCell(6).value).toBe('Швейный цех; "Айгүл" и дочери');
    expect(row.getCell(7).value).toBe(95000.5);
    expect(row.getCell(7).numFmt).toBe('#,##0.00');
    // The competition's wall-clock time, as Excel keeps dates (without a zone).
    expect((row.getCell(10).value as Date).toISOString()).toBe('2024-01-31T18:05:00.000Z');
    expect(row.getCell(11).value).toBe('Ңаа: сумма\nбольше максимума');
    // A formula-looking text stays a text cell.
    expect(sheet!.getRow(3).getCell(6).value).toBe('=HYPERLINK("http://evil.example")');
    expect(sheet!.getRow(3).getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(sheet!.rowCount).toBe(3);
  });
});
