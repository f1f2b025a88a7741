import { errors } from "../../errors.ts";

/*
 * The administrative map (names, tree, history) is reference data: every signed-in user may read it.
 * A unit's administrative data (its accounts; later its figures and reports) is scoped.
 */

/** Province-wide roles (scope null) read every unit; an officer only units within their scope. */
export function assertCanReadUnitAdmin(unitId: number, scope: Set<number> | null): void {
  if (scope !== null && !scope.has(unitId)) {
    throw errors.forbidden("Bạn chỉ được xem dữ liệu quản trị của đơn vị mình và các đơn vị trực thuộc.");
  }
}
