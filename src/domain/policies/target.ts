import { isCoordinating, type Policy } from "./actor.ts";
import { inScope } from "./scope.ts";

/**
 * Targets are read within one's scope (an officer: their commune and its schools) and set by the
 * province's coordinators (UBND office, the education department) and administrators.
 */
export type TargetAction = "read" | "create" | "edit" | "delete";

export const targetPolicy: Policy<TargetAction, { unitId: number } | undefined> = {
  entity: "target",
  actions: ["read", "create", "edit", "delete"],
  can(actor, action, target) {
    if (action === "read") return target !== undefined && inScope(actor.scope, target.unitId);
    return isCoordinating(actor);
  },
  reason: (action) =>
    action === "read"
      ? "Bạn chỉ xem được mục tiêu của đơn vị mình và đơn vị trực thuộc."
      : "Chỉ điều phối viên và quản trị viên được đặt, sửa mục tiêu.",
};
