import { formatVnDate, formatVnTime, isIsoDate, VN_TIME_ZONE, vnDateOf } from "../domain/dates.ts";
import { formatViNumber } from "../domain/numbers.ts";

/** 1.234,5 (the one formatter: domain/numbers.ts) */
export function formatNumber(n: number): string {
  return formatViNumber(n);
}

/** dd/mm/yyyy from an ISO date, or from a date-time as the day it was in Vietnam (domain/dates.ts). */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  if (typeof iso === "string" && isIsoDate(iso)) return formatVnDate(iso);
  return formatVnDate(vnDateOf(iso));
}

export function formatDateTime(iso: string | Date): string {
  const dt = new Date(iso);
  const time = new Intl.DateTimeFormat("vi-VN", {
    timeZone: VN_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(dt);
  return `${formatDate(dt)} ${time}`;
}

/** hh:mm:ss (24 h), as the clock read in Vietnam at that instant (domain/dates.ts). */
export function formatTime(instant: Date | number): string {
  return formatVnTime(instant);
}
