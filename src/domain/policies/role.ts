import { isProvinceRole, type PolicyActor } from "./actor.ts";
import type { Scope } from "./scope.ts";

/**
 * The scope a role gives: province-wide roles every unit; an officer their unit's subtree (widened by
 * lineage, see officerScope); an officer bound to no unit, or any role the code does not know, nothing.
 */
export function scopeRule(user: {
  role: string;
  org_unit_id: number | null;
}): { kind: "all" } | { kind: "nothing" } | { kind: "subtree"; rootId: number } {
  if (isProvinceRole(user.role)) return { kind: "all" };
  if (user.role === "officer" && user.org_unit_id !== null)
    return { kind: "subtree", rootId: user.org_unit_id };
  return { kind: "nothing" };
}

export function policyActor(user: { role: string; org_unit_id: number | null }, scope: Scope): PolicyActor {
  return { role: user.role, unitId: user.org_unit_id, scope };
}
