// Money typed by a person → integer minor units, and back. Client-safe.

/**
 * "15 000", "15000,50", "15 000.5", "15\u00a0000" → 1500000, 1500050, 1500050, 1500000.
 * Null for anything else (letters, more than two decimals, negative).
 */
export function parseMoneyInput(raw: string): number | null {
  const compact = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  const major = Number(match[1]);
  const minor = Number((match[2] ?? '').padEnd(2, '0'));
  return major * 100 + minor;
}

/** 1500050 → "15000.50", 1500000 → "15000": what an input field shows for editing. */
export function moneyInputValue(minorUnits: number | null | undefined): string {
  if (minorUnits == null) return '';
  const major = Math.trunc(minorUnits / 100);
  const minor = Math.abs(minorUnits % 100);
  return minor === 0 ? String(major) : `${major}.${String(minor).padStart(2, '0')}`;
}

/** A budget line's total; integers only, so no rounding ever happens. */
export function lineTotal(quantity: number, unitPrice: number): number {
  return quantity * unitPrice;
}

export function budgetTotals(
  items: { quantity: number; unitPrice: number }[],
  ownContribution: number,
) {
  const total = items.reduce((sum, item) => sum + lineTotal(item.quantity, item.unitPrice), 0);
  return { total, ownContribution, requested: Math.max(0, total - ownContribution) };
}
