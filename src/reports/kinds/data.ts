/** What the report builders read: plain data, loaded by the repositories (reportQueries.ts). */
import { countAsOf, type OccurrenceState, type RateCounts } from "../../domain/status.ts";

export interface PlanInfo {
  id: number;
  number: string | null;
  title: string | null;
  issuer: string | null;
}

export interface TaskItem {
  taskId: number;
  ref: string;
  title: string;
  label: string;
  groupTitle: string | null;
  lead: string;
  role: "lead" | "support";
  year?: number | null;
  due: string | null;
  state: OccurrenceState;
  completedOn: string | null;
  percent: number;
  progress: string[];
  products: string[];
  files: string[];
  extensions: { before: string | null; after: string | null; reason: string }[];
  returns: string[];
}

export interface TargetItem {
  label: string;
  unit: string;
  unitName: string;
  comparator: string;
  target: number;
  dueYear: number;
  baseline: number | null;
  baselineYear: number | null;
  current: number | null;
  currentPeriod: string | null;
  status: string;
  coverage: { count: number; reported: number; total: number } | null;
}

export type Bucket = "done_on_time" | "done_late" | "overdue" | "not_due" | "no_deadline";

export const BUCKET_LABEL: Record<Bucket, string> = {
  done_on_time: "Đã hoàn thành đúng hạn",
  done_late: "Đã hoàn thành quá hạn",
  overdue: "Chưa hoàn thành, quá hạn",
  not_due: "Chưa hoàn thành, trong hạn",
  no_deadline: "Không thời hạn (thường xuyên)",
};

export const BUCKETS: Bucket[] = ["done_on_time", "done_late", "overdue", "not_due", "no_deadline"];

/** An item as the counting rule reads it: a done item counts from the day it was completed and confirmed. */
function asOfItem(t: Pick<TaskItem, "state" | "due" | "completedOn">) {
  return { due: t.due, confirmedOn: t.state === "done" ? t.completedOn : null, completedOn: t.completedOn };
}

/** Where one item stood on asOf — by the one counting rule (domain/status.ts countAsOf). */
export function bucketOf(t: Pick<TaskItem, "state" | "due" | "completedOn">, asOf: string): Bucket {
  const c = countAsOf([asOfItem(t)], asOf);
  if (c.doneOnTime) return "done_on_time";
  if (c.doneLate) return "done_late";
  if (c.overdue) return "overdue";
  if (c.inTime) return "not_due";
  return "no_deadline";
}

export function countsOf(items: Pick<TaskItem, "state" | "due" | "completedOn">[], asOf: string): RateCounts {
  return countAsOf(items.map(asOfItem), asOf);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
