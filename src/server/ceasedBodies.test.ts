import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { type Client, createTestApp, signIn, TEST_PASSWORD, type TestApp } from "./testing.ts";

const now = new Date("2026-07-01T03:00:00Z");
let t: TestApp;
let coordinator: Client;
let admin: Client;
let tanPhong: Client;
let cityDoc: number;

async function bodyId(fullName: string, ceased: boolean): Promise<number> {
  const row = await t.db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", fullName)
    .where("valid_to", ceased ? "is not" : "is", null)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Unfinished occurrences of tasks on which the unit is named (lead or support). */
async function openItemsOf(unitId: number): Promise<number> {
  const row = await t.db.db
    .selectFrom("task_occurrence as o")
    .select((eb) => eb.fn.count<number>("o.id").distinct().as("n"))
    .where("o.share_of", "is", null)
    .where("o.state", "<>", "done")
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("task_body as b")
          .select("b.id")
          .whereRef("b.task_id", "=", "o.task_id")
          .where("b.unit_id", "=", unitId),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.runIf(seedsAvailable())("bodies over time: the city plan (seed 001) after 1/7/2025", () => {
  beforeAll(async () => {
    t = await createTestApp(() => now);
    const text = readSeed("001_");
    const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
    cityDoc = (
      await importPlanDocument(
        t.db.db,
        systemActor("Kiểm thử"),
        draftToConfirmed(draft, { name: "001.txt", format: "text", text }),
      )
    ).documentId;
    coordinator = await signIn(t, "dieuphoi", "coordinator");
    admin = await signIn(t, "quantri", "admin");
    tanPhong = await signIn(t, "canbo.tanphong", "officer", await bodyId("Phường Tân Phong", false));
  }, 180_000);
  afterAll(() => t.close());

  it("flags the work still with the city's ceased offices in the register", async () => {
    const rows = (await coordinator.request("GET", `/api/tasks?documentId=${cityDoc}&pageSize=100`)).json()
      .rows as {
      lead: string;
      lead_ceased: boolean;
    }[];
    const gddt = rows.filter((r) => r.lead.startsWith("Phòng Giáo dục và Đào tạo thành phố"));
    expect(gddt.length).toBeGreaterThan(0);
    expect(gddt.every((r) => r.lead_ceased)).toBe(true);
    const oldWard = await bodyId("Phường Quyết Thắng", true);
    const shares = (
      await coordinator.request("GET", `/api/tasks?documentId=${cityDoc}&unitId=${oldWard}&pageSize=100`)
    ).json().rows as { lead: string; lead_ceased: boolean }[];
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((r) => r.lead === "Phường Quyết Thắng" && r.lead_ceased)).toBe(true);
  });

  it("refuses a reassignment to a ceased body and binding a user to one (400 BODY_CEASED)", async () => {
    const gddt = await bodyId("Phòng Giáo dục và Đào tạo thành phố Lai Châu", true);
    const nv = await bodyId("Phòng Nội vụ thành phố Lai Châu", true);
    const task = await t.db.db
      .selectFrom("task_body as b")
      .innerJoin("plan_task as p", "p.id", "b.task_id")
      .select(["p.id", "p.version"])
      .where("b.unit_id", "=", gddt)
      .where("b.role", "=", "lead")
      .executeTakeFirstOrThrow();
    const res = await coordinator.request("PATCH", `/api/tasks/${task.id}/lead`, {
      version: task.version,
      unitIds: [nv],
      reason: "Thử giao cho phòng đã giải thể",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "BODY_CEASED" });
    expect(res.json().message).toContain("01/07/2025");
    const live = await bodyId("Phòng Văn hóa - Xã hội phường Tân Phong", false);
    const ok = await coordinator.request("PATCH", `/api/tasks/${task.id}/lead`, {
      version: task.version,
      unitIds: [live],
      reason: "Giao cho phòng kế thừa",
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const user = { username: "canbo.cu", displayName: "Cán bộ cũ", password: TEST_PASSWORD, role: "officer" };
    const bad = await admin.request("POST", "/api/users", { ...user, orgUnitId: gddt });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("BODY_CEASED");
    const good = await admin.request("POST", "/api/users", { ...user, orgUnitId: live });
    expect(good.statusCode, good.body).toBe(201);
    const moveBack = await admin.request("PATCH", `/api/users/${good.json().user.id}`, {
      version: good.json().user.version,
      orgUnitId: gddt,
    });
    expect(moveBack.statusCode).toBe(400);
    expect(moveBack.json().code).toBe("BODY_CEASED");
  });

  it("moves Phòng GD&ĐT's open work to a successor in one step with one audit row listing it", async () => {
    const gddt = await bodyId("Phòng Giáo dục và Đào tạo thành phố Lai Châu", true);
    const info = (await coordinator.request("GET", `/api/org-units/${gddt}/open-work`)).json();
    expect(info.ceased).toBe(true);
    expect(info.successors.map((s: { name: string }) => s.name).sort()).toEqual([
      "Phòng Văn hóa - Xã hội phường Tân Phong",
      "Phòng Văn hóa - Xã hội phường Đoàn Kết",
    ]);
    expect((await tanPhong.request("GET", `/api/org-units/${gddt}/open-work`)).statusCode).toBe(403);

    const so = await bodyId("Sở Giáo dục và Đào tạo", false);
    const wrong = await coordinator.request("POST", `/api/org-units/${gddt}/move-work`, { toUnitId: so });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe("NOT_A_SUCCESSOR");
    const live = await bodyId("Phòng Văn hóa - Xã hội phường Tân Phong", false);
    const notCeased = await coordinator.request("POST", `/api/org-units/${live}/move-work`, { toUnitId: so });
    expect(notCeased.statusCode).toBe(400);

    const items = await openItemsOf(gddt);
    expect(items).toBeGreaterThan(0);
    const beforeLive = await openItemsOf(live);
    const ledByVhxh = async () =>
      ((await tanPhong.request("GET", "/api/my-work")).json().rows as { lead: string }[]).filter(
        (r) => r.lead === "Phòng Văn hóa - Xã hội phường Tân Phong",
      ).length;
    const mineBefore = await ledByVhxh();
    const res = await coordinator.request("POST", `/api/org-units/${gddt}/move-work`, { toUnitId: live });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().tasks).toBe(info.openTasks);
    expect(await openItemsOf(gddt)).toBe(0);
    expect(await openItemsOf(live)).toBeGreaterThanOrEqual(items);
    expect(await openItemsOf(live)).toBeLessThanOrEqual(items + beforeLive);
    const audit = await t.db.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("action", "=", "org_unit.move_work")
      .where("entity_id", "=", String(gddt))
      .execute();
    expect(audit).toHaveLength(1);
    expect((audit[0] as { after: { tasks: unknown[] } }).after.tasks).toHaveLength(info.openTasks);
    const mineAfter = await ledByVhxh();
    expect(mineAfter).toBeGreaterThan(mineBefore);
    const again = await coordinator.request("POST", `/api/org-units/${gddt}/move-work`, { toUnitId: live });
    expect(again.json()).toMatchObject({ tasks: 0, shares: 0 });
  });

  it("moves an old ward's shares to the new ward, merging when the new ward already holds one", async () => {
    const oldTanPhong = await bodyId("Phường Tân Phong", true);
    const dongPhong = await bodyId("Phường Đông Phong", true);
    const newTanPhong = await bodyId("Phường Tân Phong", false);
    const parentOf = async () =>
      (await coordinator.request("GET", `/api/tasks?documentId=${cityDoc}&pageSize=100`))
        .json()
        .rows.find((r: { shares_total: number }) => r.shares_total > 0);
    expect((await parentOf()).shares_total).toBe(7);
    const first = await coordinator.request("POST", `/api/org-units/${oldTanPhong}/move-work`, {
      toUnitId: newTanPhong,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().shares).toBeGreaterThan(0);
    expect(first.json().items.shares.every((s: { mergedInto: number | null }) => s.mergedInto === null)).toBe(
      true,
    );
    const second = await coordinator.request("POST", `/api/org-units/${dongPhong}/move-work`, {
      toUnitId: newTanPhong,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(
      second.json().items.shares.every((s: { mergedInto: number | null }) => s.mergedInto !== null),
    ).toBe(true);
    expect((await parentOf()).shares_total).toBe(6);
    const mine = (await tanPhong.request("GET", `/api/my-work`)).json().rows as { lead: string }[];
    expect(mine.some((r) => r.lead === "Phường Tân Phong")).toBe(true);
  });

  it("the importer warns BODY_CEASED when a plan dated after 1/7/2025 names a city office", async () => {
    const text = readSeed("001_").replace("năm 2025", "năm 2026");
    const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
    const warned = draft.warnings.filter((w) => w.code === "BODY_CEASED");
    expect(warned.length).toBeGreaterThan(0);
    expect(warned[0]?.message).toContain("01/07/2025");
    const original = parsePlan(readSeed("001_"), { units: await unitCandidates(t.db.db) });
    expect(original.warnings.some((w) => w.code === "BODY_CEASED")).toBe(false);
  });
});
