/** Task states and timeliness, by the conventions of QĐ 42/2014/QĐ-TTg (DOMAIN.md §4). */
export const STATES = ["not_started", "in_progress", "awaiting_confirmation", "done", "paused"] as const;
export type OccurrenceState = (typeof STATES)[number];

export const stateLabel: Record<OccurrenceState, string> = {
  not_started: "Chưa thực hiện",
  in_progress: "Đang thực hiện",
  awaiting_confirmation: "Chờ xác nhận",
  done: "Đã hoàn thành",
  paused: "Tạm dừng",
};

export type Timeliness =
  | "in_time"
  | "due_soon"
  | "overdue"
  | "no_deadline"
  | "done_on_time"
  | "done_late"
  | "done";

export const timelinessLabel: Record<Timeliness, string> = {
  in_time: "Trong hạn",
  due_soon: "Sắp đến hạn",
  overdue: "Quá hạn",
  no_deadline: "Không thời hạn",
  done_on_time: "Hoàn thành đúng hạn",
  done_late: "Hoàn thành quá hạn",
  done: "Đã hoàn thành",
};

export const DEFAULT_DUE_SOON_DAYS = 7;

/** Today's date (yyyy-mm-dd) in Vietnam's time zone. */
export function todayIso(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Derived from dates on every read — never stored, so it is never stale. */
export function timelinessOf(
  o: { state: OccurrenceState; due: string | null; completedOn: string | null },
  today: string,
  dueSoonDays = DEFAULT_DUE_SOON_DAYS,
): Timeliness {
  if (o.state === "done") {
    if (!o.due || !o.completedOn) return "done";
    return o.completedOn <= o.due ? "done_on_time" : "done_late";
  }
  if (!o.due) return "no_deadline";
  if (today > o.due) return "overdue";
  if (o.due <= addDays(today, dueSoonDays)) return "due_soon";
  return "in_time";
}

export interface RateCounts {
  done: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inTime: number;
  noDeadline: number;
}

/**
 * The completion rate as the government publishes it: completed ÷ (completed + unfinished and
 * overdue); tasks still within their deadline are left out. Null when there is nothing to count.
 */
export function completionRate(c: Pick<RateCounts, "done" | "overdue">): number | null {
  const base = c.done + c.overdue;
  return base === 0 ? null : c.done / base;
}

/** Counts as they stood on `asOf`: done means confirmed done on or before that day. */
export function countAsOf(
  items: { state: OccurrenceState; due: string | null; completedOn: string | null }[],
  asOf: string,
): RateCounts {
  const c: RateCounts = { done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inTime: 0, noDeadline: 0 };
  for (const o of items) {
    const doneThen = o.state === "done" && o.completedOn !== null && o.completedOn <= asOf;
    if (doneThen) {
      c.done++;
      if (o.due && (o.completedOn as string) > o.due) c.doneLate++;
      else c.doneOnTime++;
    } else if (!o.due) c.noDeadline++;
    else if (o.due < asOf) c.overdue++;
    else c.inTime++;
  }
  return c;
}
