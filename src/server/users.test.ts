import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let admin: Client;
let officer: Client;
let binhLu: number;

beforeAll(async () => {
  t = await createTestApp();
  binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  admin = await signIn(t, "quantri", "admin");
  officer = await signIn(t, "canbo", "officer", binhLu);
});
afterAll(() => t.close());

const newUser = (username: string) => ({
  username,
  displayName: "Nguyễn Văn A",
  password: "mot-mat-khau-dai",
  role: "officer",
  orgUnitId: binhLu,
});

describe("accounts", () => {
  it("401 without a session, 403 for a non-admin, 201 for an admin", async () => {
    const anon = await t.app.inject({ method: "POST", url: "/api/users", payload: newUser("x1") });
    expect(anon.statusCode).toBe(401);
    const denied = await officer.request("POST", "/api/users", newUser("tu.tao.tai.khoan"));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().message).toContain("quản trị");
    const ok = await admin.request("POST", "/api/users", newUser("nguyenvana"));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({
      username: "nguyenvana",
      role: "officer",
      org_unit_id: binhLu,
      version: 1,
    });
  });

  it("explains invalid input in Vietnamese", async () => {
    const res = await admin.request("POST", "/api/users", { ...newUser("ab"), password: "ngan" });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe("VALIDATION_FAILED");
    expect(res.json().message).toMatch(/Tên đăng nhập|username/);
    const shortPw = await admin.request("POST", "/api/users", { ...newUser("hople"), password: "ngan" });
    expect(shortPw.json().message).toBe("Mật khẩu phải có ít nhất 10 ký tự.");
    const noUnit = await admin.request("POST", "/api/users", { ...newUser("khongdonvi"), orgUnitId: null });
    expect(noUnit.json().message).toContain("gắn với một đơn vị");
    const dup = await admin.request("POST", "/api/users", newUser("nguyenvana"));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe("DUPLICATE");
  });

  it("refuses a stale edit instead of overwriting it, and audits before → after", async () => {
    const created = (await admin.request("POST", "/api/users", newUser("tranthib"))).json().user;
    const first = await admin.request("PATCH", `/api/users/${created.id}`, {
      version: 1,
      displayName: "Trần Thị B",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.version).toBe(2);
    const second = await admin.request("PATCH", `/api/users/${created.id}`, {
      version: 1,
      displayName: "Tran Thi B",
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: "CONFLICT_VERSION",
      message: expect.stringContaining("người khác sửa"),
    });
    const row = await t.db.db
      .selectFrom("app_user")
      .select("display_name")
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row.display_name).toBe("Trần Thị B");
    const audit = await t.db.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_id", "=", String(created.id))
      .where("action", "=", "user.update")
      .executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ display_name: "Nguyễn Văn A" });
    expect(audit.after).toMatchObject({ display_name: "Trần Thị B" });
    expect(audit.actor_id).toBe(admin.userId);
  });

  it("locking an account ends its sessions", async () => {
    const victim = await signIn(t, "se.bi.khoa", "leader");
    const res = await admin.request("PATCH", `/api/users/${victim.userId}`, { version: 1, active: false });
    expect(res.statusCode).toBe(200);
    expect((await victim.request("GET", "/api/session")).json().user).toBeNull();
  });

  it("never removes the last administrator", async () => {
    const me = (await admin.request("GET", "/api/session")).json().user;
    const res = await admin.request("PATCH", `/api/users/${me.id}`, { version: me.version, role: "leader" });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain("quản trị viên cuối cùng");
  });
});

describe("audit log", () => {
  it("is for admins only", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/audit" })).statusCode).toBe(401);
    expect((await officer.request("GET", "/api/audit")).statusCode).toBe(403);
    const res = await admin.request("GET", "/api/audit?action=user.create&pageSize=5");
    expect(res.statusCode).toBe(200);
    expect(res.json().entries.length).toBeGreaterThan(0);
    expect(res.json().entries.every((e: { action: string }) => e.action === "user.create")).toBe(true);
    expect(res.json().total).toBeGreaterThanOrEqual(res.json().entries.length);
  });

  it("records the map load as a system change", async () => {
    const res = await admin.request("GET", "/api/audit?action=reference.load&entity=org_unit");
    expect(res.json().entries[0]).toMatchObject({
      actor_name: "Hệ thống",
      after: { communes: 38, oldCommunes: 106, oldDistricts: 8 },
    });
  });
});
