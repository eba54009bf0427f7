// A browser tab's title shows in the tab strip, the history and the recent-apps list of a phone
// others may pick up: on the pages a family sees (public pages, and an applicant's), no title in
// any language names a grant, money, benefits, violence or an amount (DESIGN.md, "Privacy and
// safety"). Titles are translated in loaders (`pageTitle`), so the keys each family route (and
// the service views they use) puts there are read from their source and checked in ky, ru, en.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { LOCALES } from '~/i18n/config';
import { resources } from '~/i18n/resources';
import { competitionSchema } from '~/schemas/competition';
import { PERMISSIONS, type Permission } from '~/utils/permissions';
import { TELLING_WORDS } from '../support/telling-words';

const ROUTES = path.resolve('app/routes');
const SERVICES = path.resolve('app/services');

/** Routes a family sees: public ones, and those an applicant's role opens. */
function familyRouteFiles(): string[] {
  const files: string[] = [];
  for (const dir of fs.readdirSync(ROUTES)) {
    const file = ['route.tsx', 'route.ts']
      .map((name) => path.join(ROUTES, dir, name))
      .find((candidate) => fs.existsSync(candidate));
    if (!file) continue;
    const access = /access: '([^']+)'/.exec(fs.readFileSync(file, 'utf8'))?.[1];
    if (!access) continue;
    const roles: readonly string[] =
      access === 'public' ? [] : (PERMISSIONS[access as Permission] ?? []);
    if (access === 'public' || roles.includes('applicant')) files.push(file);
  }
  return files;
}

/**
 * The expression after each `pageTitle:` in a source file: its line, and the lines below it that
 * are indented deeper or close what it opened (a multi-line call or template).
 */
function titleExpressions(source: string): string[] {
  const lines = source.split('\n');
  const found: string[] = [];
  lines.forEach((line, index) => {
    const at = /^(\s*).*\bpageTitle:/.exec(line);
    if (!at) return;
    const indent = at[1]!.length;
    const expression = [line];
    for (const next of lines.slice(index + 1)) {
      const nextIndent = /^\s*/.exec(next)![0].length;
      if (nextIndent > indent) expression.push(next);
      else {
        if (/^\s*[)}\]`]/.test(next)) expression.push(next);
        break;
      }
    }
    found.push(expression.join('\n'));
  });
  return found;
}

/**
 * The translation keys a source file puts in `pageTitle`: quoted 'ns:key' literals, and
 * `ns:prefix.${…}` templates (every key under the prefix).
 */
function titleKeys(source: string): string[] {
  const keys = new Set<string>();
  for (const expression of titleExpressions(source)) {
    for (const literal of expression.matchAll(/'([a-zA-Z]+):([\w.]+)'/g)) {
      const key = `${literal[1]}:${literal[2]}`;
      // A permission ('households:view') looks like a key; it is not a text.
      if (!(key in PERMISSIONS)) keys.add(key);
    }
    for (const template of expression.matchAll(/`([a-zA-Z]+):([\w.]+)\.\$\{/g)) {
      keys.add(`${template[1]}:${template[2]}.*`);
    }
  }
  return [...keys];
}

/** The texts of a key in one language: one string, the plural forms, or all under a prefix. */
function textsOf(locale: (typeof LOCALES)[number], key: string): string[] {
  const [ns, rest] = key.split(':') as [string, string];
  const wildcard = rest.endsWith('.*');
  const parts = (wildcard ? rest.slice(0, -2) : rest).split('.');
  const last = parts.pop()!;
  let node: unknown = (resources[locale] as Record<string, unknown>)[ns];
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const parent = node as Record<string, unknown> | undefined;
  if (!parent) return [];
  if (wildcard) {
    const under = parent[last];
    return under && typeof under === 'object'
      ? Object.values(under as Record<string, unknown>).filter(
          (value): value is string => typeof value === 'string',
        )
      : [];
  }
  return Object.entries(parent)
    .filter(([name]) => name === last || name.startsWith(`${last}_`))
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string');
}

const routeFiles = familyRouteFiles();
// Views behind family pages build some titles (the grant agreement sheet, for one).
const serviceFiles = fs
  .readdirSync(SERVICES)
  .map((name) => path.join(SERVICES, name))
  .filter((file) => /pageTitle\b/.test(fs.readFileSync(file, 'utf8')));
const keysByFile = [...routeFiles, ...serviceFiles].map(
  (file) => [path.relative(process.cwd(), file), titleKeys(fs.readFileSync(file, 'utf8'))] as const,
);

test('the family routes are found, and with them the keys of their titles', () => {
  const names = routeFiles.map((file) => path.basename(path.dirname(file)));
  expect(names).toEqual(
    expect.arrayContaining(['_index', 'login', 'household', 'applications._index']),
  );
  expect(names).not.toContain('staff.applications._index');
  const keys = keysByFile.flatMap(([, fileKeys]) => fileKeys);
  expect(keys).toEqual(
    expect.arrayContaining([
      'common:home.title',
      'auth:forgot.title',
      'households:own.title',
      'applications:steps.tabNames.*',
      'grantFamily:agreement.pageTitle',
    ]),
  );
  // Every key found has its text in each language (a mistyped key would escape the check).
  for (const locale of LOCALES) {
    for (const key of keys) expect(textsOf(locale, key), `${locale} ${key}`).not.toEqual([]);
  }
});

test('staff cannot put a sum in a competition title, which public tabs show', () => {
  const form = {
    referencePrefix: 'TJ',
    currency: 'KGS',
    budgetTotal: '1 000 000',
    minGrant: '40 000',
    maxGrant: '100 000',
    timezone: 'Asia/Bishkek',
    opensAt: '2030-01-01T09:00',
    closesAt: '2030-02-01T18:00',
    requiredTrainingSessions: '0',
    requiredConsultations: '0',
    maxOpenBookings: '2',
    bookingCancelNoticeHours: '24',
    bookingMoveNoticeHours: '12',
    beneficiaryRelations: ['daughter-in-law'],
    beneficiarySex: 'female',
    localityIds: ['1'],
  };
  const refused = competitionSchema.safeParse({
    ...form,
    titleRu: 'Татыктуу Жашоо 2030: до 100 000 сом',
  });
  expect(refused.success).toBe(false);
  expect(refused.error?.issues).toEqual([
    expect.objectContaining({ path: ['titleRu'], message: 'validation.titleWithAmount' }),
  ]);
  // A year is not a sum.
  expect(competitionSchema.safeParse({ ...form, titleKy: 'Татыктуу Жашоо 2030' }).success).toBe(
    true,
  );
});

test('an amount is caught in any of the ways it is written', () => {
  const amount = TELLING_WORDS.at(-1)!;
  for (const text of ['74 000,00 сом', '1200 KGS', '5\u00a0000 som', '3 000 ₸', '200 $'])
    expect(text).toMatch(amount);
  for (const text of ['3 something', 'TJ-2024-0012', 'Кадам 3/6']) expect(text).not.toMatch(amount);
});

describe.each(LOCALES)('in %s', (locale) => {
  test.each(keysByFile.filter(([, keys]) => keys.length > 0))(
    'the tab titles of %s tell nothing sensitive',
    (_file, keys) => {
      for (const key of keys) {
        for (const text of textsOf(locale, key)) {
          for (const word of TELLING_WORDS) expect(text, `${key}: “${text}”`).not.toMatch(word);
        }
      }
    },
  );

  test('the quick exit is labelled without naming why she leaves', () => {
    const { label, hint, hintKeys } = resources[locale].common.quickExit;
    for (const text of [label, hint, hintKeys])
      for (const word of TELLING_WORDS) expect(text).not.toMatch(word);
  });
});
