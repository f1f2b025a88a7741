import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetCatalogs } from "../db/repositories/catalogSnapshot.ts";
import { insertOneTaskPlan } from "./testing/oneTaskPlan.ts";
import { createCountingTestApp } from "./testing/statementCounter.ts";
import { type Client, signIn, type TestApp, unitIdByName } from "./testing.ts";

/**
 * The SQL statements (begin and commit aside) one request of each route of the deadline rush costs
 * (bench/loadMix.ts), pinned: a change that adds a statement to these routes fails here, and one that
 * removes some updates the numbers. Every route is asked once before it is counted, so the session and
 * the officer's scope are in memory as they are under load; the catalog is counted cold and warm (its
 * rows come with the form's statement either way).
 */
let t: TestApp & { seen: string[] };
let officer: Client;
let coordinator: Client;
let unit: number;
let period: number;
let elements: { num: number; den: number };
let occurrence: number;
let share: number;

async function newTask(ref: string, lead: { unit: number | null; setKind?: string }) {
  const text = lead.unit ? "Xã Bình Lư" : "UBND các xã";
  return insertOneTaskPlan(t.db.db, "dem-cau-lenh", ref, { ...lead, text });
}

beforeAll(async () => {
  t = await createCountingTestApp(new Date("2026-07-01T03:00:00Z"));
  unit = await unitIdByName(t.db, "Xã Bình Lư");
  officer = await signIn(t, "canbo.binhlu", "officer", unit);
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  const db = t.db.db;
  period = (await db.selectFrom("period").select("id").where("code", "=", "2025SY").executeTakeFirstOrThrow())
    .id;
  const mg = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  elements = { num: mg.numerator_id as number, den: mg.denominator_id as number };
  occurrence = (await newTask("D1", { unit })).occurrenceId;
  // a set-led task's share held by the commune: reporting on it also recomputes its parent
  const parent = await newTask("D2", { unit: null, setKind: "communes" });
  share = (
    await db
      .insertInto("task_occurrence")
      .values({
        task_id: parent.taskId,
        label: "Hạn",
        kind: "deadline",
        period_year: 2026,
        due_on: "2026-12-31",
        share_of: parent.occurrenceId,
        share_unit_id: unit,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  // the session and the officer's scope are kept in memory after a first request, as under load
  for (const c of [officer, coordinator])
    expect((await c.request("GET", "/api/session")).statusCode).toBe(200);
});
afterAll(() => t.close());

/** Sends one request and returns its status and the statements it ran. */
async function counted(c: Client, method: "GET" | "POST" | "PUT", url: string, body?: unknown) {
  t.seen.length = 0;
  const res = await c.request(method, url, body);
  return { status: res.statusCode, body: res.body, statements: [...t.seen] };
}

const versionOf = async (id: number) =>
  (
    await t.db.db
      .selectFrom("task_occurrence")
      .select("version")
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).version;

describe(`statements per request of the rush's routes (${process.env.TEST_DB})`, () => {
  it("a form: read in 2, a draft saved in 5, a stale save refused after 2", async () => {
    const form = `/api/forms/${unit}/${period}`;
    forgetCatalogs();
    const cold = await counted(officer, "GET", form);
    expect(cold.status, cold.body).toBe(200);
    expect(cold.statements, cold.statements.join("\n")).toHaveLength(2);
    const warm = await counted(officer, "GET", form);
    expect(warm.statements, warm.statements.join("\n")).toHaveLength(2);
    const values = (n: number) => [
      { elementId: elements.num, category: "", value: n, comment: null },
      { elementId: elements.den, category: "", value: 100, comment: null },
    ];
    const first = await counted(officer, "PUT", form, { version: 0, values: values(40) });
    expect(first.status, first.body).toBe(200);
    expect(first.statements, first.statements.join("\n")).toHaveLength(5);
    const second = await counted(officer, "PUT", form, { version: 1, values: values(41) });
    expect(second.status, second.body).toBe(200);
    expect(second.statements, second.statements.join("\n")).toHaveLength(5);
    const stale = await counted(officer, "PUT", form, { version: 1, values: values(42) });
    expect(stale.status).toBe(409);
    expect(stale.statements, stale.statements.join("\n")).toHaveLength(2);
    const saved = (await officer.request("GET", form)).json();
    expect(saved.status.version).toBe(2);
    expect(saved.fields.find((f: { elementId: number }) => f.elementId === elements.num).value).toBe(41);
  });

  it("a progress report in 3 (5 on a share, whose parent follows), a stale one refused after 1", async () => {
    const url = `/api/occurrences/${occurrence}/updates`;
    const report = await counted(officer, "POST", url, {
      version: await versionOf(occurrence),
      text: "Đã họp",
    });
    expect(report.status, report.body).toBe(201);
    expect(report.statements, report.statements.join("\n")).toHaveLength(3);
    const stale = await counted(officer, "POST", url, { version: 1, text: "Cũ" });
    expect(stale.status).toBe(409);
    expect(stale.statements, stale.statements.join("\n")).toHaveLength(1);
    const onShare = await counted(officer, "POST", `/api/occurrences/${share}/updates`, {
      version: await versionOf(share),
      text: "Xã đã họp",
      percent: 50,
    });
    expect(onShare.status, onShare.body).toBe(201);
    expect(onShare.statements, onShare.statements.join("\n")).toHaveLength(5);
  });

  it("a chase in 5", async () => {
    const res = await counted(coordinator, "POST", `/api/occurrences/${occurrence}/chase`, {
      message: "Đề nghị báo cáo",
    });
    expect(res.status, res.body).toBe(200);
    expect(JSON.parse(res.body).notified).toBe(1);
    expect(res.statements, res.statements.join("\n")).toHaveLength(5);
  });

  it("my work in 3 (where each occurrence falls, the rows it lists, the reports owed), the register in 1", async () => {
    await officer.request("GET", "/api/my-work");
    for (const path of ["/api/my-work", "/api/my-work?withLater=true"]) {
      const mine = await counted(officer, "GET", path);
      expect(mine.status, mine.body).toBe(200);
      expect(mine.statements, mine.statements.join("\n")).toHaveLength(3);
    }
    const register = await counted(officer, "GET", "/api/tasks?page=1&pageSize=50&timeliness=overdue");
    expect(register.status, register.body).toBe(200);
    expect(register.statements, register.statements.join("\n")).toHaveLength(1);
    // a page that is not full tells the total itself; a full page, or an empty one past the start, counts
    const url = (page: number, size: number) => `/api/tasks?page=${page}&pageSize=${size}`;
    const n = JSON.parse((await officer.request("GET", url(1, 100))).body).total as number;
    expect(n).toBeGreaterThan(1);
    expect(n).toBeLessThan(100);
    for (const [page, size, statements] of [
      [1, n + 1, 1],
      [1, n, 2],
      [1, n - 1, 2],
      [2, n, 2],
    ] as const) {
      const r = await counted(officer, "GET", url(page, size));
      expect(r.status, r.body).toBe(200);
      expect(JSON.parse(r.body).total, url(page, size)).toBe(n);
      expect(r.statements, url(page, size)).toHaveLength(statements);
    }
  });
});
