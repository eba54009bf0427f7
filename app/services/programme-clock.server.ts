// The programme's clock: consultation and training times are typed and shown in it, and the
// notices about them name it. One function, so that a page, its e-mail and its calendar file
// never disagree about what "10:00" means.
import { desc } from 'drizzle-orm';
import { db, preparedOnce, type Tx } from '~db/client';
import { competitions } from '~db/schema/competitions';

type Reader = typeof db | Tx;

/** Where no competition says otherwise, the programme runs on Kyrgyzstan's clock. */
export const DEFAULT_PROGRAMME_TIME_ZONE = 'Asia/Bishkek';

/**
 * The programme's time zone, in which consultation and training times are typed and
 * shown: that of the most
 * recently opened competition (consultations are not tied to one competition).
 */
export function programmeTimeZone(reader: Reader = db): string {
  // get() reads the first row only; no LIMIT, which SQLite would plan again on every run.
  const row = reader === db ? preparedLatestZone().get() : latestZone(reader).get();
  return row?.timezone ?? DEFAULT_PROGRAMME_TIME_ZONE;
}

const latestZone = (reader: Reader) =>
  reader
    .select({ timezone: competitions.timezone })
    .from(competitions)
    .orderBy(desc(competitions.opensAt));
// Every consultation and training time a page shows asks for it: compiled once.
const preparedLatestZone = preparedOnce((c) => latestZone(c).prepare());
