import { describe, expect, test } from 'vitest';
import { LOCALES } from '~/i18n/config';
import { fixedT } from '~/i18n/i18n.server';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '~/utils/audit-actions';

const PROBLEMS = [
  'altered',
  'missing-line',
  'head-mismatch',
  'missing-tail',
  'empty-log',
  'checkpoint-diverged',
  'checkpoint-forged',
  'checkpoint-missing',
  'unkeyed',
  'columns-changed',
];

describe.each(LOCALES)('the audit log in %s', (locale) => {
  const t = fixedT(locale) as unknown as (key: string, options: object) => string;
  const label = (key: string) => t(`admin:audit.${key}`, { id: 7 });

  test('every action has a label of its own, not its code', () => {
    const labels = AUDIT_ACTIONS.map((action) => label(`actions.${action}`));
    for (const [i, text] of labels.entries()) {
      expect(text, AUDIT_ACTIONS[i]).not.toContain('actions.');
      expect(text, AUDIT_ACTIONS[i]).not.toBe(AUDIT_ACTIONS[i]);
    }
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('every kind of record and every problem has a label', () => {
    for (const type of AUDIT_ENTITY_TYPES) {
      expect(label(`entityTypes.${type}`)).not.toContain('entityTypes.');
    }
    for (const problem of PROBLEMS) {
      expect(label(`problems.${problem}`)).not.toContain('problems.');
    }
  });
});
