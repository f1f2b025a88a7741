/**
 * Who may do what with periodic reports. Coordinators (and administrators) open rounds, chase, return
 * and accept; an officer writes and submits only their own unit's report and reads only their units'
 * rows; leaders read everything and write nothing.
 */
import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { inScope, type Scope } from "../../domain/policies/scope.ts";
import { errors } from "../../errors.ts";

export function assertCanManageRounds(user: PublicUser): void {
  if (user.role !== "coordinator" && user.role !== "admin") {
    throw errors.forbidden(
      "Chỉ điều phối viên được mở đợt báo cáo, đôn đốc, trả lại hoặc tiếp nhận báo cáo.",
    );
  }
}

export function assertCanReadUnitReport(scope: Scope, unitId: number): void {
  if (!inScope(scope, unitId)) throw errors.forbidden("Báo cáo này không thuộc đơn vị của bạn.");
}

export function assertCanWriteUnitReport(user: PublicUser, scope: Scope, unitId: number): void {
  if (user.role !== "officer" || scope.kind !== "units" || !scope.ids.has(unitId)) {
    throw errors.forbidden("Chỉ cán bộ của đơn vị được soạn và gửi báo cáo của đơn vị mình.");
  }
}

/** Generated reports: any unit for readers of everything; officers only for units in their scope. */
export function assertCanGenerateFor(scope: Scope, unitId: number): void {
  if (!inScope(scope, unitId)) {
    throw errors.forbidden("Bạn chỉ lập được báo cáo của đơn vị mình.");
  }
}
