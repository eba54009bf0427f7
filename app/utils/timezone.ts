// Wall-clock times in a competition's time zone ⇄ UTC instants. Client-safe, Intl only.
import { dateTimeFormat } from '../i18n/intl-cache';

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2024-01-31T18:00" in Asia/Bishkek → the UTC instant 2024-01-31T12:00Z. Null if malformed. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  // Two passes settle the offset even across a daylight-saving change.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(instant, timeZone);
  if (second !== instant) instant = second;
  return new Date(instant);
}

/** A UTC instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (for datetime-local). */
export function utcToZonedLocal(instant: Date | number, timeZone: string): string {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  const wall = new Date(time + zoneOffsetMs(time, timeZone));
  return wall.toISOString().slice(0, 16);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    dateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
