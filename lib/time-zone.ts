// Wall-clock times in a named time zone <-> instants. No server-only: the editor shows
// the schedule in the site's zone in the browser too.

/** The offset (ms) of `timeZone` from UTC at `instant`. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** "2026-11-29T15:30" read as wall-clock time in `timeZone` -> the instant it names. */
export function zonedWallTimeToDate(local: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi, s || 0);
  // Two passes settle the offset across DST changes.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant as "2026-11-29T15:30" wall-clock time in `timeZone` (the datetime-local format). */
export function dateToZonedWallTime(date: Date, timeZone: string): string {
  const local = new Date(date.getTime() + offsetAt(date, timeZone));
  return local.toISOString().slice(0, 16);
}

/** True for a time zone name Intl knows (IANA names such as "Europe/Paris", and "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
