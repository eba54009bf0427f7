// An administrator reads the audit log in Kyrgyz and in Russian: every action, every filter
// option and every record in her language, people by name, records linked to their pages, the
// integrity verdict from the checkpoints, and pages of the log by cursor.
import { createUser } from '../support/factories';
import { AUDIT_ACTIONS } from '~/utils/audit-actions';
import { checkPage, expect, test } from './support/fixtures';
import { textsIn } from './support/journeys';

/** "Compared with … of {{when}}." → a pattern that accepts any date in place of {{when}}. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

for (const locale of ['ky', 'ru'] as const) {
  test(`the audit log in ${locale} shows no action code and no "user #N"`, async ({
    page,
    signInAs,
  }) => {
    const audit = textsIn(locale).admin.audit;
    const admin = await createUser({ roles: ['admin'], locale });
    await signInAs(admin);
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(audit.title);

    // The verdict comes from the checkpoint the server wrote when it started.
    await expect(page.getByRole('status')).toContainText(templatePattern(audit.checkedAgainst));

    const main = page.locator('main');
    const text = await main.innerText();
    for (const code of AUDIT_ACTIONS) expect(text, code).not.toContain(code);
    expect(text).not.toMatch(/\b(user|application|household|round|competition) #\d+/i);

    // Every filter option is a label in her language.
    const options = await page.locator('#audit-action option').allInnerTexts();
    expect(options).toHaveLength(AUDIT_ACTIONS.length + 1);
    for (const option of options) expect(option).not.toMatch(/^[a-z-]+\.[a-z-]+$/);
    expect(await page.locator('#audit-entity-type option').allInnerTexts()).toContain(
      audit.entityTypes.application,
    );

    const rows = page.locator('tbody tr');
    await expect(rows).toHaveCount(50);
    await checkPage(page);

    // People by name, records linked to their pages. The newest lines may be of any kind (the
    // demo ends with money and consultations): the filter brings the applications' lines.
    await page.goto('/admin/audit?entityType=application');
    await expect(main.locator('tbody a[href^="/staff/applications/"]').first()).toBeVisible();
    await expect(main.locator('tbody a[href^="/admin/users/"]').first()).toBeVisible();
    await page.goto('/admin/audit');
    await expect(rows).toHaveCount(50);

    // Older lines come by cursor, and the newer link leads back.
    const newestOnFirstPage = Number(await rows.first().locator('td').first().innerText());
    const oldestOnFirstPage = Number(await rows.last().locator('td').first().innerText());
    await page.getByRole('link', { name: audit.older, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`before=${oldestOnFirstPage}`));
    // The address changes a moment before the new rows are drawn: wait for the rows themselves.
    await expect(rows.first().locator('td').first()).toHaveText(String(oldestOnFirstPage - 1));
    const text2 = await main.innerText();
    for (const code of AUDIT_ACTIONS) expect(text2, code).not.toContain(code);
    await page.getByRole('link', { name: audit.newer, exact: true }).click();
    await expect(rows.last().locator('td').first()).toHaveText(String(oldestOnFirstPage));
    expect(Number(await rows.first().locator('td').first().innerText())).toBeGreaterThanOrEqual(
      newestOnFirstPage,
    );

    // Filtered to one action, every line shows its label.
    const label = audit.actions.demo['household-created'];
    await page.locator('#audit-action').selectOption({ label });
    await page.getByRole('button', { name: audit.filter, exact: true }).click();
    await expect(page).toHaveURL(/action=demo\.household-created/);
    await expect(rows.locator('td:nth-child(4)').first()).toHaveText(label);
    for (const cell of await rows.locator('td:nth-child(4)').allInnerTexts()) {
      expect(cell).toBe(label);
    }
  });
}
