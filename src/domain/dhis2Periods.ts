/**
 * DHIS2's fixed period identifiers ("202501", "2025Q1", "2025AprilS2", "2025Sep", "2025W1"…) read into
 * date ranges, and Lộ Trình's reporting periods written the way DHIS2 expects them.
 *
 * Week-based kinds follow DHIS2's own client library: week n of a kind starting on another weekday is
 * ISO week n (Monday start, week 1 holds 4 January) moved by that weekday's offset (Wed +2, Thu +3,
 * Sat −2, Sun −1); bi-week n is ISO weeks 2n−1 and 2n.
 */
import type { PeriodKind } from "./periods.ts";

export type Dhis2PeriodType =
  | "Daily"
  | "Weekly"
  | "WeeklyWednesday"
  | "WeeklyThursday"
  | "WeeklySaturday"
  | "WeeklySunday"
  | "BiWeekly"
  | "Monthly"
  | "BiMonthly"
  | "Quarterly"
  | "QuarterlyNov"
  | "SixMonthly"
  | "SixMonthlyApril"
  | "SixMonthlyNov"
  | "Yearly"
  | "FinancialApril"
  | "FinancialJuly"
  | "FinancialSep"
  | "FinancialOct"
  | "FinancialNov";

export interface Dhis2Period {
  id: string;
  type: Dhis2PeriodType;
  /** First and last day, ISO yyyy-mm-dd, both included. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** Last day of month m (1–12) of year y; months past 12 run into the next years. */
const monthEnd = (y: number, m: number) => utc(y, m + 1, 0);

/** Monday of ISO week 1 of year y (the week that holds 4 January). */
function isoWeekOneMonday(y: number): Date {
  const jan4 = utc(y, 1, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(jan4, -weekday);
}

/** Number of ISO weeks in year y (52 or 53). */
export function isoWeeksIn(y: number): number {
  const days = (isoWeekOneMonday(y + 1).getTime() - isoWeekOneMonday(y).getTime()) / 86_400_000;
  return days / 7;
}

const WEEK_OFFSET: Record<string, { type: Dhis2PeriodType; offset: number }> = {
  "": { type: "Weekly", offset: 0 },
  Wed: { type: "WeeklyWednesday", offset: 2 },
  Thu: { type: "WeeklyThursday", offset: 3 },
  Sat: { type: "WeeklySaturday", offset: -2 },
  Sun: { type: "WeeklySunday", offset: -1 },
};

const FINANCIAL: Record<string, { type: Dhis2PeriodType; month: number }> = {
  April: { type: "FinancialApril", month: 4 },
  July: { type: "FinancialJuly", month: 7 },
  Sep: { type: "FinancialSep", month: 9 },
  Oct: { type: "FinancialOct", month: 10 },
  Nov: { type: "FinancialNov", month: 11 },
};

function span(id: string, type: Dhis2PeriodType, start: Date, end: Date): Dhis2Period {
  return { id, type, start: iso(start), end: iso(end) };
}

/** Months [first, first + count) of year y as a period (first may run past 12 or below 1). */
function months(id: string, type: Dhis2PeriodType, y: number, first: number, count: number): Dhis2Period {
  return span(id, type, utc(y, first, 1), monthEnd(y, first + count - 1));
}

/** Reads a DHIS2 period identifier; null when it is not one DHIS2 documents (or is out of range). */
export function parseDhis2Period(id: string): Dhis2Period | null {
  const text = id.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = utc(y, mo, d);
    if (mo < 1 || mo > 12 || date.getUTCMonth() !== mo - 1) return null;
    return span(text, "Daily", date, date);
  }
  m = /^(\d{4})(Wed|Thu|Sat|Sun)?W(\d{1,2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const week = Number(m[3]);
    const kind = WEEK_OFFSET[m[2] ?? ""] as { type: Dhis2PeriodType; offset: number };
    if (week < 1 || week > isoWeeksIn(y)) return null;
    const start = addDays(isoWeekOneMonday(y), (week - 1) * 7 + kind.offset);
    return span(text, kind.type, start, addDays(start, 6));
  }
  m = /^(\d{4})BiW(\d{1,2})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const n = Number(m[2]);
    if (n < 1 || n * 2 - 1 > isoWeeksIn(y)) return null;
    const start = addDays(isoWeekOneMonday(y), (n - 1) * 14);
    return span(text, "BiWeekly", start, addDays(start, 13));
  }
  m = /^(\d{4})(\d{2})B$/.exec(text);
  if (m) {
    const n = Number(m[2]);
    return n >= 1 && n <= 6 ? months(text, "BiMonthly", Number(m[1]), n * 2 - 1, 2) : null;
  }
  m = /^(\d{4})(\d{2})$/.exec(text);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? months(text, "Monthly", Number(m[1]), mo, 1) : null;
  }
  m = /^(\d{4})(Nov)?Q([1-4])$/.exec(text);
  if (m) {
    const q = Number(m[3]);
    // QuarterlyNov: the year's first quarter starts in November of the year before
    return m[2]
      ? months(text, "QuarterlyNov", Number(m[1]), (q - 1) * 3 - 1, 3)
      : months(text, "Quarterly", Number(m[1]), (q - 1) * 3 + 1, 3);
  }
  m = /^(\d{4})(April|Nov)?S([12])$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const half = Number(m[3]);
    if (m[2] === "April") return months(text, "SixMonthlyApril", y, half === 1 ? 4 : 10, 6);
    if (m[2] === "Nov") return months(text, "SixMonthlyNov", y, half === 1 ? -1 : 5, 6);
    return months(text, "SixMonthly", y, half === 1 ? 1 : 7, 6);
  }
  m = /^(\d{4})$/.exec(text);
  if (m) return months(text, "Yearly", Number(m[1]), 1, 12);
  m = /^(\d{4})(April|July|Sep|Oct|Nov)$/.exec(text);
  if (m) {
    const f = FINANCIAL[m[2] as string] as { type: Dhis2PeriodType; month: number };
    return months(text, f.type, Number(m[1]), f.month, 12);
  }
  return null;
}

/**
 * The Lộ Trình period a DHIS2 period stands for, by rule: the same year, quarter or first half-year
 * code; a September financial year is the school year that starts then ("2025Sep" → "2025SY", the
 * way education systems on DHIS2 key a school year). Any other kind (days, weeks, months, other
 * half-years and financial years) has no Lộ Trình period: its values are refused with their row.
 */
export function lotrinhPeriodOf(p: Dhis2Period): string | null {
  switch (p.type) {
    case "Yearly":
    case "Quarterly":
      return p.id;
    case "SixMonthly":
      return p.id.endsWith("S1") ? p.id : null;
    case "FinancialSep":
      return `${p.id.slice(0, 4)}SY`;
    default:
      return null;
  }
}

/**
 * The DHIS2 identifier of a Lộ Trình period, or null when DHIS2 has no period kind for it (school
 * semesters, the 9-month window): such values are left out of an export, and the export says so.
 */
export function dhis2PeriodOf(code: string, kind: PeriodKind): string | null {
  switch (kind) {
    case "year":
    case "quarter":
    case "six_month":
      return code;
    case "school_year":
      return `${code.slice(0, 4)}Sep`;
    default:
      return null;
  }
}
