/** Indicator arithmetic and target status (DOMAIN.md §6). Pure. */
export type IndicatorType = "rate" | "count" | "units_meeting" | "yes_no";

export interface Totals {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * A rate adds up numerators and denominators and divides once — never an average of percentages:
 * 9/10 and 1/100 make 10/110 = 9,1 %, not 50,5 %.
 */
export function indicatorValue(type: IndicatorType, multiplier: number, t: Totals): number | null {
  if (type === "rate") {
    if (t.numerator === null || t.denominator === null || t.denominator === 0) return null;
    return (t.numerator / t.denominator) * multiplier;
  }
  return t.value;
}

export type TargetStatus = "achieved" | "on_track" | "at_risk" | "behind" | "no_data" | "not_enough_data";

export const targetStatusLabel: Record<TargetStatus, string> = {
  achieved: "Đã đạt",
  on_track: "Đúng lộ trình",
  at_risk: "Có nguy cơ",
  behind: "Chậm",
  no_data: "Chưa có số liệu",
  not_enough_data: "Chưa đủ số liệu",
};

export interface Trajectory {
  baselineYear: number | null;
  baselineValue: number | null;
  targetYear: number;
  targetValue: number;
  comparator: string;
  /** "Hằng năm": the value is due every year, not reached by a path. */
  recurring?: boolean;
}

/**
 * Expected value in a year on the straight line from the baseline to the target; a yearly target is
 * expected in full every year.
 */
export function expectedValue(t: Trajectory, year: number): number {
  if (t.recurring) return t.targetValue;
  if (t.baselineYear === null || t.baselineValue === null || year >= t.targetYear) return t.targetValue;
  if (year <= t.baselineYear) return t.baselineValue;
  const share = (year - t.baselineYear) / (t.targetYear - t.baselineYear);
  return t.baselineValue + (t.targetValue - t.baselineValue) * share;
}

export function meets(comparator: string, value: number, target: number): boolean {
  switch (comparator) {
    case ">":
      return value > target;
    case "<":
      return value < target;
    case "<=":
      return value <= target;
    case "=":
      return Math.abs(value - target) < 1e-9;
    default:
      return value >= target;
  }
}

export interface StatusThresholds {
  /** Points below the expected value still counted on track. */
  onTrack: number;
  /** Points below expected before "Chậm". */
  atRisk: number;
  /** Share of the units a target covers that must have sent figures before it is judged (0–1). */
  minCoverage: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.5, atRisk: 3, minCoverage: 0.8 };

/** How many of the units a target covers have sent (submitted or approved) figures. */
export interface Coverage {
  reported: number;
  total: number;
}

/**
 * A total from too few units says nothing about the whole: a province target is not "Đã đạt" from
 * one commune out of 38. Below the minimum share the status is "Chưa đủ số liệu"; at or above, as judged.
 */
export function withCoverage(
  status: TargetStatus,
  coverage: Coverage | null,
  minCoverage: number,
): TargetStatus {
  if (status === "no_data" || coverage === null || coverage.total === 0) return status;
  return coverage.reported / coverage.total < minCoverage ? "not_enough_data" : status;
}

/** Đã đạt / Đúng lộ trình / Có nguy cơ / Chậm / Chưa có số liệu, for a value measured in `year`. */
export function targetStatus(
  t: Trajectory,
  value: number | null,
  year: number,
  th = DEFAULT_THRESHOLDS,
): TargetStatus {
  if (value === null) return "no_data";
  if (meets(t.comparator, value, t.targetValue)) return "achieved";
  const lowerIsBetter = t.comparator === "<" || t.comparator === "<=";
  const gap = lowerIsBetter ? value - expectedValue(t, year) : expectedValue(t, year) - value;
  if (gap <= th.onTrack) return "on_track";
  if (gap <= th.atRisk) return "at_risk";
  return "behind";
}
