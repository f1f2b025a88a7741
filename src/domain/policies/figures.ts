import { isCoordinating, isKnownRole, type Policy } from "./actor.ts";
import { inScope } from "./scope.ts";

/*
 * A unit's figures (its form for one period): read within one's scope; entered by the unit's own
 * officers; approved or returned by the level above — coordinators for communes (and any unit), a
 * commune's officer for the schools under it; reopened by administrators. Batch exchange
 * (dataValueSets) is for coordinators and administrators; the indicator catalogue is read by every
 * known role and edited by administrators.
 */
export type FigureAction = "read" | "enter" | "approve" | "return" | "reopen";

export interface FigureUnit {
  id: number;
  kind: string;
}

export const figurePolicy: Policy<FigureAction, FigureUnit> = {
  entity: "form",
  actions: ["read", "enter", "approve", "return", "reopen"],
  can(actor, action, unit) {
    switch (action) {
      case "read":
        return inScope(actor.scope, unit.id);
      case "enter":
        return actor.role === "officer" && actor.unitId === unit.id;
      case "reopen":
        return actor.role === "admin";
      case "approve":
      case "return":
        if (isCoordinating(actor)) return true;
        return (
          actor.role === "officer" &&
          unit.kind === "school" &&
          actor.unitId !== unit.id &&
          inScope(actor.scope, unit.id)
        );
    }
  },
  reason: (action) =>
    ({
      read: "Bạn chỉ xem được số liệu của đơn vị mình và đơn vị trực thuộc.",
      enter: "Chỉ cán bộ của chính đơn vị được nhập số liệu của đơn vị đó.",
      reopen: "Chỉ quản trị viên được mở lại kỳ số liệu đã duyệt.",
      approve: "Chỉ cấp trên trực tiếp được duyệt hoặc trả lại số liệu của đơn vị.",
      return: "Chỉ cấp trên trực tiếp được duyệt hoặc trả lại số liệu của đơn vị.",
    })[action],
};

export type CatalogAction = "read" | "edit" | "exchange";

export const catalogPolicy: Policy<CatalogAction, undefined> = {
  entity: "indicator",
  actions: ["read", "edit", "exchange"],
  can(actor, action) {
    if (action === "read") return isKnownRole(actor);
    if (action === "exchange") return isCoordinating(actor);
    return actor.role === "admin";
  },
  reason: (action) =>
    ({
      read: "Tài khoản của bạn chưa có vai trò được phép xem danh mục chỉ tiêu.",
      edit: "Chỉ quản trị viên được thêm, sửa danh mục chỉ tiêu.",
      exchange: "Chỉ điều phối viên và quản trị viên được nhập, xuất số liệu theo lô.",
    })[action],
};
