import type { Kysely } from "kysely";
import { type RegisterFilter, searchRegister } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import { EVERY_UNIT, type Scope } from "../domain/policies/scope.ts";
import type { Clock } from "../domain/status.ts";

/**
 * "Việc của tôi": a unit's officer gets the work of the units in their scope, most urgent first, with
 * each task's bodies (`bodiesOf`, for what the officer may do on it); province-wide roles get what
 * awaits confirmation, and the work that waits on an outside document (for which a coordinator must
 * set a date). One statement per list.
 */
export async function getMyWork(db: Kysely<Database>, scope: Scope, clock: Clock) {
  const unitMode = scope.kind === "units";
  const filter: RegisterFilter = unitMode ? { scope } : { scope, state: "awaiting_confirmation" };
  const [res, pending] = await Promise.all([
    searchRegister(db, filter, clock, { limit: 300, offset: 0, order: "urgency", withBodies: unitMode }),
    unitMode
      ? { rows: [], total: 0 }
      : searchRegister(db, { scope: EVERY_UNIT, kind: "pending" }, clock, { limit: 300, offset: 0 }),
  ]);
  return {
    rows: res.rows,
    total: res.total,
    bodiesOf: res.bodiesOf,
    pending: pending.rows,
    today: clock.today,
    mode: unitMode ? "unit" : "confirm",
  };
}
