import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestApp } from "./testing.ts";

/**
 * Following one occurrence through the API on a clock that moves day by day: the transition table's
 * fixes, a notification for every step, a chase that says whom it reached, and the scoreboard of a
 * past day read from the history (a later extension, reassignment or confirmation rewrites nothing).
 */
let clock = new Date("2026-06-01T03:00:00Z");

/** Signs an existing user in again (a session does not outlive the days the clock jumps over). */
async function login(username: string, userId: number): Promise<Client> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { username, password: TEST_PASSWORD },
  });
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    userId,
    request: (method, url, body) =>
      t.app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

async function setDay(iso: string) {
  clock = new Date(`${iso}T03:00:00Z`);
  coordinator = await login("dieuphoi", coordinator.userId);
  officerA = await login("canbo.a", officerA.userId);
  officerB = await login("canbo.b", officerB.userId);
}
let t: TestApp;
let coordinator: Client;
let officerA: Client;
let officerB: Client;
let unitA: number;
let unitB: number;
let unitC: number;
let taskId: number;
let documentId: number;

interface Occ {
  id: number;
  state: string;
  version: number;
  due_on: string | null;
  actions: string[];
}

async function addTask(ref: string, leads: { unitId: number | null; text: string }[], due: string) {
  const task = await t.db.db
    .insertInto("plan_task")
    .values({
      document_id: documentId,
      ref,
      group_ref: null,
      group_title: null,
      title: `Nhiệm vụ ${ref}`,
      timeframe_text: "Quý II năm 2026",
      timeframe: "{}",
      timeframe_kind: "deadline",
      due_on: due,
      product: null,
      note: null,
      source: "table",
      position: Number(ref),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const [i, b] of leads.entries())
    await t.db.db
      .insertInto("task_body")
      .values({
        task_id: task.id,
        role: "lead",
        text: b.text,
        unit_id: b.unitId,
        set_kind: null,
        position: i,
      })
      .execute();
  await t.db.db
    .insertInto("task_occurrence")
    .values({ task_id: task.id, label: "Hạn hoàn thành", kind: "deadline", period_year: 2026, due_on: due })
    .execute();
  return task.id;
}

async function occurrence(client: Client, id = taskId): Promise<Occ> {
  const res = await client.request("GET", `/api/tasks/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().occurrences[0] as Occ;
}

async function inbox(client: Client): Promise<{ kind: string; message: string }[]> {
  return (await client.request("GET", "/api/notifications")).json().notifications;
}

beforeAll(async () => {
  t = await createTestApp(() => clock);
  const db = t.db.db;
  unitA = await insertUnit(db, { code: null, kind: "body", name: "Sở Thử A", fullName: "Sở Thử A" });
  unitB = await insertUnit(db, { code: null, kind: "body", name: "Sở Thử B", fullName: "Sở Thử B" });
  unitC = await insertUnit(db, { code: null, kind: "body", name: "Sở Thử C", fullName: "Sở Thử C" });
  documentId = (
    await db
      .insertInto("document")
      .values({ identity_key: "t:luong-viec", held: true, title: "Kế hoạch kiểm thử luồng việc" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  taskId = await addTask("1", [{ unitId: unitA, text: "Sở Thử A" }], "2026-06-30");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officerA = await signIn(t, "canbo.a", "officer", unitA);
  officerB = await signIn(t, "canbo.b", "officer", unitB);
  await t.db.db
    .updateTable("app_user")
    .set({ email: "canbo.a@example.vn" })
    .where("id", "=", officerA.userId)
    .execute();
});
afterAll(() => t.close());

describe("the state machine through the API", () => {
  it("the server sends each caller's allowed actions", async () => {
    expect((await occurrence(officerA)).actions).toEqual(["progress", "propose"]);
    expect((await occurrence(coordinator)).actions).toEqual(["pause", "extend", "chase"]);
  });

  it("a proposal notifies the coordinators; pausing and resuming it keeps it; a paused item cannot be proposed", async () => {
    await setDay("2026-06-20");
    let o = await occurrence(officerA);
    const proposed = await officerA.request("POST", `/api/occurrences/${o.id}/propose`, {
      version: o.version,
      text: "Đã ban hành kế hoạch.",
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect((await inbox(coordinator)).map((n) => n.kind)).toContain("propose_done");

    o = await occurrence(coordinator);
    expect(o.actions).toEqual(["confirm", "return", "pause", "extend"]);
    const paused = await coordinator.request("POST", `/api/occurrences/${o.id}/pause`, {
      version: o.version,
      paused: true,
      reason: "Chờ ý kiến lãnh đạo",
    });
    expect(paused.json().occurrence.state).toBe("paused");
    o = await occurrence(officerA);
    expect(o.actions).toEqual(["progress"]);
    const refused = await officerA.request("POST", `/api/occurrences/${o.id}/propose`, {
      version: o.version,
      text: "Báo cáo lại",
    });
    expect(refused.statusCode).toBe(400);

    const resumed = await coordinator.request("POST", `/api/occurrences/${o.id}/pause`, {
      version: o.version,
      paused: false,
      reason: "Tiếp tục",
    });
    expect(resumed.json().occurrence).toMatchObject({
      state: "awaiting_confirmation",
      completed_on: "2026-06-20",
    });
  });

  it("a return tells the lead body's officers why", async () => {
    await setDay("2026-06-22");
    const o = await occurrence(coordinator);
    const res = await coordinator.request("POST", `/api/occurrences/${o.id}/return`, {
      version: o.version,
      reason: "Thiếu phụ lục số liệu",
    });
    expect(res.statusCode).toBe(200);
    const mine = await inbox(officerA);
    expect(mine.find((n) => n.kind === "return")?.message).toContain("Thiếu phụ lục số liệu");
    expect(await inbox(officerB)).toEqual([]);
  });

  it("a stale version is refused with 409 and changes nothing", async () => {
    const o = await occurrence(coordinator);
    const stale = await coordinator.request("POST", `/api/occurrences/${o.id}/extend`, {
      version: o.version - 1,
      due: "2026-12-31",
      reason: "x",
    });
    expect(stale.statusCode).toBe(409);
    expect((await occurrence(coordinator)).due_on).toBe("2026-06-30");
  });
});

describe("history that stays history: the scoreboard of a past day", () => {
  const board = async (asOf: string) =>
    (await coordinator.request("GET", `/api/scoreboard?documentId=${documentId}&asOf=${asOf}`)).json();

  it("an extension made on 05/07 leaves 01/07 overdue under the old deadline, and tells the lead body", async () => {
    await setDay("2026-07-05");
    const o = await occurrence(coordinator);
    const res = await coordinator.request("POST", `/api/occurrences/${o.id}/extend`, {
      version: o.version,
      due: "2026-09-30",
      reason: "Chờ số liệu năm học mới",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(officerA)).map((n) => n.kind)).toContain("extend");
    expect((await board("2026-06-30")).total).toMatchObject({ overdue: 0, in_time: 1 });
    expect((await board("2026-07-01")).total).toMatchObject({ overdue: 1, in_time: 0 });
    expect((await board("2026-07-04")).total).toMatchObject({ overdue: 1 });
    expect((await board("2026-07-05")).total).toMatchObject({ overdue: 0, in_time: 1 });
  });

  it("a reassignment on 10/07 counts 09/07 under the old lead and 10/07 under the new one", async () => {
    await setDay("2026-07-10");
    const task = (await coordinator.request("GET", `/api/tasks/${taskId}`)).json().task;
    const res = await coordinator.request("PATCH", `/api/tasks/${taskId}/lead`, {
      version: task.version,
      unitIds: [unitB],
      reason: "Chuyển chức năng",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(officerB)).map((n) => n.kind)).toEqual(["reassign"]);
    const names = (b: { rows: { unit_name: string; assigned: number }[] }) => b.rows.map((r) => r.unit_name);
    expect(names(await board("2026-07-09"))).toEqual(["Sở Thử A"]);
    expect(names(await board("2026-07-10"))).toEqual(["Sở Thử B"]);
  });

  it("done from the day it was confirmed, on time by the day it was reported", async () => {
    await setDay("2026-07-12");
    let o = await occurrence(officerB);
    await officerB.request("POST", `/api/occurrences/${o.id}/propose`, { version: o.version, text: "Xong." });
    await setDay("2026-07-15");
    o = await occurrence(coordinator);
    const res = await coordinator.request("POST", `/api/occurrences/${o.id}/confirm`, { version: o.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inbox(officerB)).map((n) => n.kind)).toContain("confirm");
    expect((await board("2026-07-14")).total).toMatchObject({ done: 0, in_time: 1 });
    expect((await board("2026-07-15")).total).toMatchObject({ done: 1, done_on_time: 1 });
  });

  it("an occurrence led by two bodies is in both rows and once in the total", async () => {
    const both = await addTask(
      "2",
      [
        { unitId: unitA, text: "Sở Thử A" },
        { unitId: unitC, text: "Sở Thử C" },
      ],
      "2026-06-30",
    );
    const b = await board("2026-07-20");
    expect(b.rows.map((r: { unit_name: string; overdue: number }) => [r.unit_name, r.overdue])).toEqual([
      ["Sở Thử A", 1],
      ["Sở Thử B", 0],
      ["Sở Thử C", 1],
    ]);
    expect(b.total).toMatchObject({ assigned: 2, overdue: 1, done: 1 });
    expect(both).toBeGreaterThan(taskId);
  });
});

describe("a chase says whom it reached and whom it could not", () => {
  it("names the officers reached (and who has no e-mail), the body without accounts and the body that is only text", async () => {
    await setDay("2026-07-21");
    const id = await addTask(
      "3",
      [
        { unitId: unitA, text: "Sở Thử A" },
        { unitId: unitC, text: "Sở Thử C" },
        { unitId: null, text: "UBND các xã, phường" },
      ],
      "2026-08-31",
    );
    const o = await occurrence(coordinator, id);
    const res = await coordinator.request("POST", `/api/occurrences/${o.id}/chase`, {
      message: "Đề nghị báo cáo",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      notified: 1,
      reached: [{ unitName: "Sở Thử A", people: [{ name: "Người dùng canbo.a", email: true }] }],
      unreached: [
        { body: "Sở Thử C", reason: "no_users" },
        { body: "UBND các xã, phường", reason: "not_a_unit" },
      ],
    });
    expect((await inbox(officerA)).find((n) => n.kind === "chase")?.message).toContain("Đề nghị báo cáo");
  });
});
