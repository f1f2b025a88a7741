import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

let t: Db;
const actor = systemActor("Kiểm thử");
const fixture = (name: string) => fs.readFileSync(path.resolve("src/import/fixtures", name), "utf8");

async function confirmed(text: string, name = "ke-hoach.txt", create = false) {
  const draft = parsePlan(text, { units: await unitCandidates(t.db) });
  return draftToConfirmed(draft, { name, format: "text", text }, create);
}

async function count(table: "document" | "plan_task" | "task_body" | "org_unit" | "document_link") {
  const r = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe("importPlanDocument", () => {
  it("saves a plan with its tasks, bodies resolved to units, targets and links", async () => {
    const r = await importPlanDocument(t.db, actor, await confirmed(fixture("variants-state.txt")));
    expect(r.created).toBe(true);
    expect(r.tasks.added).toHaveLength(7);
    const tasks = await t.db
      .selectFrom("plan_task")
      .selectAll()
      .where("document_id", "=", r.documentId)
      .orderBy("position")
      .execute();
    expect(tasks.map((x) => x.ref)).toEqual(["I.1", "I.2", "II", "II.1", "II.2", "II.2a", "II.3"]);
    expect(tasks[0]).toMatchObject({
      due_on: "2026-09-30",
      timeframe_kind: "deadline",
      product: "Hội nghị quán triệt toàn tỉnh ngày 12/5/2026",
    });
    const lead = await t.db
      .selectFrom("task_body as b")
      .innerJoin("org_unit as u", "u.id", "b.unit_id")
      .select(["b.text", "u.full_name"])
      .where("b.task_id", "=", tasks[0]?.id as number)
      .where("b.role", "=", "lead")
      .execute();
    expect(lead).toEqual([{ text: "Sở GD&ĐT", full_name: "Sở Giáo dục và Đào tạo" }]);
    const links = await t.db
      .selectFrom("document_link as l")
      .innerJoin("document as d", "d.id", "l.to_id")
      .select(["d.number", "d.held", "l.relation"])
      .where("l.from_id", "=", r.documentId)
      .execute();
    expect(links).toContainEqual({ number: "2086/KH-UBND", held: false, relation: "implements" });
    expect(r.unresolvedBodies).toEqual(["Văn phòng Sở GD&ĐT", "Ban Quản lý dự án đầu tư xây dựng tỉnh"]);
  });

  it("re-importing the same document updates it and says what changed, without copies", async () => {
    const docsBefore = await count("document");
    const same = await importPlanDocument(t.db, actor, await confirmed(fixture("variants-state.txt")));
    expect(same.created).toBe(false);
    expect(same.tasks).toEqual({ added: [], removed: [], changed: [] });
    expect(await count("document")).toBe(docsBefore);

    const edited = fixture("variants-state.txt")
      .replace("Tổ chức hội nghị quán triệt kế hoạch", "Tổ chức hội nghị quán triệt kế hoạch (trực tuyến)")
      .replace(/^3\tTổng kết.*$/m, "");
    const r = await importPlanDocument(t.db, actor, await confirmed(edited));
    expect(r.tasks).toEqual({ added: [], removed: ["II.3"], changed: ["I.1"] });
    const task = await t.db
      .selectFrom("plan_task")
      .selectAll()
      .where("ref", "=", "I.1")
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ title: "Tổ chức hội nghị quán triệt kế hoạch (trực tuyến)", version: 2 });
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "document.reimport")
      .execute();
    expect(audit.length).toBe(2);
  });

  it("creates unknown bodies only when asked", async () => {
    const units = await count("org_unit");
    const r = await importPlanDocument(
      t.db,
      actor,
      await confirmed(fixture("variants-state.txt"), "x.txt", true),
    );
    expect(r.createdBodies).toEqual(["Văn phòng Sở GD&ĐT", "Ban Quản lý dự án đầu tư xây dựng tỉnh"]);
    expect(await count("org_unit")).toBe(units + 2);
    expect(r.unresolvedBodies).toEqual([]);
  });

  it("is all or nothing: a bad plan leaves the database as it was", async () => {
    const before = await Promise.all([
      count("document"),
      count("plan_task"),
      count("task_body"),
      count("org_unit"),
    ]);
    const plan = await confirmed(fixture("variants-party.txt"), "y.txt", true);
    plan.tasks[1] = { ...(plan.tasks[1] as (typeof plan.tasks)[number]), ref: plan.tasks[0]?.ref as string };
    await expect(importPlanDocument(t.db, actor, plan)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const bad = await confirmed(fixture("variants-party.txt"), "z.txt", true);
    bad.bodies.push({ text: "Cơ quan ma", unitId: 999_999, create: false, members: [] });
    await expect(importPlanDocument(t.db, actor, bad)).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(
      await Promise.all([count("document"), count("plan_task"), count("task_body"), count("org_unit")]),
    ).toEqual(before);
  });

  it.runIf(seedsAvailable())(
    "builds the cascade from the real plans: a cited document is filled in when imported",
    async () => {
      const b = await importPlanDocument(t.db, actor, await confirmed(readSeed("003_"), "003.txt"));
      const placeholder = await t.db
        .selectFrom("document")
        .selectAll()
        .where("number", "=", "47-KH/ĐU")
        .executeTakeFirstOrThrow();
      expect(placeholder.held).toBe(false);
      const a = await importPlanDocument(t.db, actor, await confirmed(readSeed("000_"), "000.txt"));
      expect(a.documentId).toBe(placeholder.id);
      expect(a.created).toBe(true);
      const filled = await t.db
        .selectFrom("document")
        .selectAll()
        .where("id", "=", placeholder.id)
        .executeTakeFirstOrThrow();
      expect(filled).toMatchObject({ held: true, issued_on: "2026-03-23" });
      const binhLuLinks = await t.db
        .selectFrom("document_link as l")
        .innerJoin("document as d", "d.id", "l.to_id")
        .select(["d.number", "l.relation"])
        .where("l.from_id", "=", b.documentId)
        .orderBy("d.number")
        .execute();
      expect(binhLuLinks).toEqual([
        { number: "06-NQ/TU", relation: "cites" },
        { number: "2086/KH-UBND", relation: "implements" },
        { number: "47-KH/ĐU", relation: "cites" },
        { number: "84/KH-ĐU", relation: "implements" },
      ]);
      // the cascade the texts describe: 06-NQ/TU ← 47-KH/ĐU ← 2086/KH-UBND ← Bình Lư's plan
      const chain = await t.db
        .selectFrom("document_link as l")
        .innerJoin("document as a", "a.id", "l.from_id")
        .innerJoin("document as b", "b.id", "l.to_id")
        .select(["a.number as from", "b.number as to"])
        .where("l.relation", "=", "implements")
        .execute();
      expect(chain).toEqual(
        expect.arrayContaining([
          { from: "2086/KH-UBND", to: "47-KH/ĐU" },
          { from: "47-KH/ĐU", to: "06-NQ/TU" },
          { from: "84/KH-ĐU", to: "06-NQ/TU" },
        ]),
      );
      const duty = await t.db
        .selectFrom("plan_task as p")
        .innerJoin("task_body as b", "b.task_id", "p.id")
        .innerJoin("org_unit as u", "u.id", "b.unit_id")
        .select(["u.full_name"])
        .where("p.document_id", "=", b.documentId)
        .where("p.ref", "=", "1.1")
        .executeTakeFirstOrThrow();
      expect(duty.full_name).toBe("Phòng Văn hóa - Xã hội xã Bình Lư");
    },
  );
});
