import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/** A province plan of 2026 whose first task is led by the set "UBND các xã, phường". */
const PLAN = `ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
Số: 99/KH-UBND
Lai Châu, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Rà soát trẻ em trong độ tuổi đến trường năm 2026

PHỤ LỤC
TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian
1\tRà soát trẻ em ngoài nhà trường trên địa bàn\tUBND các xã, phường\tSở Giáo dục và Đào tạo\tTháng 3/2026
2\tTổng hợp kết quả rà soát toàn tỉnh\tSở Giáo dục và Đào tạo\tCác cơ quan, đơn vị liên quan\tTháng 4/2026
`;

const now = new Date("2026-03-02T03:00:00Z");
let t: TestApp;
let coordinator: Client;
let binhLu: Client;
let namCuoi: Client;
let parentId: number;

type Row = { id: number; ref: string; lead: string; version: number; share_of: number | null };

async function myShare(c: Client): Promise<Row> {
  const rows = (await c.request("GET", "/api/my-work")).json().rows as Row[];
  return rows.find((r) => r.ref === "1") as Row;
}

describe("a task led by a set of bodies is shared out to its members", () => {
  beforeAll(async () => {
    t = await createTestApp(() => now);
    const draft = parsePlan(PLAN, { units: await unitCandidates(t.db.db) });
    const plan = draftToConfirmed(draft, { name: "99.txt", format: "text", text: PLAN });
    // the reviewer says which bodies "Các cơ quan, đơn vị liên quan" means
    const related = plan.bodies.find((b) => b.text === "Các cơ quan, đơn vị liên quan");
    if (related)
      related.members = [await unitIdByName(t.db, "Sở Tài chính"), await unitIdByName(t.db, "Sở Y tế")];
    await importPlanDocument(t.db.db, systemActor("Kiểm thử"), plan);
    coordinator = await signIn(t, "dieuphoi", "coordinator");
    binhLu = await signIn(t, "canbo.binhlu", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
    namCuoi = await signIn(t, "canbo.namcuoi", "officer", await unitIdByName(t.db, "Xã Nậm Cuổi"));
  });
  afterAll(() => t.close());

  it("gives each of the 38 communes of 2026 a share, and the register shows the task once as 0/38", async () => {
    const res = await coordinator.request("GET", "/api/tasks?pageSize=100");
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as (Row & { shares_done: number; shares_total: number })[];
    const task = rows.filter((r) => r.ref === "1");
    expect(task).toHaveLength(1);
    expect(task[0]).toMatchObject({
      share_of: null,
      shares_done: 0,
      shares_total: 38,
      lead: "UBND các xã, phường",
    });
    parentId = (task[0] as Row).id;
    const ref2 = rows.find((r) => r.ref === "2");
    expect(ref2).toMatchObject({ shares_total: 0, support: "Sở Tài chính; Sở Y tế" });
  });

  it("an officer of a commune sees its share in Việc của tôi and reports on it; another commune cannot", async () => {
    const mine = await myShare(binhLu);
    expect(mine).toMatchObject({ lead: "Xã Bình Lư", share_of: parentId });
    const theirs = await myShare(namCuoi);
    expect(theirs.id).not.toBe(mine.id);
    const post = await binhLu.request("POST", `/api/occurrences/${mine.id}/updates`, {
      version: mine.version,
      text: "Đã rà soát 3 bản.",
      percent: 40,
    });
    expect(post.statusCode, post.body).toBe(201);
    expect(post.json().occurrence).toMatchObject({ state: "in_progress", percent: 40 });
    const foreign = await namCuoi.request("POST", `/api/occurrences/${mine.id}/updates`, {
      version: mine.version + 1,
      text: "Không phải việc của tôi",
    });
    expect(foreign.statusCode).toBe(403);
    const detail = (await binhLu.request("GET", `/api/tasks/${await taskIdOf(mine.id)}`)).json();
    expect(detail.can.report).toBe("lead");
    const shares = detail.occurrences.filter((o: Row) => o.share_of !== null);
    expect(shares.map((o: { share_unit_name: string }) => o.share_unit_name)).toEqual(["Xã Bình Lư"]);
    const parent = detail.occurrences.find((o: Row) => o.id === parentId);
    expect(parent).toMatchObject({ state: "in_progress", shares: { done: 0, total: 38 } });
  });

  it("nobody acts on the parent itself: it is derived from its shares", async () => {
    const parent = (await coordinator.request("GET", "/api/tasks?pageSize=100"))
      .json()
      .rows.find((r: Row) => r.id === parentId);
    const res = await coordinator.request("POST", `/api/occurrences/${parentId}/confirm`, {
      version: parent.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("OCCURRENCE_SHARED_OUT");
  });

  it("a member proposes its share done, the coordinator confirms it: 1/38, the parent still open", async () => {
    const mine = await myShare(binhLu);
    const prop = await binhLu.request("POST", `/api/occurrences/${mine.id}/propose`, {
      version: mine.version,
      text: "Đã rà soát xong toàn xã.",
    });
    expect(prop.statusCode, prop.body).toBe(200);
    const conf = await coordinator.request("POST", `/api/occurrences/${mine.id}/confirm`, {
      version: prop.json().occurrence.version,
    });
    expect(conf.statusCode, conf.body).toBe(200);
    const row = (await coordinator.request("GET", "/api/tasks?pageSize=100&includeDone=true"))
      .json()
      .rows.find((r: Row) => r.id === parentId);
    expect(row).toMatchObject({ shares_done: 1, shares_total: 38, state: "in_progress" });
  });

  it("chasing the set notifies each open member's officers and says who was reached", async () => {
    const res = await coordinator.request("POST", `/api/occurrences/${parentId}/chase`, {
      message: "Đề nghị hoàn thành rà soát trước 31/3.",
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // Bình Lư's share is done: only Nậm Cuổi has an officer among the 37 open members
    expect(body.notified).toBe(1);
    expect(body.reached.map((r: { unitName: string }) => r.unitName)).toEqual(["Xã Nậm Cuổi"]);
    expect(body.unreached).toHaveLength(36);
    const notes = (await namCuoi.request("GET", "/api/notifications")).json();
    expect(JSON.stringify(notes)).toContain("Đề nghị hoàn thành rà soát");
    const none = (await binhLu.request("GET", "/api/notifications")).json();
    expect(JSON.stringify(none)).not.toContain("Đề nghị hoàn thành rà soát");
  });

  it("the scoreboard counts the task once in its total and each member's share in its row", async () => {
    const boardRes = await coordinator.request("GET", "/api/scoreboard?asOf=2026-04-01");
    expect(boardRes.statusCode, boardRes.body).toBe(200);
    const board = boardRes.json();
    // task 1 (37 shares open after 31/3) is one overdue task; task 2 is due 30/4
    expect(board.total).toMatchObject({ done: 0, overdue: 1 });
    const row = (name: string) => board.rows.find((r: { unit_name: string }) => r.unit_name === name);
    expect(row("Xã Bình Lư")).toMatchObject({ assigned: 1, done: 1, overdue: 0 });
    expect(row("Xã Nậm Cuổi")).toMatchObject({ assigned: 1, done: 0, overdue: 1 });
    const own = (await namCuoi.request("GET", "/api/scoreboard?asOf=2026-04-01")).json();
    expect(own.total).toMatchObject({ done: 0, overdue: 1 });
    const before = (await coordinator.request("GET", "/api/scoreboard?asOf=2026-03-31")).json();
    expect(before.total).toMatchObject({ overdue: 0 });
  });
});

async function taskIdOf(occurrenceId: number): Promise<number> {
  const row = await t.db.db
    .selectFrom("task_occurrence")
    .select("task_id")
    .where("id", "=", occurrenceId)
    .executeTakeFirstOrThrow();
  return row.task_id;
}
