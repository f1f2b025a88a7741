import type { Scope } from "./scope.ts";

/**
 * Who asks, as the policies see them: the role as stored (a role the code does not know is allowed
 * here and is refused everything), the unit they are bound to, and their unit scope.
 */
export interface PolicyActor {
  role: string;
  unitId: number | null;
  scope: Scope;
}

/** The roles that read the whole province (and, for officers, the roles bound to a unit). */
export const PROVINCE_ROLES: readonly string[] = ["admin", "coordinator", "leader"];
export const isProvinceRole = (role: string): boolean => PROVINCE_ROLES.includes(role);
export const isCoordinating = (a: PolicyActor): boolean => a.role === "admin" || a.role === "coordinator";
export const isKnownRole = (a: PolicyActor): boolean => isProvinceRole(a.role) || a.role === "officer";

/** A pure rule: may this actor do this action to this resource; and why not, in Vietnamese. */
export interface Policy<A extends string, R> {
  entity: string;
  actions: readonly A[];
  can(actor: PolicyActor, action: A, resource: R): boolean;
  reason(action: A): string;
}

/** The `can` flags sent with an object to the web: one boolean per action. */
export function flagsOf<A extends string, R>(
  policy: Policy<A, R>,
  actor: PolicyActor,
  resource: R,
  actions: readonly A[] = policy.actions,
): Record<A, boolean> {
  return Object.fromEntries(actions.map((a) => [a, policy.can(actor, a, resource)])) as Record<A, boolean>;
}
