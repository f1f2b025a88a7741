import type { TargetRow } from "./api/targets.ts";
import { both } from "./texts.ts";

export type TargetStatus = TargetRow["status"];

export const targetStatusInfo: Record<TargetStatus, { vi: string; en: string; color: string }> = {
  achieved: { ...both("targetStatus.achieved"), color: "teal" },
  on_track: { ...both("targetStatus.on_track"), color: "blue" },
  at_risk: { ...both("targetStatus.at_risk"), color: "orange" },
  behind: { ...both("targetStatus.behind"), color: "red" },
  no_data: { ...both("targetStatus.no_data"), color: "gray" },
  not_enough_data: { ...both("targetStatus.not_enough_data"), color: "gray" },
};

/** A target as GET /api/targets gives it (web/api/targets.ts, from the server's schema). */
export type { TargetRow } from "./api/targets.ts";
