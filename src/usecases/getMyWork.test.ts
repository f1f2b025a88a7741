import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import type { PolicyActor } from "../domain/policies/actor.ts";
import { EVERY_UNIT } from "../domain/policies/scope.ts";
import { systemActor } from "../domain/roles.ts";
import { clockOf } from "../domain/status.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { getMyWork } from "./getMyWork.ts";
import { importPlanDocument } from "./importPlanDocument.ts";
import { loadScope } from "./loadScope.ts";
import { COMMUNE_FIVE_YEAR_PLAN as PLAN } from "./testing/communePlan.ts";

let db: Db;
let officer: PolicyActor;

beforeAll(async () => {
  db = await openTestDb();
  const draft = parsePlan(PLAN, { units: await unitCandidates(db.db) });
  await importPlanDocument(
    db.db,
    systemActor("Kiểm thử"),
    draftToConfirmed(draft, { name: "hangnam.txt", format: "text", text: PLAN }),
  );
  const binhLu = await db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", "Xã Bình Lư")
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  officer = {
    role: "officer",
    unitId: binhLu.id,
    scope: await loadScope(db.db, { role: "officer", org_unit_id: binhLu.id }, "2026-12-31"),
  };
});
afterAll(() => db.close());

const yearsOf = (rows: { ref: string; due_on: string | null }[]) =>
  rows
    .filter((r) => r.ref === "1")
    .map((r) => r.due_on)
    .sort();

describe("Việc của tôi lists what is due now and next", () => {
  it("on 31/12/2026, the due day itself: 2026 now, 2027 next, 2028–2030 later", async () => {
    const work = await getMyWork(db.db, officer, clockOf("2026-12-31"), { withLater: true });
    expect(work.mode).toBe("unit");
    const yearly = work.rows.filter((r) => r.ref === "1");
    expect(yearly.map((r) => [r.due_on, r.horizon])).toEqual([
      ["2026-12-31", "now"],
      ["2027-12-31", "next"],
    ]);
    expect(yearsOf(work.later)).toEqual(["2028-12-31", "2029-12-31", "2030-12-31"]);
    // continuous work has no deadline: this year's is now, next year's next, the rest later
    expect(work.rows.filter((r) => r.ref === "2").map((r) => [r.period_year, r.horizon])).toEqual([
      [2026, "now"],
      [2027, "next"],
    ]);
  });

  it("on 01/01/2027, the day after: 2026 overdue and still now, 2027 now, 2028 next", async () => {
    const work = await getMyWork(db.db, officer, clockOf("2027-01-01"), { withLater: true });
    const yearly = work.rows.filter((r) => r.ref === "1");
    expect(yearly.map((r) => [r.due_on, r.timeliness, r.horizon])).toEqual([
      ["2026-12-31", "overdue", "now"],
      ["2027-12-31", "in_time", "now"],
      ["2028-12-31", "in_time", "next"],
    ]);
    expect(yearsOf(work.later)).toEqual(["2029-12-31", "2030-12-31"]);
  });

  it("unasked, the later years are counted, not read: the same rows now and next, none later", async () => {
    for (const day of ["2026-12-31", "2027-01-01"]) {
      const full = await getMyWork(db.db, officer, clockOf(day), { withLater: true });
      const first = await getMyWork(db.db, officer, clockOf(day));
      expect(first.rows).toEqual(full.rows);
      expect(first.later).toEqual([]);
      expect(first.laterCount).toBe(full.later.length);
      expect(full.laterCount).toBe(full.later.length);
      expect(first.total).toBe(full.rows.length + full.later.length);
    }
    // 31/12/2026: 2028–2030 of the yearly task and of the continuous one
    expect((await getMyWork(db.db, officer, clockOf("2026-12-31"))).laterCount).toBe(6);
  });

  it("a read-only leader is asked to confirm nothing; a coordinator is", async () => {
    // the 2026 occurrence reported done: it awaits the province's confirmation
    const proposed = await db.db
      .updateTable("task_occurrence")
      .set({ state: "awaiting_confirmation", completed_on: "2026-12-20" })
      .where("due_on", "=", "2026-12-31")
      .returning("id")
      .executeTakeFirstOrThrow();
    const leader = await getMyWork(
      db.db,
      { role: "leader", unitId: null, scope: EVERY_UNIT },
      clockOf("2027-01-01"),
    );
    expect(leader).toMatchObject({ mode: "read", rows: [], later: [], pending: [] });
    const coordinator = await getMyWork(
      db.db,
      { role: "coordinator", unitId: null, scope: EVERY_UNIT },
      clockOf("2027-01-01"),
    );
    expect(coordinator.mode).toBe("confirm");
    expect(coordinator.rows.map((r) => r.id)).toEqual([proposed.id]);
    expect(leader.rows).toEqual([]);
  });
});
