import { endOfMonth, endOfQuarter, parseTimeframe, type Timeframe, type TimeframeKind } from "./timeframe.ts";

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

/** What a plan says about its own dates, from which its period is read (never from the day of import). */
export interface PlanDates {
  period: { from: number; to: number } | null;
  issuedOn: string | null;
  /** The date as written when incomplete ("ngày tháng năm 2025"). */
  dateText: string | null;
  /** The deadlines its tasks name (their years are a last resort). */
  taskDues: (string | null)[];
}

/** The plans followed here serve resolutions that run to 2030. */
const HORIZON = 2030;

/**
 * The period over which yearly and continuous tasks repeat: the plan's own ("giai đoạn 2026-2030"),
 * else from the year it was issued — the full date, or the year of an incomplete one ("năm 2025") —
 * else from the earliest year its tasks name, to 2030. Null when the document names no year at all:
 * the reviewer must then give the period; the day of import is never a plan's year.
 */
export function planPeriod(d: PlanDates): PlanPeriod | null {
  if (d.period && d.period.from <= d.period.to) return d.period;
  const written = /\b(19|20)\d{2}\b/.exec(d.dateText ?? "")?.[0];
  const fromTasks = d.taskDues.filter((x): x is string => x !== null).map((x) => Number(x.slice(0, 4)));
  const start = d.issuedOn
    ? Number(d.issuedOn.slice(0, 4))
    : written
      ? Number(written)
      : fromTasks.length > 0
        ? Math.min(...fromTasks)
        : null;
  return start === null ? null : { from: start, to: Math.max(start, HORIZON) };
}

/**
 * The time frame of a confirmed task: read from its text; when the text is empty, the kind the
 * reviewer saw (a duty with no time named is continuous work, not an item waiting for a date).
 */
export function confirmedTimeframe(text: string, kindSeen?: TimeframeKind | null): Timeframe {
  const tf = parseTimeframe(text);
  if (tf.text === "" && (kindSeen === "continuous" || kindSeen === "pending"))
    return { text: "", kind: kindSeen, due: null, milestones: [] };
  return tf;
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
