import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signIn, TEST_PASSWORD, type TestApp } from "./testing.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("sessions", () => {
  it("signs in with an httpOnly SameSite cookie and returns a CSRF token", async () => {
    await signIn(t, "nguoi.a", "leader");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "NGUOI.A ", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "lt_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().csrfToken).toMatch(/.{20,}/);
    expect(res.json().user.password_hash).toBeUndefined();
  });

  it("refuses a wrong password without saying whether the user exists", async () => {
    const a = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "nguoi.a", password: "sai" },
    });
    const b = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "khong.co", password: "sai" },
    });
    expect(a.statusCode).toBe(401);
    expect(b.json()).toEqual(a.json());
    expect(a.json().message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("rate-limits repeated failures for one user name", async () => {
    await signIn(t, "nguoi.b", "leader");
    const attempt = () =>
      t.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { username: "nguoi.b", password: "sai-mat-khau" },
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).statusCode).toBe(401);
    const blocked = await attempt();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe("TOO_MANY_ATTEMPTS");
    const right = await t.app.inject({
      method: "POST",
      url: "/api/session",
      payload: { username: "nguoi.b", password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it("requires the CSRF token on a state-changing request", async () => {
    const c = await signIn(t, "nguoi.c", "admin");
    const noToken = await t.app.inject({
      method: "DELETE",
      url: "/api/session",
      headers: { cookie: c.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("CSRF_FAILED");
    const wrongOrigin = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { origin: "https://evil.example" },
      payload: { username: "nguoi.c", password: TEST_PASSWORD },
    });
    expect(wrongOrigin.statusCode).toBe(403);
    const formPost = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=nguoi.c&password=x",
    });
    expect(formPost.statusCode).toBe(415);
  });

  it("signs out: the cookie no longer works and the logout is audited", async () => {
    const c = await signIn(t, "nguoi.d", "leader");
    expect((await c.request("DELETE", "/api/session")).statusCode).toBe(200);
    const after = await c.request("GET", "/api/session");
    expect(after.json().user).toBeNull();
    const log = await t.db.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "session.logout")
      .execute();
    expect(log.map((l) => l.actor_id)).toContain(c.userId);
  });

  it("sends security headers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBeDefined();
  });
});

describe("system routes", () => {
  it("reports health with the database kind", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.db.kind });
  });

  it("publishes an OpenAPI document generated from the zod schemas", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths["/api/session"].post;
    expect(login.requestBody.content["application/json"].schema.required).toEqual(["username", "password"]);
    expect(doc.paths["/api/org-units/search"].get.parameters.map((p: { name: string }) => p.name)).toContain(
      "q",
    );
  });

  it("answers unknown API paths with a JSON 404 (401 before sign-in)", async () => {
    const anon = await t.app.inject({ method: "GET", url: "/api/khong-co" });
    expect(anon.statusCode).toBe(401);
    const c = await signIn(t, "nguoi.e", "leader");
    const res = await c.request("GET", "/api/khong-co");
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("NOT_FOUND");
  });
});
