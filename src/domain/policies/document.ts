import { isCoordinating, isKnownRole, type Policy } from "./actor.ts";

/*
 * Plans, their tasks and targets are the province's shared work programme: every user of a known
 * role reads them. They are imported by the province's coordinators and administrators.
 */
export type DocumentAction = "read" | "import";

export const documentPolicy: Policy<DocumentAction, undefined> = {
  entity: "document",
  actions: ["read", "import"],
  can(actor, action) {
    if (action === "read") return isKnownRole(actor);
    return isCoordinating(actor);
  },
  reason: (action) =>
    action === "import"
      ? "Chỉ điều phối viên cấp tỉnh và quản trị viên được nhập văn bản kế hoạch."
      : "Tài khoản của bạn chưa có vai trò được phép xem văn bản.",
};
