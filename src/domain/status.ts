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

import { addDays } from "./dates.ts";

export const DEFAULT_DUE_SOON_DAYS = 7;

/** Kept here too for code that imported them before dates.ts existed; the definitions live there. */
export { addDays, todayIso } from "./dates.ts";

/** The two days timeliness is judged against: today, and the last day still "due soon". */
export interface Clock {
  today: string;
  soon: string;
}

export function clockOf(today: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): Clock {
  return { today, soon: addDays(today, dueSoonDays) };
}

/** What timeliness reads of an occurrence: whether it is done, its deadline, the day it was reported done. */
export interface TimelinessInput {
  state: OccurrenceState;
  due: string | null;
  completedOn: string | null;
}

/**
 * Timeliness, derived from dates on every read — never stored, so it is never stale. The same rule is
 * written once as SQL (repositories/taskQueries.timelinessSql) and a test holds the two equal. Due on
 * the day itself is not overdue; the day after is.
 */
export function timelinessOf(o: TimelinessInput, clock: Clock): Timeliness {
  if (o.state === "done") {
    if (o.due === null || o.completedOn === null) return "done";
    return o.completedOn <= o.due ? "done_on_time" : "done_late";
  }
  if (o.due === null) return "no_deadline";
  if (o.due < clock.today) return "overdue";
  if (o.due <= clock.soon) return "due_soon";
  return "in_time";
}

/** Most urgent first: the register's and "Việc của tôi"'s order. */
export const URGENCY: readonly Timeliness[] = [
  "overdue",
  "due_soon",
  "in_time",
  "no_deadline",
  "done_late",
  "done_on_time",
  "done",
];

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

/** An occurrence as it stood on a past day, read from its history (see `asItWas`). */
export interface AsOfItem {
  /** The deadline in force that day (before any later extension). */
  due: string | null;
  /** The day a coordinator confirmed it done, if ever. */
  confirmedOn: string | null;
  /** The day the lead body reported it done (decides on time or late). */
  completedOn: string | null;
}

/** A deadline change on the timeline: the day it was made and the deadline it replaced. */
export interface DeadlineChange {
  onDate: string;
  dueBefore: string | null;
}

/**
 * The deadline in force at the end of `asOf`: the current one, unless it was changed after that day —
 * then the one the first later change replaced. A later extension never rewrites an earlier day.
 */
export function dueAsOf(current: string | null, changes: DeadlineChange[], asOf: string): string | null {
  const later = changes.filter((c) => c.onDate > asOf);
  return later.length === 0 ? current : (later[0] as DeadlineChange).dueBefore;
}

/** A reassignment: the day it took effect and the lead bodies before it. */
export interface LeadChange {
  onDate: string;
  before: number[];
}

/** The lead bodies at the end of `asOf` (same reading as dueAsOf); `changes` in the order they were made. */
export function leadsAsOf(current: number[], changes: LeadChange[], asOf: string): number[] {
  const later = changes.filter((c) => c.onDate > asOf);
  return later.length === 0 ? current : (later[0] as LeadChange).before;
}

/** Timeliness on a past day: done only if confirmed by then; judged against that day's deadline. */
export function timelinessAsOf(o: AsOfItem, asOf: string): Timeliness {
  const doneThen = o.confirmedOn !== null && o.confirmedOn <= asOf;
  return timelinessOf(
    { state: doneThen ? "done" : "in_progress", due: o.due, completedOn: o.completedOn },
    { today: asOf, soon: asOf },
  );
}

/** Counts as they stood at the end of `asOf`, each occurrence once. */
export function countAsOf(items: AsOfItem[], asOf: string): RateCounts {
  const c: RateCounts = { done: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inTime: 0, noDeadline: 0 };
  for (const o of items) {
    const t = timelinessAsOf(o, asOf);
    if (t === "done_late") c.doneLate++;
    else if (t === "done_on_time" || t === "done") c.doneOnTime++;
    else if (t === "overdue") c.overdue++;
    else if (t === "no_deadline") c.noDeadline++;
    else c.inTime++;
  }
  c.done = c.doneLate + c.doneOnTime;
  return c;
}
