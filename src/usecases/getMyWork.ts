import type { Kysely } from "kysely";
import { type RegisterFilter, searchRegister } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import { EVERY_UNIT, type Scope } from "../domain/policies/scope.ts";
import type { Clock } from "../domain/status.ts";

/**
 * "Việc của tôi": a unit's officer gets the work of the units in their scope, most urgent first;
 * province-wide roles get what awaits confirmation, and the work that waits on an outside document
 * (for which a coordinator must set a date).
 */
export async function getMyWork(db: Kysely<Database>, scope: Scope, clock: Clock) {
  const unitMode = scope.kind === "units";
  const filter: RegisterFilter = unitMode ? { scope } : { scope, state: "awaiting_confirmation" };
  const res = await searchRegister(db, filter, clock, { limit: 300, offset: 0, order: "urgency" });
  const pending = unitMode
    ? { rows: [], total: 0 }
    : await searchRegister(db, { scope: EVERY_UNIT, kind: "pending" }, clock, { limit: 300, offset: 0 });
  return { ...res, pending: pending.rows, today: clock.today, mode: unitMode ? "unit" : "confirm" };
}
