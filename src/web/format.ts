import { formatViNumber } from "../domain/numbers.ts";

/** 1.234,5 (the one formatter: domain/numbers.ts) */
export function formatNumber(n: number): string {
  return formatViNumber(n);
}

/** dd/mm/yyyy from an ISO date or a date-time. */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const s = typeof iso === "string" ? iso : iso.toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const [y, m, d] = s.split("-");
    return `${d}/${m}/${y}`;
  }
  const dt = new Date(s);
  const parts = new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).formatToParts(dt);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")}`;
}

export function formatDateTime(iso: string | Date): string {
  const dt = new Date(iso);
  const time = new Intl.DateTimeFormat("vi-VN", {
    timeZone: "Asia/Ho_Chi_Minh",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(dt);
  return `${formatDate(dt)} ${time}`;
}
