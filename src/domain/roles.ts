/** Who a user is to the system. Officers are bound to one unit and see its subtree. */
export const ROLES = ["admin", "coordinator", "officer", "leader"] as const;
export type Role = (typeof ROLES)[number];

export const roleLabel: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  coordinator: "Điều phối cấp tỉnh",
  officer: "Cán bộ đơn vị",
  leader: "Lãnh đạo (chỉ xem)",
};

/** The person (or the system itself) behind a change, as written in the audit log. */
export interface Actor {
  id: number | null;
  name: string;
  role: Role | "system";
  orgUnitId: number | null;
}

export function systemActor(name = "Hệ thống"): Actor {
  return { id: null, name, role: "system", orgUnitId: null };
}
