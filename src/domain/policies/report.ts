import { isCoordinating, type Policy } from "./actor.ts";
import { EVERY_UNIT } from "./scope.ts";

/**
 * Periodic reports: coordinators (and administrators) open rounds, chase, return and accept
 * ("manage"); an officer writes and submits only a report of a unit in their scope ("write").
 */
export type ReportAction = "manage" | "write";

export const reportPolicy: Policy<ReportAction, { unitId: number } | undefined> = {
  entity: "report_submission",
  actions: ["manage", "write"],
  can: (actor, action, resource) => {
    if (action === "manage") return isCoordinating(actor);
    return (
      actor.role === "officer" &&
      resource !== undefined &&
      actor.scope.kind === "units" &&
      actor.scope.ids.has(resource.unitId)
    );
  },
  reason: (action) =>
    action === "manage"
      ? "Chỉ điều phối viên được mở đợt báo cáo, đôn đốc, trả lại hoặc tiếp nhận báo cáo."
      : "Chỉ cán bộ của đơn vị được soạn và gửi báo cáo của đơn vị mình.",
};

/** For a check that needs only the role (managing rounds): the scope plays no part. */
export const roleOnly = (role: string) => ({ role, unitId: null, scope: EVERY_UNIT });
