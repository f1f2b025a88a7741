import type { Policy } from "./actor.ts";

/** Which plans and targets the public page shows is chosen by administrators only. */
export type PublicationAction = "list" | "edit";

export const publicationPolicy: Policy<PublicationAction, undefined> = {
  entity: "publication",
  actions: ["list", "edit"],
  can: (actor) => actor.role === "admin",
  reason: () => "Chỉ quản trị hệ thống được chọn kế hoạch, chỉ tiêu công khai.",
};
