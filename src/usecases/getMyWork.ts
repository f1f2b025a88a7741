import type { Kysely } from "kysely";
import { type RegisterFilter, registerTimes, searchRegister } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import type { PolicyActor } from "../domain/policies/actor.ts";
import { EVERY_UNIT } from "../domain/policies/scope.ts";
import { taskPolicy } from "../domain/policies/task.ts";
import type { Clock } from "../domain/status.ts";
import { type Horizon, horizonsOf } from "../domain/workHorizon.ts";

/** An officer's open work placed in time: beyond this many occurrences the most urgent are kept. */
const MAX_OPEN = 5000;
/** Rows read in full on one answer (what is due now and next; or, asked for, the later ones). */
const MAX_ROWS = 300;

/**
 * "Việc của tôi": a unit's officer gets the work of the units in their scope, most urgent first — for
 * each task what is due now and the next occurrence (`rows`); the later years are counted
 * (`laterCount`) and listed (`later`) only when asked (`withLater`), so the page people open first reads
 * in full only what it shows. Those who coordinate (the task policy says who) get what awaits their
 * confirmation, and the work that waits on an outside document (for which they must set a date). A
 * read-only province-wide role (a leader) is asked for nothing: mode "read", no rows.
 */
export async function getMyWork(
  db: Kysely<Database>,
  actor: PolicyActor,
  clock: Clock,
  options: { withLater?: boolean } = {},
) {
  const confirms = taskPolicy.can(actor, "coordinate", { bodies: [] });
  const unitMode = !confirms && actor.scope.kind === "units";
  const mode: "confirm" | "unit" | "read" = confirms ? "confirm" : unitMode ? "unit" : "read";
  type Found = Awaited<ReturnType<typeof searchRegister>>;
  const none: Found = { rows: [], total: 0, bodiesOf: new Map() };
  const page = { limit: MAX_ROWS, offset: 0, order: "urgency" as const, withBodies: unitMode };
  if (mode === "unit") {
    // first where each open occurrence falls (light), then in full only the rows the answer lists
    const times = await registerTimes(db, { scope: actor.scope }, clock, MAX_OPEN);
    const horizons = horizonsOf(times, clock.today);
    const shown = times.filter((r) => horizons.get(r.id) !== "later").map((r) => r.id);
    const later = times.filter((r) => horizons.get(r.id) === "later").map((r) => r.id);
    const ids = options.withLater ? [...shown, ...later] : shown;
    const res = await searchRegister(db, { scope: actor.scope, ids }, clock, page);
    const placed = res.rows.map((r) => ({ ...r, horizon: horizons.get(r.id) ?? ("now" as Horizon) }));
    return {
      total: times.length,
      bodiesOf: res.bodiesOf,
      rows: placed.filter((r) => r.horizon !== "later"),
      later: placed.filter((r) => r.horizon === "later"),
      laterCount: later.length,
      pending: none.rows,
      today: clock.today,
      mode,
    };
  }
  const filter: RegisterFilter = { scope: actor.scope, state: "awaiting_confirmation" };
  const res = mode === "read" ? none : await searchRegister(db, filter, clock, page);
  const pending =
    mode === "confirm"
      ? await searchRegister(db, { scope: EVERY_UNIT, kind: "pending" }, clock, {
          limit: MAX_ROWS,
          offset: 0,
        })
      : none;
  return {
    total: res.total,
    bodiesOf: res.bodiesOf,
    rows: res.rows.map((r) => ({ ...r, horizon: "now" as Horizon })),
    later: [],
    laterCount: 0,
    pending: pending.rows,
    today: clock.today,
    mode,
  };
}
