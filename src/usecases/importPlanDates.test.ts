import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { extendDeadline } from "./extendDeadline.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

/** A plan's dates come from the document, never from the day it is imported. */
let t: Db;
const actor = systemActor("Kiểm thử");

async function importText(text: string, name: string) {
  const draft = parsePlan(text, { units: await unitCandidates(t.db) });
  return importPlanDocument(t.db, actor, draftToConfirmed(draft, { name, format: "text", text }));
}

async function occurrencesOf(documentId: number, ref: string) {
  return (
    t.db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select(["o.label", "o.kind", "o.due_on", "t.timeframe_kind", "t.timeframe_text"])
      .where("t.document_id", "=", documentId)
      .where("t.ref", "=", ref)
      // the task's own occurrences, not the members' shares of a set-led task
      .where("o.share_of", "is", null)
      .orderBy("o.id")
      .execute()
  );
}

beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

describe.runIf(seedsAvailable())("dates from the document", () => {
  it("seed 001, dated only 'năm 2025', keeps 2025: its yearly tasks run 2025–2030", async () => {
    const { documentId } = await importText(readSeed("001_"), "001.txt");
    const yearly = await occurrencesOf(documentId, "III.1");
    expect(yearly.map((o) => o.label)).toEqual([
      "Năm 2025",
      "Năm 2026",
      "Năm 2027",
      "Năm 2028",
      "Năm 2029",
      "Năm 2030",
    ]);
    expect(yearly[0]?.due_on).toBe("2025-12-31");
  });

  it("seed 003: a duty with no time named is saved as continuous, as the reviewer saw it", async () => {
    const draft = parsePlan(readSeed("003_"), { units: await unitCandidates(t.db) });
    const duty = draft.tasks.find((x) => x.source === "duties" && x.timeframe.text === "");
    expect(duty?.timeframe.kind).toBe("continuous");
    const text = readSeed("003_");
    const { documentId } = await importPlanDocument(
      t.db,
      actor,
      draftToConfirmed(draft, { name: "003.txt", format: "text", text }),
    );
    const saved = await occurrencesOf(documentId, duty?.ref as string);
    expect(saved[0]).toMatchObject({ timeframe_kind: "continuous", timeframe_text: "", kind: "continuous" });
    expect(saved.every((o) => o.kind === "continuous" && o.due_on === null)).toBe(true);
  });
});

describe("a plan that names no year at all", () => {
  it("is refused with a clear message instead of taking the year of import", async () => {
    const text = [
      "KẾ HOẠCH",
      "Kiểm thử không có năm",
      "Số: 12/KH-UBND",
      "",
      "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
      "1\tTuyên truyền\tPhòng Văn hóa - Xã hội\t\tThường xuyên",
    ].join("\n");
    await expect(importText(text, "khong-nam.txt")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("giai đoạn"),
    });
    const held = await t.db.selectFrom("document").select("id").where("number", "=", "12/KH-UBND").execute();
    expect(held).toEqual([]);
  });
});

describe("a date a coordinator set stays when the plan is imported again", () => {
  it("work waiting on a document, dated by a coordinator, keeps its date on re-import", async () => {
    const text = [
      "KẾ HOẠCH",
      "Kiểm thử đặt hạn",
      "Số: 13/KH-UBND",
      "Lai Châu, ngày 02 tháng 3 năm 2026",
      "",
      "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
      "1\tTriển khai hướng dẫn\tSở Giáo dục và Đào tạo\t\tTheo KH của Bộ GD&ĐT",
      "2\tRà soát\tSở Giáo dục và Đào tạo\t\tQuý II năm 2026",
    ].join("\n");
    const { documentId } = await importText(text, "dat-han.txt");
    const [pending] = await t.db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select(["o.id", "o.version"])
      .where("t.document_id", "=", documentId)
      .where("t.ref", "=", "1")
      .execute();
    await extendDeadline(
      t.db,
      actor,
      pending?.id as number,
      { version: pending?.version as number, due: "2026-10-31", reason: "Bộ đã ban hành kế hoạch" },
      "coordinator",
      new Date("2026-07-01T03:00:00Z"),
    );
    await importText(`${text}\n`, "dat-han.txt");
    expect((await occurrencesOf(documentId, "1"))[0]?.due_on).toBe("2026-10-31");
    expect((await occurrencesOf(documentId, "2"))[0]?.due_on).toBe("2026-06-30");
  });
});
