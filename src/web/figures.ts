export type TargetStatus = "achieved" | "on_track" | "at_risk" | "behind" | "no_data" | "not_enough_data";

export const targetStatusInfo: Record<TargetStatus, { vi: string; en: string; color: string }> = {
  achieved: { vi: "Đã đạt", en: "Achieved", color: "teal" },
  on_track: { vi: "Đúng lộ trình", en: "On track", color: "blue" },
  at_risk: { vi: "Có nguy cơ", en: "At risk", color: "orange" },
  behind: { vi: "Chậm", en: "Behind", color: "red" },
  no_data: { vi: "Chưa có số liệu", en: "No data", color: "gray" },
  not_enough_data: { vi: "Chưa đủ số liệu", en: "Not enough data", color: "gray" },
};

export interface TargetRow {
  id: number;
  label: string;
  comparator: string;
  value: number;
  due_year: number;
  org_unit_id: number;
  unit_name: string;
  indicator_id: number;
  code: string;
  indicator_name: string;
  unit: string;
  status: TargetStatus;
  current: {
    period: string;
    name: string;
    value: number;
    source: "entered" | "reported" | "sample";
    numerator: number | null;
    denominator: number | null;
  } | null;
  trend: { period: string; name: string; value: number; source: string }[];
  scope: "unit" | "each_commune";
  /** From the server's target policy. */
  can: { edit: boolean; delete: boolean };
  recurring: boolean;
  baseline_value: number | null;
  baseline_year: number | null;
  document_id: number | null;
  version: number;
  /** For a target every commune must meet. */
  meeting: { count: number; reported: number; total: number } | null;
  /** How many of the units the target covers have sent figures (entered totals only). */
  coverage: { reported: number; total: number } | null;
}
