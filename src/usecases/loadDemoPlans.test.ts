import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import { DEMO_PLANS } from "../paths.ts";
import { loadDemoPlans } from "./loadDemoPlans.ts";
import { loadSampleFigures } from "./loadSampleFigures.ts";

let t: Db;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe("the demo's data", () => {
  it("gets the province's figures by importing 5272/KH-UBND; what is not from a document is labelled sample", async () => {
    const loaded = await loadDemoPlans(t.db, DEMO_PLANS);
    expect(loaded).toContain("5272/KH-UBND");
    const doc = await t.db
      .selectFrom("document")
      .select("id")
      .where("number", "=", "5272/KH-UBND")
      .executeTakeFirstOrThrow();
    const figures = await t.db
      .selectFrom("reported_value as r")
      .innerJoin("indicator as i", "i.id", "r.indicator_id")
      .innerJoin("period as p", "p.id", "r.period_id")
      .select(["i.code", "p.code as period", "r.kind", "r.value", "r.document_id"])
      .execute();
    expect(figures).toHaveLength(54);
    expect(figures.every((f) => f.document_id === doc.id)).toBe(true);
    expect(figures.find((f) => f.code === "KH5272-02" && f.kind === "result")).toMatchObject({
      period: "2024SY",
      value: "99.8",
    });
    const targets = await t.db
      .selectFrom("indicator_target")
      .select("id")
      .where("document_id", "=", doc.id)
      .execute();
    expect(targets).toHaveLength(27);
    // the catalog's targets of 47-KH/ĐU and of Bình Lư's plan belong to those plans once imported
    const tied = await t.db
      .selectFrom("indicator_target as x")
      .innerJoin("document as d", "d.id", "x.document_id")
      .select(["x.label", "d.number", "d.issuer_text"])
      .where("x.label", "like", "% — %")
      .execute();
    expect(tied.filter((x) => x.number === "47-KH/ĐU")).toHaveLength(5);
    const binhLu = tied.filter((x) => x.label.endsWith("— Bình Lư"));
    expect(binhLu).toHaveLength(3);
    expect(binhLu.every((x) => x.number === null && x.issuer_text?.includes("Bình Lư"))).toBe(true);
    const loose = await t.db
      .selectFrom("indicator_target")
      .select("id")
      .where("document_id", "is", null)
      .execute();
    expect(loose).toEqual([]);
    // the communes' figures are not in any document: every one of them is flagged as sample data
    expect(await loadSampleFigures(t.db)).toBeGreaterThan(0);
    const real = await t.db.selectFrom("data_value").select("id").where("is_sample", "=", false).execute();
    expect(real).toHaveLength(0);
  });
});
