import fs from "node:fs";
import path from "node:path";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { droppedPaths, lossesOf, type ShapeWatch, watchResponseShapes } from "./testing/responseShape.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

/*
 * A declared response schema must not lose what the handler returns: one successful call of each route
 * of documents, imports, forms, indicators, periods, org units, users, the account and the audit log,
 * with the watch comparing the handler's value with what was sent (testing/responseShape.ts).
 */
const PLANS = path.resolve(import.meta.dirname, "../../demo/plans");
const planText = (prefix: string) => {
  const name = fs.readdirSync(PLANS).find((n) => n.startsWith(prefix)) as string;
  return { name, text: fs.readFileSync(path.join(PLANS, name), "utf8") };
};

/** The JSON routes this test calls; each must answer 2xx at least once and lose nothing. */
const ROUTES = [
  "GET /api/audit",
  "GET /api/documents",
  "GET /api/documents/:id",
  "GET /api/documents/:id/alignment",
  "POST /api/documents",
  "POST /api/imports/draft",
  "GET /api/forms-status",
  "GET /api/forms/:unitId/:periodId",
  "PUT /api/forms/:unitId/:periodId",
  "POST /api/forms/:unitId/:periodId/review",
  "POST /api/forms/:unitId/:periodId/upload",
  "GET /api/indicators",
  "POST /api/indicators",
  "PUT /api/indicators/:id",
  "GET /api/indicators/:id/values",
  "GET /api/periods",
  "GET /api/org-units",
  "GET /api/org-units/all",
  "GET /api/org-units/search",
  "GET /api/org-units/:id",
  "GET /api/org-units/:id/members",
  "GET /api/org-units/:id/open-work",
  "POST /api/org-units/:id/move-work",
  "GET /api/users",
  "POST /api/users",
  "PATCH /api/users/:id",
  "PATCH /api/account",
];

let t: TestApp;
let watch: ShapeWatch;
let admin: Client;
let coordinator: Client;
let officer: Client;
let binhLu: number;

async function ok(res: Promise<{ statusCode: number; body: string }>) {
  const answer = await res;
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return JSON.parse(answer.body);
}

async function unitId(fullName: string, ceased: boolean): Promise<number> {
  const row = await t.db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", fullName)
    .where("valid_to", ceased ? "is not" : "is", null)
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp(new Date("2026-07-01T03:00:00Z"), (app) => {
    watch = watchResponseShapes(app);
  });
  const units = await unitCandidates(t.db.db);
  for (const prefix of ["000_", "001_"]) {
    const { name, text } = planText(prefix);
    const plan = draftToConfirmed(parsePlan(text, { units }), { name, format: "text", text });
    await importPlanDocument(t.db.db, systemActor("Kiểm thử"), plan);
  }
  binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  admin = await signIn(t, "quantri", "admin");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo.binhlu", "officer", binhLu);
}, 180_000);
afterAll(() => t?.close());

describe("declared response schemas keep every field the handlers return", () => {
  it("plans: the draft, the import, the cascade, one document and its alignment", async () => {
    const { name, text } = planText("003_");
    const mp = multipartFile(name, text);
    const read = await ok(
      t.app.inject({
        method: "POST",
        url: "/api/imports/draft",
        payload: mp.payload,
        headers: { cookie: coordinator.cookie, "x-csrf-token": coordinator.csrf, ...mp.headers },
      }),
    );
    expect(read.draft.tasks.length).toBeGreaterThan(0);
    const plan = draftToConfirmed(parsePlan(text, { units: await unitCandidates(t.db.db) }), {
      name,
      format: "text",
      text,
    });
    const saved = await ok(coordinator.request("POST", "/api/documents", plan));
    await ok(officer.request("GET", "/api/documents"));
    const doc = await ok(officer.request("GET", `/api/documents/${saved.documentId}`));
    expect(doc.tasks[0].bodies.length).toBeGreaterThan(0);
    const aligned = await ok(officer.request("GET", `/api/documents/${saved.documentId}/alignment`));
    expect(aligned.parents.length).toBeGreaterThan(0);
    const source = await officer.request("GET", `/api/documents/${saved.documentId}/source`);
    expect(source.statusCode).toBe(200);
    expect(source.headers["content-type"]).toContain("text/plain");
  });

  it("figures: the catalog, periods, a form saved, uploaded, sent and approved, values, who has sent", async () => {
    const catalog = await ok(admin.request("GET", "/api/indicators"));
    expect(catalog.indicators.length).toBeGreaterThan(20);
    const created = await ok(
      admin.request("POST", "/api/indicators", {
        code: "THU-HINH-DANG",
        name: "Chỉ tiêu thử hình dạng câu trả lời",
        unit: "trẻ",
        type: "count",
        level: "commune",
        element: "Số trẻ thử hình dạng",
      }),
    );
    await ok(
      admin.request("PUT", `/api/indicators/${created.id}`, {
        code: "THU-HINH-DANG",
        name: "Chỉ tiêu thử hình dạng (đã sửa)",
        unit: "trẻ",
        type: "count",
        level: "commune",
        element: "Số trẻ thử hình dạng",
        version: created.version,
      }),
    );
    const { periods } = await ok(officer.request("GET", "/api/periods?kind=school_year"));
    const period = periods.find((p: { code: string }) => p.code === "2025SY");
    const url = `/api/forms/${binhLu}/${period.id}`;
    const form = await ok(officer.request("GET", url));
    type Field = { elementId: number; category: string; rule: { min: number; max: number } | null };
    const values = (form.fields as Field[]).map((f) => ({
      elementId: f.elementId,
      category: f.category,
      value: f.category ? 0 : Math.min(Math.max(1, f.rule?.min ?? 0), f.rule?.max ?? 1),
      comment: null,
    }));
    const draft = await ok(officer.request("PUT", url, { version: form.status.version, values }));
    const template = await officer.request("GET", `${url}/template.xlsx`);
    expect(template.statusCode).toBe(200);
    const mp = multipartFile("bieu.xlsx", template.rawPayload);
    const uploaded = await ok(
      t.app.inject({
        method: "POST",
        url: `${url}/upload`,
        payload: mp.payload,
        headers: { cookie: officer.cookie, "x-csrf-token": officer.csrf, ...mp.headers },
      }),
    );
    expect(uploaded.version).toBe(draft.version + 1);
    const sent = await ok(
      officer.request("PUT", url, { version: uploaded.version, values: [], submit: true }),
    );
    await ok(coordinator.request("POST", `${url}/review`, { version: sent.version, decision: "approve" }));
    const reviewed = await ok(officer.request("GET", url));
    expect(reviewed.status.reviewed_at).toEqual(expect.any(String));
    const province = await unitId("Tỉnh Lai Châu", false);
    const status = await ok(
      coordinator.request("GET", `/api/forms-status?periodId=${period.id}&parentId=${province}`),
    );
    expect(status.units.some((u: { status: string }) => u.status === "approved")).toBe(true);
    const rate = catalog.indicators.find((i: { type: string }) => i.type === "rate");
    const points = await ok(
      coordinator.request(
        "GET",
        `/api/indicators/${rate.id}/values?unitId=${province}&periodIds=${period.id}&children=true`,
      ),
    );
    expect(points.points.length).toBeGreaterThan(0);
  });

  it("the map, a unit, its members, a ceased body's work moved to its successor", async () => {
    await ok(officer.request("GET", "/api/org-units?asOf=2025-06-30"));
    await ok(officer.request("GET", "/api/org-units/all"));
    await ok(officer.request("GET", `/api/org-units/search?q=${encodeURIComponent("Bình Lư")}`));
    const old = await ok(officer.request("GET", `/api/org-units/${binhLu}`));
    expect(old.unit.formedFrom.length).toBeGreaterThan(0);
    await ok(officer.request("GET", `/api/org-units/${binhLu}/members`));
    const gddt = await unitId("Phòng Giáo dục và Đào tạo thành phố Lai Châu", true);
    const work = await ok(coordinator.request("GET", `/api/org-units/${gddt}/open-work`));
    const moved = await ok(
      coordinator.request("POST", `/api/org-units/${gddt}/move-work`, { toUnitId: work.successors[0].id }),
    );
    expect(moved.items.tasks.length).toBeGreaterThan(0);
  });

  it("accounts and the audit log", async () => {
    const created = await ok(
      admin.request("POST", "/api/users", {
        username: "thu.hinhdang",
        displayName: "Thử hình dạng",
        password: "mat-khau-thu-nghiem-1",
        role: "leader",
      }),
    );
    await ok(
      admin.request("PATCH", `/api/users/${created.user.id}`, {
        version: created.user.version,
        active: false,
      }),
    );
    const list = await ok(admin.request("GET", "/api/users"));
    const me = list.users.find((u: { username: string }) => u.username === "canbo.binhlu");
    await ok(officer.request("PATCH", "/api/account", { version: me.version, email: "canbo@example.org" }));
    const audit = await ok(admin.request("GET", "/api/audit?pageSize=200"));
    expect(audit.entries.some((e: { after: unknown }) => e.after !== null)).toBe(true);
  });

  it("every route above answered, and no answer lost a field", () => {
    const unseen = ROUTES.filter((r) => !watch.seen.has(r));
    expect(unseen, "routes this test did not see answer 2xx").toEqual([]);
    expect(lossesOf(watch, ROUTES), "fields the handler returned but the schema dropped").toEqual([]);
  });
});

describe("the watch itself", () => {
  it("finds a dropped key at any depth, in arrays once, and nothing when all is kept", () => {
    const sent = { a: 1, rows: [{ id: 1 }, { id: 2 }], nested: { kept: true } };
    expect(droppedPaths(sent, sent)).toEqual([]);
    expect(
      droppedPaths(
        {
          a: 1,
          b: 2,
          rows: [
            { id: 1, x: 1 },
            { id: 2, x: 2 },
          ],
          nested: { kept: true, lost: null },
        },
        sent,
      ).sort(),
    ).toEqual(["b", "nested.lost", "rows[].x"]);
  });

  it("sees what a real route's schema strips, and not what it keeps", async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    const probe = watchResponseShapes(app);
    const schema = {
      response: { 200: z.object({ id: z.number(), rows: z.array(z.object({ id: z.number() })) }) },
    };
    app.get("/thin", { schema }, async () => ({ id: 1, secret: "x", rows: [{ id: 1, more: 2 }] }));
    app.get("/whole", { schema }, async () => ({ id: 1, rows: [{ id: 1 }] }));
    await app.ready();
    expect((await app.inject({ url: "/thin" })).json()).toEqual({ id: 1, rows: [{ id: 1 }] });
    await app.inject({ url: "/whole" });
    expect(lossesOf(probe, ["GET /thin", "GET /whole"])).toEqual(["GET /thin: rows[].more, secret"]);
    expect([...probe.seen].sort()).toEqual(["GET /thin", "GET /whole"]);
    await app.close();
  });
});
