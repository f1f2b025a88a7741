import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertParentLink, insertUnit, unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { saveTarget } from "../usecases/saveTarget.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/*
 * The public page: opt-in (nothing until an administrator chooses), nothing below a commune, nothing
 * that is not public, no person, comment or file; cached and rate-limited.
 */
const PLANS = path.resolve(import.meta.dirname, "../../demo/plans");
const COMMENT = "Ghi chú nội bộ không được công khai 7731";

let t: TestApp;
let admin: Client;
let coordinator: Client;
let officer: Client;
const ids = {} as {
  province: number;
  provincePlan: number;
  communePlan: number;
  binhLu: number;
  namCuoi: number;
  office: number;
  school: number;
  ownTarget: number;
  otherTarget: number;
  schoolTarget: number;
};

async function importPlan(prefix: string) {
  const name = fs.readdirSync(PLANS).find((n) => n.startsWith(prefix)) as string;
  const text = fs.readFileSync(path.join(PLANS, name), "utf8");
  const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
  const plan = draftToConfirmed(draft, { name, format: "text", text });
  return (await importPlanDocument(t.db.db, systemActor("Kiểm thử"), plan)).documentId;
}

const anon = (url: string, remoteAddress = "127.0.0.1") =>
  t.app.inject({ method: "GET", url, remoteAddress });

beforeAll(async () => {
  t = await createTestApp(new Date("2026-07-01T03:00:00Z"));
  const db = t.db.db;
  ids.provincePlan = await importPlan("000_");
  ids.communePlan = await importPlan("003_");
  ids.binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  ids.namCuoi = await unitIdByName(t.db, "Xã Nậm Cuổi");
  ids.office = await unitIdByName(t.db, "Phòng Văn hóa - Xã hội xã Bình Lư");
  ids.province = (
    await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  ids.school = await insertUnit(db, {
    code: null,
    kind: "school",
    name: "Trường Thử Nghiệm Công Khai",
    fullName: "Trường Tiểu học Thử Nghiệm Công Khai",
  });
  await insertParentLink(db, ids.school, ids.binhLu);
  admin = await signIn(t, "quantri", "admin");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo.binhlu", "officer", ids.binhLu);
  // one task of Bình Lư's plan led by the school, one by the commune's office
  const tasks = await db
    .selectFrom("task_body as b")
    .innerJoin("plan_task as p", "p.id", "b.task_id")
    .select(["b.id", "b.task_id"])
    .where("p.document_id", "=", ids.communePlan)
    .where("b.role", "=", "lead")
    .orderBy("b.id")
    .limit(2)
    .execute();
  await db
    .updateTable("task_body")
    .set({ unit_id: ids.school })
    .where("id", "=", (tasks[0] as { id: number }).id)
    .execute();
  await db
    .updateTable("task_body")
    .set({ unit_id: ids.office })
    .where("id", "=", (tasks[1] as { id: number }).id)
    .execute();
  // a comment on the school's task (must never reach the public)
  const occ = await db
    .selectFrom("task_occurrence")
    .select("id")
    .where("task_id", "=", (tasks[0] as { task_id: number }).task_id)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("occurrence_update")
    .values({
      occurrence_id: occ.id,
      author_id: officer.userId,
      author_name: "Người dùng canbo.binhlu",
      kind: "progress",
      text: COMMENT,
      on_date: "2026-06-30",
    })
    .execute();
  const indicator = await db
    .selectFrom("indicator")
    .select("id")
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  const target = async (label: string, unitId: number) =>
    (
      (await saveTarget(db, systemActor("Kiểm thử"), {
        indicatorId: indicator.id,
        unitId,
        value: 95,
        dueYear: 2030,
        label,
      })) as {
        id: number;
      }
    ).id;
  ids.ownTarget = await target("Công khai: mục tiêu của Bình Lư", ids.binhLu);
  ids.otherTarget = await target("Không công khai: mục tiêu của Nậm Cuổi", ids.namCuoi);
  const school = await db
    .insertInto("indicator_target")
    .values({
      indicator_id: indicator.id,
      org_unit_id: ids.school,
      label: "Mục tiêu của một trường",
      comparator: ">=",
      value: "90",
      due_year: 2030,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids.schoolTarget = school.id;
}, 180_000);
afterAll(() => t?.close());

describe("the public page", () => {
  it("shows nothing until an administrator chooses; anyone reads it without signing in", async () => {
    const res = await anon("/api/public/progress");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.plans).toEqual([]);
    expect(body.targets).toEqual([]);
    expect(body.tasks.total).toBe(0);
    expect((await anon(`/api/public/plans/${ids.communePlan}`)).statusCode).toBe(404);
  });

  it("only an administrator chooses, and each choice is audited", async () => {
    const put = (c: Client | null, url: string, on: boolean) =>
      c
        ? c.request("PUT", url, { public: on })
        : t.app.inject({ method: "PUT", url, payload: { public: on } });
    const doc = `/api/publication/documents/${ids.communePlan}`;
    expect((await put(null, doc, true)).statusCode).toBe(401);
    expect((await put(coordinator, doc, true)).statusCode).toBe(403);
    expect((await put(officer, doc, true)).statusCode).toBe(403);
    const ok = await put(admin, doc, true);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: ids.communePlan, public: true, changed: true });
    expect((await put(admin, doc, true)).json().changed).toBe(false);
    expect((await put(admin, `/api/publication/targets/${ids.ownTarget}`, true)).statusCode).toBe(200);
    const below = await put(admin, `/api/publication/targets/${ids.schoolTarget}`, true);
    expect(below.statusCode).toBe(400);
    expect(below.json().code).toBe("PUBLIC_BELOW_COMMUNE");
    const audit = await t.db.db
      .selectFrom("audit_log")
      .select(["action", "entity", "entity_id", "actor_name"])
      .where("action", "like", "publication.%")
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "publication.publish",
        entity: "document",
        entity_id: String(ids.communePlan),
      }),
      expect.objectContaining({
        action: "publication.publish",
        entity: "indicator_target",
        entity_id: String(ids.ownTarget),
      }),
    ]);
    const list = (await admin.request("GET", "/api/publication")).json();
    expect(list.documents.find((d: { id: number }) => d.id === ids.communePlan).public).toBe(true);
    expect(list.targets.find((x: { id: number }) => x.id === ids.schoolTarget)).toMatchObject({
      eligible: false,
      public: false,
    });
    expect((await coordinator.request("GET", "/api/publication")).statusCode).toBe(403);
  });

  it("shows the public plan, counted no lower than the commune, with no person, comment or file", async () => {
    const res = await anon("/api/public/progress");
    const body = res.json();
    expect(body.plans.map((p: { id: number }) => p.id)).toEqual([ids.communePlan]);
    expect(body.tasks.total).toBeGreaterThan(0);
    expect(body.targets.map((x: { id: number }) => x.id)).toEqual([ids.ownTarget]);
    const bodies = body.byBody as { unitId: number; name: string; total: number }[];
    expect(bodies.map((b) => b.unitId)).not.toContain(ids.school);
    expect(bodies.map((b) => b.unitId)).not.toContain(ids.office);
    // the school's and the office's work is counted into their commune
    expect(bodies.find((b) => b.unitId === ids.binhLu)?.total).toBeGreaterThanOrEqual(2);
    for (const secret of [
      COMMENT,
      "Trường Tiểu học Thử Nghiệm",
      "Phòng Văn hóa - Xã hội",
      "canbo.binhlu",
      "Người dùng",
      "@",
    ])
      expect(res.body).not.toContain(secret);
    const kinds = await t.db.db
      .selectFrom("org_unit")
      .select(["id", "kind"])
      .where(
        "id",
        "in",
        bodies.map((b) => b.unitId),
      )
      .execute();
    for (const k of kinds) expect(k.kind).not.toBe("school");
  });

  it("refuses what is not public and anything below a commune", async () => {
    expect((await anon(`/api/public/plans/${ids.provincePlan}`)).statusCode).toBe(404);
    expect((await anon(`/api/public/plans/${ids.communePlan}`)).statusCode).toBe(200);
    expect((await anon(`/api/public/units/${ids.school}`)).statusCode).toBe(404);
    expect((await anon(`/api/public/units/${ids.office}`)).statusCode).toBe(404);
    expect((await anon("/api/public/units/999999")).statusCode).toBe(404);
    const commune = await anon(`/api/public/units/${ids.binhLu}`);
    expect(commune.statusCode).toBe(200);
    expect(commune.json().unit).toMatchObject({ id: ids.binhLu, kind: "commune" });
    expect(commune.json().targets.map((x: { id: number }) => x.id)).toEqual([ids.ownTarget]);
    const other = (await anon(`/api/public/units/${ids.namCuoi}`)).json();
    expect(other.targets).toEqual([]);
    // a school's target slipped into the table by hand is still not shown
    await t.db.db
      .insertInto("public_target")
      .values({ target_id: ids.schoolTarget, published_by: null })
      .execute();
    await admin.request("PUT", `/api/publication/targets/${ids.ownTarget}`, { public: true }); // clears the cache
    const again = (await anon("/api/public/progress")).json();
    expect(again.targets.map((x: { id: number }) => x.id)).toEqual([ids.ownTarget]);
    expect((await anon(`/api/public/units/${ids.school}`)).statusCode).toBe(404);
  });

  it("is cached: public max-age for browsers, a kept answer on the server until a choice changes", async () => {
    const res = await anon("/api/public/progress");
    expect(res.headers["cache-control"]).toBe("public, max-age=60");
    expect((await anon(`/api/public/plans/${ids.provincePlan}`)).headers["cache-control"]).toBe("no-store");
    // withdrawn behind the server's back: the kept answer still shows it (cache), the admin route clears it
    await t.db.db.deleteFrom("public_document").execute();
    expect((await anon("/api/public/progress")).json().plans).toHaveLength(1);
    await admin.request("PUT", `/api/publication/documents/${ids.communePlan}`, { public: false });
    expect((await anon("/api/public/progress")).json().plans).toEqual([]);
  });

  it("is rate-limited per address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) codes.push((await anon("/api/public/progress", "10.9.9.9")).statusCode);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    const refused = await anon("/api/public/progress", "10.9.9.9");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe("RATE_LIMITED");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await anon("/api/public/progress", "10.9.9.10")).statusCode).toBe(200);
  });
});
