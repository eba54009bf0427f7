// Which competition a page belongs to, read from its URL, and that competition's own default
// language: a Kazakhstan programme's pages speak Kazakh to people who never chose a language.
import { eq } from 'drizzle-orm';
import { db } from '~db/client';
import { applications } from '~db/schema/applications';
import { competitions } from '~db/schema/competitions';
import { grants } from '~db/schema/grants';
import { rounds } from '~db/schema/jury';
import type { Locale } from '~/i18n/config';

type Owner = 'competition' | 'application' | 'round' | 'grant';

/**
 * The pages of one competition: its public page and results, a family's application to it (and
 * its steps, print, attachments), and staff's pages of the competition, its applications,
 * rounds and grants. An id in the path names the thing; the competition is looked up from it.
 */
const PAGE_PATTERNS: readonly [RegExp, Owner][] = [
  [/^\/(?:staff\/)?competitions\/(\d+)(?:[/.]|$)/, 'competition'],
  [/^\/(?:staff\/)?applications\/(\d+)(?:[/.]|$)/, 'application'],
  [/^\/(?:staff|jury)\/rounds\/(\d+)(?:[/.]|$)/, 'round'],
  [/^\/(?:staff\/)?grants\/(\d+)(?:[/.]|$)/, 'grant'],
];

function competitionIdOf(owner: Owner, id: number): number | undefined {
  switch (owner) {
    case 'competition':
      return id;
    case 'application':
      return db
        .select({ id: applications.competitionId })
        .from(applications)
        .where(eq(applications.id, id))
        .get()?.id;
    case 'round':
      return db.select({ id: rounds.competitionId }).from(rounds).where(eq(rounds.id, id)).get()
        ?.id;
    case 'grant':
      return db.select({ id: grants.competitionId }).from(grants).where(eq(grants.id, id)).get()
        ?.id;
  }
}

/** The default language of the competition the page at `pathname` belongs to, if it sets one. */
export function competitionDefaultLocaleForPath(pathname: string): Locale | null {
  for (const [pattern, owner] of PAGE_PATTERNS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const id = Number(match[1]);
    if (!Number.isSafeInteger(id)) return null;
    const competitionId = competitionIdOf(owner, id);
    if (competitionId === undefined) return null;
    return (
      db
        .select({ defaultLocale: competitions.defaultLocale })
        .from(competitions)
        .where(eq(competitions.id, competitionId))
        .get()?.defaultLocale ?? null
    );
  }
  return null;
}
