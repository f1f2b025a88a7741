import type { PublicUser } from "../../db/repositories/userRepository.ts";
import { errors } from "../../errors.ts";

/** A unit's figures are entered by that unit's own officers, nobody else. */
export function assertCanEnterFigures(user: PublicUser, unitId: number): void {
  if (user.role !== "officer" || user.org_unit_id !== unitId) {
    throw errors.forbidden("Chỉ cán bộ của chính đơn vị được nhập số liệu của đơn vị đó.");
  }
}

/** Reading a unit's form: anyone whose scope covers the unit (province-wide roles: all). */
export function assertCanReadFigures(scope: Set<number> | null, unitId: number): void {
  if (scope !== null && !scope.has(unitId))
    throw errors.forbidden("Bạn chỉ xem được số liệu của đơn vị mình và đơn vị trực thuộc.");
}

/**
 * The level above reviews: coordinators for communes (and any unit); a commune's officer for the
 * schools under it. Reopening an approved period is for administrators.
 */
export function assertCanReviewFigures(
  user: PublicUser,
  unit: { id: number; kind: string },
  scope: Set<number> | null,
  decision: "approve" | "return" | "reopen",
): void {
  if (decision === "reopen") {
    if (user.role !== "admin") throw errors.forbidden("Chỉ quản trị viên được mở lại kỳ số liệu đã duyệt.");
    return;
  }
  if (user.role === "coordinator" || user.role === "admin") return;
  if (
    user.role === "officer" &&
    unit.kind === "school" &&
    scope?.has(unit.id) &&
    user.org_unit_id !== unit.id
  )
    return;
  throw errors.forbidden("Chỉ cấp trên trực tiếp được duyệt hoặc trả lại số liệu của đơn vị.");
}

export function assertCanExchangeFigures(user: PublicUser): void {
  if (user.role !== "admin" && user.role !== "coordinator") {
    throw errors.forbidden("Chỉ điều phối viên và quản trị viên được nhập, xuất số liệu theo lô.");
  }
}

export function assertCanEditCatalog(user: PublicUser): void {
  if (user.role !== "admin") throw errors.forbidden("Chỉ quản trị viên được thêm, sửa danh mục chỉ tiêu.");
}
