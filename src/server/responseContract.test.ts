/**
 * The declared response schemas keep everything the handlers return. Fastify's serializer drops any
 * property a schema does not declare, silently: a schema that forgets `can` or `actions` would leave
 * the web without them and no server test would notice. Here one representative call of each route of
 * tasks, occurrences, my work, scoreboard, overview, targets, notifications and reports runs with a
 * watcher comparing each handler's answer before and after serialization (testing/responseShape.ts); every route
 * called must declare its schema, and not one field may go missing on the way out.
 */
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { lossesOf, type ShapeWatch, watchResponseShapes } from "./testing/responseShape.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp } from "./testing.ts";

let watch: ShapeWatch;
/** Route → status of its representative call (binary answers are checked for their type instead). */
const called = new Map<string, number>();
let t: TestApp;
let coordinator: Client;
let officer: Client;
let documentId: number;
let provinceId: number;

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/** One call; remembers its route (as the OpenAPI document names it) and expects a 2xx answer. */
async function call(c: Client, method: Method, url: string, route: string, body?: unknown) {
  const res = await c.request(method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  called.set(`${method} ${route}`, res.statusCode);
  return res.json();
}
async function upload(c: Client, url: string, route: string, filename: string, content: string) {
  const file = multipartFile(filename, Buffer.from(content));
  const res: LightMyRequestResponse = await t.app.inject({
    method: "POST",
    url,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf, ...file.headers },
    payload: file.payload,
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  called.set(`POST ${route}`, res.statusCode);
  return res.json();
}

describe.runIf(seedsAvailable())("declared response schemas drop nothing the handlers return", () => {
  beforeAll(async () => {
    t = await createTestApp(new Date("2026-07-01T03:00:00Z"), (app) => {
      watch = watchResponseShapes(app);
    });
    const text = readSeed("000_");
    const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
    const confirmed = draftToConfirmed(draft, { name: "000_.txt", format: "text", text });
    documentId = (await importPlanDocument(t.db.db, systemActor("Kiểm thử"), confirmed)).documentId;
    provinceId = (
      await t.db.db
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "=", "province")
        .executeTakeFirstOrThrow()
    ).id;
    coordinator = await signIn(t, "dieuphoi", "coordinator");
  }, 120_000);
  afterAll(() => t?.close());

  it("tasks, occurrences, my work, the scoreboard and notifications", async () => {
    const register = await call(coordinator, "GET", `/api/tasks?documentId=${documentId}`, "/api/tasks");
    type Row = { id: number; task_id: number; version: number };
    const rows = register.rows as Row[];
    const detailOf = async (c: Client, id: number) => call(c, "GET", `/api/tasks/${id}`, "/api/tasks/{id}");
    // a task led by one unit, and an officer of that unit
    let first: Row | undefined;
    let unitId: number | undefined;
    for (const row of rows) {
      const d = await detailOf(coordinator, row.task_id);
      const leads = d.bodies.filter((b: { role: string; unit_id: number | null }) => b.role === "lead");
      if (leads.length === 1 && leads[0].unit_id !== null && d.occurrences.length === 1) {
        first = row;
        unitId = leads[0].unit_id;
        break;
      }
    }
    if (!first || !unitId) throw new Error("no task led by one unit in the seed");
    officer = await signIn(t, "canbo.chutri", "officer", unitId);
    const occ = `/api/occurrences/${first.id}`;
    await call(officer, "GET", "/api/my-work", "/api/my-work");
    await call(coordinator, "GET", "/api/my-work", "/api/my-work");
    await detailOf(officer, first.task_id);
    let v = first.version;
    const update = await call(officer, "POST", `${occ}/updates`, "/api/occurrences/{id}/updates", {
      version: v,
      text: "Đã triển khai",
      percent: 40,
    });
    v = update.occurrence.version;
    const sent = `${occ}/propose`;
    v = (await call(officer, "POST", sent, "/api/occurrences/{id}/propose", { version: v, text: "Xong" }))
      .occurrence.version;
    v = (
      await call(coordinator, "POST", `${occ}/return`, "/api/occurrences/{id}/return", {
        version: v,
        reason: "Thiếu sản phẩm",
      })
    ).occurrence.version;
    v = (await call(officer, "POST", sent, "/api/occurrences/{id}/propose", { version: v, text: "Đủ" }))
      .occurrence.version;
    // the coordinator's work now holds it, waiting for confirmation
    await call(coordinator, "GET", "/api/my-work", "/api/my-work");
    await call(coordinator, "POST", `${occ}/confirm`, "/api/occurrences/{id}/confirm", { version: v });

    const second = rows.find((r) => r.task_id !== first.task_id) as Row;
    const occ2 = `/api/occurrences/${second.id}`;
    let v2 = second.version;
    v2 = (
      await call(coordinator, "POST", `${occ2}/extend`, "/api/occurrences/{id}/extend", {
        version: v2,
        due: "2026-12-31",
        reason: "Chờ kinh phí",
      })
    ).occurrence.version;
    await call(coordinator, "POST", `${occ2}/chase`, "/api/occurrences/{id}/chase", {
      message: "Khẩn trương",
    });
    v2 = (
      await call(coordinator, "POST", `${occ2}/pause`, "/api/occurrences/{id}/pause", {
        version: v2,
        paused: true,
        reason: "Tạm dừng",
      })
    ).occurrence.version;
    const task2 = await detailOf(coordinator, second.task_id);
    await call(coordinator, "PATCH", `/api/tasks/${second.task_id}/lead`, "/api/tasks/{id}/lead", {
      version: task2.task.version,
      unitIds: [unitId],
      reason: "Giao lại",
    });
    await detailOf(coordinator, second.task_id);
    await call(coordinator, "GET", `/api/tasks?includeDone=true`, "/api/tasks");
    await call(coordinator, "GET", `/api/scoreboard?documentId=${documentId}`, "/api/scoreboard");
    const notes = await call(officer, "GET", "/api/notifications", "/api/notifications");
    expect(notes.notifications.length).toBeGreaterThan(0);
    const ids = notes.notifications.map((n: { id: number }) => n.id);
    await call(officer, "POST", "/api/notifications/read", "/api/notifications/read", { ids });

    const csv = await coordinator.request("GET", `/api/tasks/export?format=csv&documentId=${documentId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    called.set("GET /api/tasks/export", csv.statusCode);
  });

  it("overview and targets", async () => {
    await call(coordinator, "GET", "/api/overview", "/api/overview");
    await call(coordinator, "GET", `/api/overview?documentId=${documentId}`, "/api/overview");
    const indicator = await t.db.db
      .selectFrom("indicator")
      .select("id")
      .where("code", "=", "NQ06-THPT")
      .executeTakeFirstOrThrow();
    const target = {
      indicatorId: indicator.id,
      unitId: provinceId,
      scope: "unit",
      comparator: ">=",
      value: 60,
      dueYear: 2030,
      baselineValue: 40,
      baselineYear: 2025,
      label: "Huy động 60 % thanh niên học THPT (kiểm thử hợp đồng)",
    };
    const made = await call(coordinator, "POST", "/api/targets", "/api/targets", target);
    const edited = await call(coordinator, "PUT", `/api/targets/${made.id}`, "/api/targets/{id}", {
      ...target,
      value: 65,
      version: made.version,
    });
    await call(coordinator, "GET", "/api/targets", "/api/targets");
    await call(officer, "GET", "/api/targets", "/api/targets");
    await call(
      coordinator,
      "DELETE",
      `/api/targets/${made.id}?version=${edited.version}`,
      "/api/targets/{id}",
    );
  });

  it("report rounds and submissions", async () => {
    const round = (
      await call(coordinator, "POST", "/api/reports/rounds", "/api/reports/rounds", {
        kind: "six_month",
        documentId,
        year: 2026,
        dueOn: "2026-07-10",
        levelUnitId: provinceId,
      })
    ).round;
    await call(coordinator, "GET", "/api/reports/rounds", "/api/reports/rounds");
    const all = await call(coordinator, "GET", `/api/reports/rounds/${round.id}`, "/api/reports/rounds/{id}");
    type Sub = { id: number; unit_id: number; version: number };
    const [mine, other] = all.submissions as Sub[];
    if (!mine || !other) throw new Error("the round asks fewer than two bodies");
    const body = await signIn(t, "canbo.baocao", "officer", mine.unit_id);
    await call(body, "GET", "/api/my-work", "/api/my-work");
    await call(body, "GET", `/api/reports/rounds/${round.id}`, "/api/reports/rounds/{id}");
    const sub = `/api/reports/submissions/${mine.id}`;
    const content = { tasks: "Đã tổ chức 12 lớp bồi dưỡng." };
    let v = (
      await call(body, "POST", `${sub}/draft`, "/api/reports/submissions/{id}/draft", {
        version: mine.version,
        content,
      })
    ).submission.version;
    v = (
      await upload(
        body,
        `${sub}/scan?version=${v}`,
        "/api/reports/submissions/{id}/scan",
        "ky.pdf",
        "%PDF-1.4\n",
      )
    ).submission.version;
    const file = await body.request("GET", `${sub}/scan`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("application/pdf");
    called.set("GET /api/reports/submissions/{id}/scan", file.statusCode);
    v = (
      await call(body, "POST", `${sub}/submit`, "/api/reports/submissions/{id}/submit", {
        version: v,
        content,
      })
    ).submission.version;
    v = (
      await call(coordinator, "POST", `${sub}/return`, "/api/reports/submissions/{id}/return", {
        version: v,
        reason: "Bổ sung số liệu",
      })
    ).submission.version;
    v = (
      await call(body, "POST", `${sub}/submit`, "/api/reports/submissions/{id}/submit", {
        version: v,
        content,
      })
    ).submission.version;
    await call(coordinator, "POST", `${sub}/accept`, "/api/reports/submissions/{id}/accept", { version: v });
    await call(
      coordinator,
      "POST",
      `/api/reports/submissions/${other.id}/chase`,
      "/api/reports/submissions/{id}/chase",
      { version: other.version },
    );
    await call(coordinator, "GET", `/api/reports/rounds/${round.id}`, "/api/reports/rounds/{id}");
    await call(coordinator, "POST", "/api/reports/generate", "/api/reports/generate", {
      report: { kind: "compiled", roundId: round.id },
    });
    await call(body, "POST", "/api/reports/generate", "/api/reports/generate", {
      report: { kind: "submission", submissionId: mine.id },
    });
    const docx = await coordinator.request("POST", "/api/reports/generate", {
      format: "docx",
      report: { kind: "compiled", roundId: round.id },
    });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
  });

  it("every route called declares its answer, and no answer lost a field on the way out", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    type Op = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
    const undeclared = [...called.keys()].filter((key) => {
      const [method, path] = key.split(" ") as [string, string];
      const op = doc.paths[path]?.[method.toLowerCase()] as Op | undefined;
      const answer = op?.responses?.[String(called.get(key))];
      return !Object.values(answer?.content ?? {}).some((c) => c.schema !== undefined);
    });
    expect(undeclared).toEqual([]);
    expect(called.size).toBe(31);
    // signing in is not among these routes (its answer leaves out what the session does not need)
    // the watcher names routes as Fastify does (/api/tasks/:id)
    const routes = [...called.keys()].map((k) => k.replace(/\{(\w+)\}/g, ":$1"));
    expect(watch.seen.size).toBeGreaterThan(20);
    expect(lossesOf(watch, routes)).toEqual([]);
  });
});
