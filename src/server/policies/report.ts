/**
 * Who may do what with periodic reports. Coordinators (and administrators) open rounds, chase, return
 * and accept; an officer writes and submits only their own unit's report and reads only their units'
 * rows; leaders read everything and write nothing.
 */
import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { reportPolicy, roleOnly } from "../../domain/policies/report.ts";
import { inScope, type Scope } from "../../domain/policies/scope.ts";
import { errors } from "../../errors.ts";

export function assertCanManageRounds(user: PublicUser): void {
  if (!reportPolicy.can(roleOnly(user.role), "manage", undefined))
    throw errors.forbidden(reportPolicy.reason("manage"));
}

export function assertCanReadUnitReport(scope: Scope, unitId: number): void {
  if (!inScope(scope, unitId)) throw errors.forbidden("Báo cáo này không thuộc đơn vị của bạn.");
}

export function assertCanWriteUnitReport(user: PublicUser, scope: Scope, unitId: number): void {
  const actor = { role: user.role, unitId: user.org_unit_id, scope };
  if (!reportPolicy.can(actor, "write", { unitId })) throw errors.forbidden(reportPolicy.reason("write"));
}

/** Generated reports: any unit for readers of everything; officers only for units in their scope. */
export function assertCanGenerateFor(scope: Scope, unitId: number): void {
  if (!inScope(scope, unitId)) {
    throw errors.forbidden("Bạn chỉ lập được báo cáo của đơn vị mình.");
  }
}
