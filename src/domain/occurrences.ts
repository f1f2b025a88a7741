import { endOfMonth, endOfQuarter, type Timeframe } from "./timeframe.ts";

/** One thing actually due for a task: a deadline, one year of a yearly task, a review milestone. */
export interface OccurrenceSpec {
  /** Stable within a task, so a re-import keeps the history of each occurrence. */
  label: string;
  kind: "deadline" | "yearly" | "milestone" | "continuous" | "pending";
  year: number | null;
  due: string | null;
}

export interface PlanPeriod {
  from: number;
  to: number;
}

/**
 * The period over which yearly and continuous tasks repeat: the plan's own ("giai đoạn 2026-2030"),
 * else from the year it was issued to 2030 (the end of the resolution it serves), at least one year.
 */
export function planPeriod(
  period: { from: number; to: number } | null,
  issuedOn: string | null,
  today: string,
): PlanPeriod {
  if (period && period.from <= period.to) return period;
  const start = Number((issuedOn ?? today).slice(0, 4));
  return { from: start, to: Math.max(start, 2030) };
}

function years(p: PlanPeriod): number[] {
  const out: number[] = [];
  for (let y = p.from; y <= p.to; y++) out.push(y);
  return out;
}

/** What a time frame makes due over the plan's period (DOMAIN.md §3, §4). */
export function occurrencesOf(tf: Timeframe, period: PlanPeriod): OccurrenceSpec[] {
  const out: OccurrenceSpec[] = [];
  switch (tf.kind) {
    case "deadline": {
      out.push({
        label: "Hạn hoàn thành",
        kind: "deadline",
        year: tf.due ? Number(tf.due.slice(0, 4)) : null,
        due: tf.due,
      });
      if (tf.thenContinuous && tf.due) {
        const first = Number(tf.due.slice(0, 4));
        for (const y of years(period).filter((y) => y >= first)) {
          out.push({ label: `Thường xuyên năm ${y}`, kind: "continuous", year: y, due: null });
        }
      }
      break;
    }
    case "window":
      out.push({
        label: "Hạn hoàn thành",
        kind: "deadline",
        year: tf.due ? Number(tf.due.slice(0, 4)) : null,
        due: tf.due,
      });
      break;
    case "recurring":
      for (const y of years(period)) {
        const due = tf.each?.quarter
          ? endOfQuarter(y, tf.each.quarter)
          : tf.each?.month
            ? endOfMonth(y, tf.each.month)
            : `${y}-12-31`;
        out.push({ label: `Năm ${y}`, kind: "yearly", year: y, due });
      }
      break;
    case "continuous":
      for (const y of years(period))
        out.push({ label: `Thường xuyên năm ${y}`, kind: "continuous", year: y, due: null });
      break;
    default:
      out.push({ label: "Chờ xác định thời hạn", kind: "pending", year: null, due: null });
  }
  for (const m of tf.milestones) {
    out.push({
      label: `${m.label} ${m.due.slice(0, 4)}`,
      kind: "milestone",
      year: Number(m.due.slice(0, 4)),
      due: m.due,
    });
  }
  return out;
}
