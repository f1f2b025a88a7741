import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { sumUp, sumUpLive } from "../db/repositories/figureQueries.ts";
import { setFormDraft } from "../db/repositories/formRepository.ts";
import { openTestDb } from "../db/testing.ts";
import type { Actor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { saveDataForm } from "./saveDataForm.ts";

let t: Db;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("saveDataForm", () => {
  it("many communes saving at once all land, and the province total is exact", async () => {
    const db = t.db;
    const communes = await db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "in", ["commune", "ward"])
      .where("valid_to", "is", null)
      .orderBy("id")
      .execute();
    const ind = await db
      .selectFrom("indicator")
      .selectAll()
      .where("code", "=", "KH5272-02")
      .executeTakeFirstOrThrow();
    const tre6 = await db
      .selectFrom("indicator")
      .selectAll()
      .where("code", "=", "KH5272-03")
      .executeTakeFirstOrThrow();
    const province = await db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "province")
      .executeTakeFirstOrThrow();
    const period = await db
      .selectFrom("period")
      .select("id")
      .where("code", "=", "2025SY")
      .executeTakeFirstOrThrow();
    const elements = [
      ind.numerator_id,
      ind.denominator_id,
      tre6.numerator_id,
      tre6.denominator_id,
    ] as number[];
    // each commune sends its fields in a different order: the writes must still not deadlock
    const saves = communes.map((c, i) => {
      const actor: Actor = { id: null, name: `Cán bộ ${c.id}`, role: "officer", orgUnitId: c.id };
      const values = [
        { elementId: elements[0] as number, value: 50 + i, comment: null },
        { elementId: elements[1] as number, value: 100 + i, comment: null },
        { elementId: elements[2] as number, value: 20, comment: null },
        { elementId: elements[3] as number, value: 25, comment: null },
        { elementId: elements[0] as number, category: "sex.female", value: 20, comment: null },
        { elementId: elements[1] as number, category: "sex.female", value: 40, comment: null },
      ];
      const order = i % 2 === 0 ? values : [...values].reverse();
      return saveDataForm(db, actor, c.id, period.id, { version: 0, values: order });
    });
    const results = await Promise.allSettled(saves);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);

    const n = communes.length;
    const opts = {
      rootId: province.id,
      asOf: todayIso(new Date()),
      elementIds: elements,
      periodIds: [period.id],
      categories: ["", "sex.female"],
    };
    // drafts are out of the official total until their forms are sent
    expect(await sumUp(db, opts)).toEqual([]);
    expect((await sumUp(db, { ...opts, includeDrafts: true })).length).toBe(6);
    for (const c of communes) await setFormDraft(db, c.id, period.id, false);
    const totals = await sumUp(db, opts);
    const total = (el: number, category = "") =>
      totals.find((x) => x.element_id === el && x.category === category)?.total;
    expect(total(elements[0] as number)).toBe(50 * n + (n * (n - 1)) / 2);
    expect(total(elements[1] as number)).toBe(100 * n + (n * (n - 1)) / 2);
    expect(total(elements[3] as number)).toBe(25 * n);
    expect(total(elements[1] as number, "sex.female")).toBe(40 * n);
    const live = await sumUpLive(db, opts);
    expect(live.map((x) => x.total).sort()).toEqual(totals.map((x) => x.total).sort());
  });
});
