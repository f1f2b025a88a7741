import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgUnitView } from "../domain/orgUnits.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let binhLuOfficer: Client;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  binhLuOfficer = await signIn(t, "binhlu", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
});
afterAll(() => t.close());

const communeKinds = new Set(["commune", "ward", "township"]);

describe("GET /api/org-units", () => {
  it("refuses an anonymous caller with 401 and a Vietnamese message", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/org-units" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: "NOT_AUTHENTICATED",
      message: expect.stringContaining("đăng nhập"),
    });
  });

  it("today: 38 communes and wards directly under the province, no districts", async () => {
    const res = await coordinator.request("GET", "/api/org-units");
    expect(res.statusCode).toBe(200);
    const units = res.json().units as OrgUnitView[];
    const province = units.find((u) => u.kind === "province");
    const communes = units.filter((u) => communeKinds.has(u.kind));
    expect(communes).toHaveLength(38);
    expect(
      communes
        .filter((u) => u.kind === "ward")
        .map((u) => u.name)
        .sort(),
    ).toEqual(["Tân Phong", "Đoàn Kết"]);
    expect(communes.every((u) => u.parentId === province?.id)).toBe(true);
    expect(units.filter((u) => u.kind === "district" || u.kind === "city")).toHaveLength(0);
    const binhLu = communes.find((u) => u.name === "Bình Lư");
    expect(binhLu?.formedFrom.map((f) => f.name).sort()).toEqual([
      "Thị trấn Tam Đường",
      "Xã Bình Lư",
      "Xã Sơn Bình",
    ]);
  });

  it("as of 30/6/2025: 106 communes under their 8 districts", async () => {
    const res = await coordinator.request("GET", "/api/org-units?asOf=2025-06-30");
    expect(res.statusCode).toBe(200);
    const units = res.json().units as OrgUnitView[];
    const districts = units.filter((u) => u.kind === "district" || u.kind === "city");
    const communes = units.filter((u) => communeKinds.has(u.kind));
    expect(districts).toHaveLength(8);
    expect(communes).toHaveLength(106);
    const districtIds = new Set(districts.map((d) => d.id));
    expect(communes.every((c) => c.parentId !== null && districtIds.has(c.parentId))).toBe(true);
    const sungPhai = communes.find((c) => c.name === "Sùng Phài");
    expect(districts.find((d) => d.id === sungPhai?.parentId)?.fullName).toBe("Thành phố Lai Châu");
    expect(sungPhai?.mergedInto.map((m) => m.name)).toEqual(["Phường Đoàn Kết"]);
  });

  it("rejects a date that does not exist", async () => {
    const res = await coordinator.request("GET", "/api/org-units?asOf=2025-02-30");
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
  });
});

describe("GET /api/org-units/search", () => {
  it.each([
    ["nam cuoi", "no_diacritics"],
    ["Nậm Cuối", "no_diacritics"],
    ["Nậm Cuổi", "exact"],
    ["NẬM CUỔI", "exact"],
  ])("finds Nậm Cuổi from %s (%s)", async (q, match) => {
    const res = await coordinator.request("GET", `/api/org-units/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(200);
    const hit = res.json().hits.find((h: { unit: OrgUnitView }) => h.unit.name === "Nậm Cuổi");
    expect(hit).toBeDefined();
    expect(hit.match).toBe(match);
  });

  it("finds bodies by abbreviation and tone placement", async () => {
    const res = await coordinator.request("GET", `/api/org-units/search?q=${encodeURIComponent("Sở GD&ĐT")}`);
    expect(res.json().hits[0].unit.name).toBe("Sở Giáo dục và Đào tạo");
    const res2 = await coordinator.request(
      "GET",
      `/api/org-units/search?q=${encodeURIComponent("Uỷ ban nhân dân tỉnh")}`,
    );
    expect(res2.json().hits[0]).toMatchObject({
      match: "tone_placement",
      unit: { name: "Ủy ban nhân dân tỉnh" },
    });
  });

  it("searches the old map when asked", async () => {
    const today = await coordinator.request("GET", "/api/org-units/search?q=son%20binh");
    expect(today.json().hits.filter((h: { unit: OrgUnitView }) => h.unit.name === "Sơn Bình")).toHaveLength(
      0,
    );
    const old = await coordinator.request("GET", "/api/org-units/search?q=son%20binh&asOf=2025-06-30");
    expect(old.json().hits[0].unit.fullName).toBe("Xã Sơn Bình");
  });

  it("asks for a query", async () => {
    const res = await coordinator.request("GET", "/api/org-units/search?q=");
    expect(res.statusCode).toBe(400);
  });
});

describe("unit administrative data is scoped", () => {
  it("lets an officer read their own commune's accounts", async () => {
    const binhLu = await unitIdByName(t.db, "Xã Bình Lư");
    const res = await binhLuOfficer.request("GET", `/api/org-units/${binhLu}/members`);
    expect(res.statusCode).toBe(200);
    expect(res.json().members.map((m: { username: string }) => m.username)).toContain("binhlu");
  });

  it("refuses an officer another commune's data with 403 and a clear message", async () => {
    const other = await unitIdByName(t.db, "Xã Nậm Cuổi");
    const res = await binhLuOfficer.request("GET", `/api/org-units/${other}/members`);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("đơn vị mình") });
  });

  it("lets a coordinator read any unit", async () => {
    const other = await unitIdByName(t.db, "Xã Nậm Cuổi");
    const res = await coordinator.request("GET", `/api/org-units/${other}/members`);
    expect(res.statusCode).toBe(200);
  });

  it("returns one unit with its aliases and history", async () => {
    const id = await unitIdByName(t.db, "Sở Giáo dục và Đào tạo");
    const res = await coordinator.request("GET", `/api/org-units/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().aliases).toContain("Sở GD&ĐT");
    const missing = await coordinator.request("GET", "/api/org-units/999999");
    expect(missing.statusCode).toBe(404);
  });
});
