/**
 * Dates, once. A calendar date is an ISO string "yyyy-mm-dd" (it sorts and compares as text); "today"
 * is read from the injected clock in Vietnam's time zone (UTC+7, no daylight saving), so 23:30 UTC is
 * already the next day in Lai Châu. People read dates as dd/mm/yyyy.
 */
export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, "0");

/** Vietnam's offset from UTC: +7 hours all year (no daylight saving since 1975). */
const VN_OFFSET_MS = 7 * 3_600_000;

/**
 * The calendar date in Vietnam at the instant `now` (from the injected clock, never `new Date()`).
 * Plain arithmetic on the fixed offset: an Intl.DateTimeFormat with a time zone was the heaviest of the
 * project's own functions in a CPU profile of the server under load (several calls per request).
 */
export function todayIso(now: Date): string {
  return new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The ISO date for year, month (1–12), day — null when no such day exists (31/4, 29/2/2025). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** True for a real calendar day written yyyy-mm-dd. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day of a month (1–12). */
export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** dd/mm/yyyy from an ISO date ("2026-06-30" → "30/06/2026"); other text is returned unchanged. */
export function formatVnDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** hh:mm:ss (24 h) in Vietnam at an instant ("2026-12-01T01:41:07Z" → "08:41:07"); fixed offset, as todayIso. */
export function formatVnTime(instant: Date | number): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(11, 19);
}

/** The Vietnamese calendar date (ISO) of an instant, e.g. a stored timestamp. */
export function vnDateOf(instant: Date | string): string {
  return todayIso(typeof instant === "string" ? new Date(instant) : instant);
}
