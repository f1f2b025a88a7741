import type { Policy } from "./actor.ts";

/** Accounts are managed by administrators only; the audit log is theirs too. */
export type UserAction = "list" | "create" | "edit";

export const userPolicy: Policy<UserAction, undefined> = {
  entity: "app_user",
  actions: ["list", "create", "edit"],
  can: (actor) => actor.role === "admin",
  reason: () => "Chỉ quản trị hệ thống được quản lý tài khoản.",
};

export type AuditAction = "browse";

export const auditPolicy: Policy<AuditAction, undefined> = {
  entity: "audit_log",
  actions: ["browse"],
  can: (actor) => actor.role === "admin",
  reason: () => "Chỉ quản trị hệ thống được xem nhật ký thay đổi.",
};
