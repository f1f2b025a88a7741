import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { indicatorCandidates } from "../db/repositories/indicatorCandidates.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

let t: Db;
const actor = systemActor("Kiểm thử");
const RESULT = "Kết quả năm học 2024-2025";

async function seed002() {
  const text = readSeed("002_");
  const draft = parsePlan(text, {
    units: await unitCandidates(t.db),
    indicators: await indicatorCandidates(t.db),
  });
  return draftToConfirmed(draft, { name: "5272.txt", format: "text", text });
}

async function figures() {
  return t.db
    .selectFrom("reported_value as r")
    .innerJoin("indicator as i", "i.id", "r.indicator_id")
    .innerJoin("period as p", "p.id", "r.period_id")
    .innerJoin("org_unit as u", "u.id", "r.org_unit_id")
    .select(["i.code", "p.code as period", "r.kind", "r.value", "u.kind as unitKind", "r.document_id"])
    .orderBy("i.code")
    .orderBy("r.kind")
    .execute();
}

const counts = async () => ({
  documents: (await t.db.selectFrom("document").select("id").where("held", "=", true).execute()).length,
  tasks: (await t.db.selectFrom("plan_task").select("id").execute()).length,
  figures: (await figures()).length,
  targets: (
    await t.db.selectFrom("indicator_target").select("id").where("source_row", "is not", null).execute()
  ).length,
});

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe.runIf(seedsAvailable())(
  "seed 002 imported from scratch: its indicator table becomes figures",
  () => {
    it("holds no figure of 5272/KH-UBND before the document is imported (no hand-written copy)", async () => {
      expect(await figures()).toEqual([]);
    });

    it("a value the figures writer refuses rolls the whole import back: no plan, no task, no figure", async () => {
      const plan = await seed002();
      const row9 = plan.indicators.find((r) => r.ref === "9");
      if (!row9) throw new Error("row 9");
      row9.values[RESULT] = 954; // the scan's reading, not a percentage
      await expect(importPlanDocument(t.db, actor, plan)).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        message: expect.stringContaining(
          "chỉ tiêu 9, cột «Kết quả năm học 2024-2025»: KH5272-09: 954 % vượt 100 %",
        ),
      });
      expect(await counts()).toEqual({ documents: 0, tasks: 0, figures: 0, targets: 0 });
    });

    it("confirming writes the 27 rows as the province's 2024–2025 figures and 2025–2026 targets, audited", async () => {
      const plan = await seed002();
      expect(plan.indicators.filter((r) => r.indicatorId !== null)).toHaveLength(27);
      const r = await importPlanDocument(t.db, actor, plan);
      expect(r.tasks.added.length).toBeGreaterThan(0);
      expect(r.figures).toMatchObject({ figures: 54, targets: 27, skipped: [], unmatched: [] });
      const rows = await figures();
      expect(rows).toHaveLength(54);
      expect(rows.every((x) => x.unitKind === "province" && x.document_id === r.documentId)).toBe(true);
      const of = (code: string, kind: string) => rows.find((x) => x.code === code && x.kind === kind);
      expect(of("KH5272-02", "result")).toMatchObject({ period: "2024SY", value: "99.8" });
      expect(of("KH5272-09", "result")).toMatchObject({ period: "2024SY" });
      expect(Number(of("KH5272-09", "result")?.value)).toBe(95.4);
      expect(Number(of("KH5272-05", "target")?.value)).toBe(38);
      expect(of("KH5272-05", "target")?.period).toBe("2025SY");
      expect(rows.some((x) => x.code === "KH5272-17")).toBe(false);
      const target = await t.db
        .selectFrom("indicator_target as t")
        .innerJoin("indicator as i", "i.id", "t.indicator_id")
        .select([
          "t.value",
          "t.due_year",
          "t.baseline_value",
          "t.baseline_year",
          "t.document_id",
          "t.comparator",
        ])
        .where("i.code", "=", "KH5272-20")
        .where("t.source_row", "=", "20")
        .executeTakeFirstOrThrow();
      expect(target).toMatchObject({
        due_year: 2026,
        baseline_year: 2025,
        document_id: r.documentId,
        comparator: ">=",
      });
      expect([Number(target.value), Number(target.baseline_value)]).toEqual([17.1, 17.9]);
      const audit = await t.db
        .selectFrom("audit_log")
        .selectAll()
        .where("action", "=", "figures.import")
        .execute();
      expect(audit.map((a) => a.entity_id?.replace(/^\d+\//, "")).sort()).toEqual(["2024SY", "2025SY"]);
      const after = audit.find((a) => a.entity_id?.endsWith("2024SY"))?.after as Record<string, number>;
      expect(Object.keys(after)).toHaveLength(27);
      expect(after["KH5272-01:result"]).toBe(33.8);
    });

    it("importing it again with a row skipped and another matched by hand replaces what it set", async () => {
      const plan = await seed002();
      const ids = await indicatorCandidates(t.db);
      const row1 = plan.indicators.find((r) => r.ref === "1");
      const row4 = plan.indicators.find((r) => r.ref === "4");
      if (!row1 || !row4) throw new Error("rows");
      row1.skip = true;
      row4.indicatorId = ids.find((c) => c.code === "NQ06-TH")?.id ?? null;
      const r = await importPlanDocument(t.db, actor, plan);
      expect(r.created).toBe(false);
      expect(r.figures).toMatchObject({ figures: 52, targets: 26, skipped: ["1"] });
      const rows = await figures();
      expect(rows.some((x) => x.code === "KH5272-01" || x.code === "KH5272-04")).toBe(false);
      expect(rows.filter((x) => x.code === "NQ06-TH").map((x) => Number(x.value))).toEqual([100, 100]);
      expect((await counts()).targets).toBe(26);
    });

    it("refuses a figure into a period whose form is submitted (FORM_LOCKED), saving nothing", async () => {
      const province = await t.db
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "=", "province")
        .executeTakeFirstOrThrow();
      const sy = await t.db
        .selectFrom("period")
        .select("id")
        .where("code", "=", "2024SY")
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto("form_status")
        .values({ org_unit_id: province.id, period_id: sy.id, status: "submitted" })
        .execute();
      const before = await counts();
      await expect(importPlanDocument(t.db, actor, await seed002())).rejects.toMatchObject({
        code: "FORM_LOCKED",
      });
      expect(await counts()).toEqual(before);
      await t.db.deleteFrom("form_status").where("org_unit_id", "=", province.id).execute();
    });

    it("a new indicator accepted for a row is made with the figures, and rolled back with them", async () => {
      const accept = (plan: Awaited<ReturnType<typeof seed002>>) => {
        const row2 = plan.indicators.find((r) => r.ref === "2");
        const row3 = plan.indicators.find((r) => r.ref === "3");
        if (!row2 || !row3) throw new Error("rows");
        Object.assign(row2, {
          indicatorId: null,
          create: { name: "Tỷ lệ trẻ mẫu giáo được huy động ra lớp", unit: "%", type: "rate" },
        });
        // accepted but skipped, or accepted while an indicator is chosen: nothing is made
        Object.assign(row3, {
          skip: true,
          indicatorId: null,
          create: { name: "Bỏ qua", unit: "%", type: "rate" },
        });
        return plan;
      };
      const made = () =>
        t.db.selectFrom("indicator").selectAll().where("source", "like", "Nhập từ%").execute();
      const bad = accept(await seed002());
      const row9 = bad.indicators.find((r) => r.ref === "9");
      if (!row9) throw new Error("row 9");
      row9.values[RESULT] = 954;
      await expect(importPlanDocument(t.db, actor, bad)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
      expect(await made()).toEqual([]);

      const r = await importPlanDocument(t.db, actor, accept(await seed002()));
      const [ind, ...more] = await made();
      expect(more).toEqual([]);
      expect(ind).toMatchObject({
        code: "KH5272-02-2",
        name: "Tỷ lệ trẻ mẫu giáo được huy động ra lớp",
        unit: "%",
        type: "rate",
        level: "commune",
        source: "Nhập từ văn bản 5272/KH-UBND",
      });
      expect(r.figures).toMatchObject({
        created: [{ ref: "2", indicatorId: ind?.id }],
        skipped: ["3"],
        unmatched: [],
      });
      const mine = (await figures()).filter((f) => f.code === "KH5272-02-2");
      expect(mine.map((f) => [f.period, f.kind, Number(f.value)])).toEqual([
        ["2024SY", "result", 99.8],
        ["2025SY", "target", 99.8],
      ]);
      const target = await t.db
        .selectFrom("indicator_target")
        .select(["value", "due_year"])
        .where("indicator_id", "=", ind?.id as number)
        .execute();
      expect(target.map((x) => [Number(x.value), x.due_year])).toEqual([[99.8, 2026]]);
      // its elements' education levels default from the name: "mẫu giáo" is preschool
      const elements = await t.db
        .selectFrom("data_element")
        .select(["name", "education_levels"])
        .where("id", "in", [ind?.numerator_id as number, ind?.denominator_id as number])
        .execute();
      expect(elements.map((e) => e.education_levels)).toEqual([["preschool"], ["preschool"]]);
      const audit = await t.db
        .selectFrom("audit_log")
        .select(["entity_id", "after"])
        .where("action", "=", "indicator.create")
        .execute();
      expect(audit.map((a) => a.entity_id)).toEqual([String(ind?.id)]);
    });
  },
);
