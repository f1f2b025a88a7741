import { formatViNumber } from "./numbers.ts";

/** What the check needs of a catalog indicator. */
export interface ReportedIndicator {
  code: string;
  name: string;
  type: "rate" | "count" | "units_meeting" | "yes_no";
  multiplier: number;
  gross: boolean;
}

export interface ReportedProblem {
  level: "error" | "warning";
  message: string;
}

/**
 * A figure a unit reports for an indicator as a whole (a plan's "Kết quả"/"Chỉ tiêu" columns: one
 * percentage or count, not its numerator and denominator). The same rules as a form's value, at the
 * level of the indicator: a percentage lies in 0–100 (a gross rate may pass 100: a warning), other rates
 * are not negative, counts of people or units are whole and not negative, yes/no is 0 or 1.
 */
export function checkReportedValue(ind: ReportedIndicator, value: number): ReportedProblem | null {
  const shown = formatViNumber(value);
  if (!Number.isFinite(value)) return { level: "error", message: `${ind.code}: giá trị không phải số.` };
  if (value < 0)
    return { level: "error", message: `${ind.code}: ${shown} âm — chỉ tiêu này không nhận số âm.` };
  if (ind.type === "rate" && ind.multiplier === 100 && value > 100)
    return ind.gross
      ? { level: "warning", message: `${ind.code}: ${shown} % vượt 100 % (tỷ lệ thô).` }
      : { level: "error", message: `${ind.code}: ${shown} % vượt 100 % — tỷ lệ này không thể quá 100 %.` };
  if ((ind.type === "count" || ind.type === "units_meeting") && !Number.isInteger(value))
    return {
      level: "error",
      message: `${ind.code}: ${shown} không phải số nguyên (đếm số ${ind.name.toLowerCase()}).`,
    };
  if (ind.type === "yes_no" && value !== 0 && value !== 1)
    return { level: "error", message: `${ind.code}: chỉ nhận 0 hoặc 1, không nhận ${shown}.` };
  return null;
}
