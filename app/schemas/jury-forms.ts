// The juror's forms, client-safe: the browser validates with them and the actions parse with them.
import { z } from 'zod';
import { rowId } from './fields';
import { scoreSchema } from './round';

/** A name posted once, many times or not at all → a list of ids. */
const idList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(rowId()).max(10_000),
);

/**
 * Conflicts: the households ticked, among those the page showed (`shown`). Households hidden by
 * the search keep what she declared before.
 */
export const conflictsSchema = z.object({ householdIds: idList, shown: idList });

export type ConflictsFormInput = z.output<typeof conflictsSchema>;

const scoreItem = scoreSchema.shape.items.unwrap().element;

/**
 * The score form as the browser holds it: a group of radio buttons with none chosen reads as
 * null there (the posted form simply leaves it out), so null counts as "not scored yet" — the
 * same as in scoreSchema, which the action checks too.
 */
export const scoreFormSchema = scoreSchema.extend({
  items: z
    .array(
      scoreItem.extend({
        points: z.preprocess((value) => value ?? undefined, scoreItem.shape.points),
      }),
    )
    .default([]),
});
