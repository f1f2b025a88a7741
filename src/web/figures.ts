import { both } from "./texts.ts";

export type TargetStatus = "achieved" | "on_track" | "at_risk" | "behind" | "no_data" | "not_enough_data";

export const targetStatusInfo: Record<TargetStatus, { vi: string; en: string; color: string }> = {
  achieved: { ...both("targetStatus.achieved"), color: "teal" },
  on_track: { ...both("targetStatus.on_track"), color: "blue" },
  at_risk: { ...both("targetStatus.at_risk"), color: "orange" },
  behind: { ...both("targetStatus.behind"), color: "red" },
  no_data: { ...both("targetStatus.no_data"), color: "gray" },
  not_enough_data: { ...both("targetStatus.not_enough_data"), color: "gray" },
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
