import { isKnownRole, type Policy } from "./actor.ts";
import { inScope } from "./scope.ts";

/*
 * The administrative map (names, tree, history) is reference data: every user of a known role reads
 * it. A unit's administrative data (its accounts) is read within one's scope.
 */
export type OrgUnitAction = "read" | "readMembers";

export const orgUnitPolicy: Policy<OrgUnitAction, { unitId: number } | undefined> = {
  entity: "org_unit",
  actions: ["read", "readMembers"],
  can(actor, action, unit) {
    if (!isKnownRole(actor)) return false;
    if (action === "read") return true;
    return unit !== undefined && inScope(actor.scope, unit.unitId);
  },
  reason: (action) =>
    action === "readMembers"
      ? "Bạn chỉ được xem dữ liệu quản trị của đơn vị mình và các đơn vị trực thuộc."
      : "Tài khoản của bạn chưa có vai trò được phép xem bản đồ đơn vị.",
};
