import type { Kysely } from "kysely";
import { type RegisterFilter, searchRegister } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import type { PolicyActor } from "../domain/policies/actor.ts";
import { EVERY_UNIT } from "../domain/policies/scope.ts";
import { taskPolicy } from "../domain/policies/task.ts";
import type { Clock } from "../domain/status.ts";
import { type Horizon, horizonsOf } from "../domain/workHorizon.ts";

/**
 * "Việc của tôi": a unit's officer gets the work of the units in their scope, most urgent first — for
 * each task what is due now and the next occurrence (`rows`), the later years apart (`later`);
 * those who coordinate (the task policy says who) get what awaits their confirmation, and the work that
 * waits on an outside document (for which they must set a date). A read-only province-wide role (a
 * leader) is asked for nothing: mode "read", no rows.
 */
export async function getMyWork(db: Kysely<Database>, actor: PolicyActor, clock: Clock) {
  const confirms = taskPolicy.can(actor, "coordinate", { bodies: [] });
  const unitMode = !confirms && actor.scope.kind === "units";
  const mode: "confirm" | "unit" | "read" = confirms ? "confirm" : unitMode ? "unit" : "read";
  type Found = Awaited<ReturnType<typeof searchRegister>>;
  const none: Found = { rows: [], total: 0, bodiesOf: new Map() };
  const filter: RegisterFilter = unitMode
    ? { scope: actor.scope }
    : { scope: actor.scope, state: "awaiting_confirmation" };
  const res =
    mode === "read"
      ? none
      : await searchRegister(db, filter, clock, {
          limit: 300,
          offset: 0,
          order: "urgency",
          withBodies: unitMode,
        });
  const pending =
    mode === "confirm"
      ? await searchRegister(db, { scope: EVERY_UNIT, kind: "pending" }, clock, { limit: 300, offset: 0 })
      : none;
  const horizons = unitMode ? horizonsOf(res.rows, clock.today) : new Map<number, Horizon>();
  const placed = res.rows.map((r) => ({ ...r, horizon: horizons.get(r.id) ?? "now" }));
  return {
    total: res.total,
    bodiesOf: res.bodiesOf,
    rows: placed.filter((r) => r.horizon !== "later"),
    later: placed.filter((r) => r.horizon === "later"),
    pending: pending.rows,
    today: clock.today,
    mode,
  };
}
