// Staff download two of their lists from the page, in Russian, in real Chromium: the outbox after
// filtering it by status (the CSV holds only that status, never a body), and the competitions
// list as Excel (read back with exceljs: Russian headers, a frozen header row).
import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { writeTransaction } from '~db/client';
import { insertOutboxMail } from '~/models/outbox.server';
import { createUser, uniqueSuffix } from '../support/factories';
import { checkPage, expect, test } from './support/fixtures';
import { textsIn, waitForHydration } from './support/journeys';

test('staff download the outbox filtered by status as CSV and the competitions list as Excel', async ({
  page,
  signInAs,
}) => {
  const ru = textsIn('ru');
  const suffix = uniqueSuffix();
  const now = new Date();
  writeTransaction((tx) =>
    insertOutboxMail(tx, {
      messageId: `<${suffix}@test.example>`,
      toName: `Айгүл ${suffix}`,
      toAddress: `aigul-${suffix}@test.example`,
      locale: 'ky',
      template: 'test',
      subject: `Жыйынтык ${suffix}`,
      html: `<p>секрет ${suffix}</p>`,
      text: `секрет ${suffix}`,
      status: 'failed',
      nextAttemptAt: now,
    }),
  );
  const staff = await createUser({ roles: ['staff'], locale: 'ru' });
  await signInAs(staff);

  await page.goto('/staff/outbox');
  await waitForHydration(page);
  await page.getByLabel(ru.admin.outbox.statusFilter, { exact: true }).selectOption('failed');
  await page.getByRole('button', { name: ru.admin.outbox.filter }).click();
  await expect(page).toHaveURL(/status=failed/);
  await checkPage(page);
  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: ru.dashboard.export.csv }).click(),
  ]);
  const csv = await fs.readFile((await csvDownload.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines[0]!.split(';')[1]).toBe(ru.admin.outbox.to);
  expect(lines.find((line) => line.includes(`Айгүл ${suffix}`))).toContain(`Жыйынтык ${suffix}`);
  for (const line of lines.slice(1)) expect(line).toContain(ru.admin.outbox.status.failed);
  expect(csv).not.toContain(`секрет ${suffix}`);

  await page.goto('/staff/competitions');
  await waitForHydration(page);
  await checkPage(page);
  const [xlsxDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: ru.dashboard.export.xlsx }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe(ru.competitions.list.columns.title);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.rowCount).toBeGreaterThan(1);
});
