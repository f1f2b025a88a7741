import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { EVERY_UNIT } from "../domain/policies/scope.ts";
import { systemActor } from "../domain/roles.ts";
import { timelinessAsOf } from "../domain/status.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { getOverview } from "./getOverview.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

const haveSeeds = seedsAvailable();
let t: Db;

beforeAll(async () => {
  t = await openTestDb();
  if (!haveSeeds) return;
  for (const prefix of ["000", "003"]) {
    const text = readSeed(prefix);
    const draft = parsePlan(text, { units: await unitCandidates(t.db) });
    await importPlanDocument(
      t.db,
      systemActor("Kiểm thử"),
      draftToConfirmed(draft, { name: `${prefix}.txt`, format: "text", text }),
    );
  }
});
afterAll(() => t.close());

/** The same counts worked out row by row in TypeScript (domain/status.timelinessAsOf), to hold the SQL to. */
async function countByHand(documentIds: number[], asOf: string) {
  const rows = await t.db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as p", "p.id", "o.task_id")
    .select(["o.id", "o.due_on", "o.completed_on", "o.confirmed_on", "o.kind"])
    .where("p.document_id", "in", documentIds)
    // a set-led task's shares (one per member) are parts of its occurrence, not more occurrences
    .where("o.share_of", "is", null)
    .execute();
  let overdue = 0;
  let inTime = 0;
  let noDeadline = 0;
  for (const r of rows) {
    // no deadline changed in these plans: the deadline of the day is the current one
    const tl = timelinessAsOf(
      { due: r.due_on, confirmedOn: r.confirmed_on, completedOn: r.completed_on },
      asOf,
    );
    if (tl === "overdue") overdue++;
    else if (tl === "in_time" || tl === "due_soon") inTime++;
    else if (tl === "no_deadline" && r.kind !== "pending") noDeadline++;
  }
  return { total: rows.length, overdue, inTime, noDeadline };
}

describe.skipIf(!haveSeeds)("the leaders' overview", () => {
  it("defaults to the resolution at the top of the cascade and counts each item once", async () => {
    const o = await getOverview(t.db, { asOf: "2026-07-01", scope: EVERY_UNIT });
    expect(o.root?.number).toBe("06-NQ/TU");
    const numbers = o.documents.map((d) => d.number);
    expect(numbers).toEqual(expect.arrayContaining(["06-NQ/TU", "47-KH/ĐU"]));
    const ids = o.documents.map((d) => d.id);
    const hand = await countByHand(ids, "2026-07-01");
    expect(o.tasks).toMatchObject({
      total: hand.total,
      overdue: hand.overdue,
      in_time: hand.inTime,
      no_deadline: hand.noDeadline,
    });
    expect(hand.total).toBeGreaterThan(0);
  });

  it("the due day itself is not overdue; the day after is", async () => {
    const [one] = await t.db
      .selectFrom("task_occurrence")
      .select(["id", "due_on"])
      .where("due_on", "is not", null)
      .where("state", "<>", "done")
      .orderBy("due_on")
      .limit(1)
      .execute();
    const due = one?.due_on as string;
    const dayAfter = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const onDue = await getOverview(t.db, { asOf: due, scope: EVERY_UNIT });
    const after = await getOverview(t.db, { asOf: dayAfter, scope: EVERY_UNIT });
    expect(onDue.mostOverdue.some((x) => x.id === one?.id)).toBe(false);
    expect(after.mostOverdue.find((x) => x.id === one?.id)?.days_late).toBe(1);
    expect((after.tasks?.overdue ?? 0) - (onDue.tasks?.overdue ?? 0)).toBeGreaterThanOrEqual(1);
  });

  it("shows how Bình Lư's plan lines up, and an officer's scope keeps other bodies' work out", async () => {
    const o = await getOverview(t.db, { asOf: "2026-07-01", scope: EVERY_UNIT });
    const binhLu = o.plans.find(
      (p) => p.title?.includes("Bình Lư") || p.against.some((a) => a.number === "47-KH/ĐU"),
    );
    expect(binhLu?.stricter).toBeGreaterThan(0);
    expect(binhLu?.dropped).toBeGreaterThan(0);
    const later = await getOverview(t.db, { asOf: "2027-01-05", scope: EVERY_UNIT });
    const binhLuId = (
      await t.db
        .selectFrom("org_unit")
        .select("id")
        .where("name", "=", "Bình Lư")
        .where("kind", "=", "commune")
        .executeTakeFirstOrThrow()
    ).id;
    // the work of Bình Lư's offices counts on the commune's tile
    const tile = later.overdueByCommune.find((c) => c.unit_id === binhLuId)?.overdue ?? 0;
    expect(tile).toBeGreaterThan(0);
    expect(tile).toBeLessThanOrEqual(later.tasks?.overdue ?? 0);
    const none = await getOverview(t.db, { asOf: "2026-07-01", scope: { kind: "units", ids: new Set() } });
    expect(none.tasks?.total).toBe(0);
    expect(none.mostOverdue).toEqual([]);
  });
});
