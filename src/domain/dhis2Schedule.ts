/**
 * The periods a scheduled DHIS2 exchange asks for, by rule (DHIS2's relative periods), on the day it
 * runs: the last completed year, half-year, quarter or month, the school year just ended (DHIS2's
 * financial year starting September, "yyyySep"), or the year in progress. Dates are the server's day
 * (yyyy-mm-dd).
 */
export const PERIOD_RULES = [
  "LAST_YEAR",
  "LAST_SIX_MONTH",
  "LAST_QUARTER",
  "LAST_MONTH",
  "LAST_SCHOOL_YEAR",
  "THIS_YEAR",
] as const;

export type PeriodRule = (typeof PERIOD_RULES)[number];

export function periodsByRule(rule: PeriodRule, today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (rule) {
    case "LAST_YEAR":
      return [`${year - 1}`];
    case "THIS_YEAR":
      return [`${year}`];
    case "LAST_SIX_MONTH":
      return [month <= 6 ? `${year - 1}S2` : `${year}S1`];
    case "LAST_QUARTER": {
      const q = Math.ceil(month / 3);
      return [q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`];
    }
    case "LAST_MONTH":
      return [month === 1 ? `${year - 1}12` : `${year}${String(month - 1).padStart(2, "0")}`];
    case "LAST_SCHOOL_YEAR":
      // a school year runs September to August: it is over from September on
      return [month >= 9 ? `${year - 1}Sep` : `${year - 2}Sep`];
  }
}

/** When a job runs next: its interval after the run's start, never in the past. */
export function nextRunAfter(startedAt: Date, everyMinutes: number, now: Date): Date {
  const next = new Date(startedAt.getTime() + everyMinutes * 60_000);
  return next.getTime() > now.getTime() ? next : new Date(now.getTime() + everyMinutes * 60_000);
}
