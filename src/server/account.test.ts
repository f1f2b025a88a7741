import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp } from "./testing.ts";

/** Users have an e-mail address for the daily digest: admins set it, and each person sets their own. */
let t: TestApp;
let admin: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t, "quantri", "admin");
  officer = await signIn(t, "canbo", "leader");
});
afterAll(() => t.close());

describe("e-mail addresses", () => {
  it("an administrator creates a user with one and changes it; a bad address is refused in Vietnamese", async () => {
    const created = await admin.request("POST", "/api/users", {
      username: "nguoimoi",
      displayName: "Người mới",
      password: "mat-khau-rat-dai-1234",
      role: "leader",
      email: "Nguoi.Moi@LaiChau.gov.vn",
    });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json().user;
    expect(user.email).toBe("nguoi.moi@laichau.gov.vn");
    const bad = await admin.request("PATCH", `/api/users/${user.id}`, {
      version: user.version,
      email: "khong-hop-le",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(bad.json().message).toContain("e-mail không hợp lệ");
    const changed = await admin.request("PATCH", `/api/users/${user.id}`, {
      version: user.version,
      email: "khac@laichau.gov.vn",
    });
    expect(changed.json().user.email).toBe("khac@laichau.gov.vn");
    const list = (await admin.request("GET", "/api/users")).json().users as {
      username: string;
      email: string;
    }[];
    expect(list.find((u) => u.username === "nguoimoi")?.email).toBe("khac@laichau.gov.vn");
  });

  it("each person sets their own, with a version, and clears it with an empty text", async () => {
    const me = (await officer.request("GET", "/api/session")).json().user;
    expect(me.email).toBeNull();
    const set = await officer.request("PATCH", "/api/account", {
      version: me.version,
      email: "canbo@example.vn",
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await officer.request("GET", "/api/session")).json().user.email).toBe("canbo@example.vn");
    const stale = await officer.request("PATCH", "/api/account", {
      version: me.version,
      email: "x@example.vn",
    });
    expect(stale.statusCode).toBe(409);
    const cleared = await officer.request("PATCH", "/api/account", { version: me.version + 1, email: "" });
    expect(cleared.json().user.email).toBeNull();
    expect(
      (await t.app.inject({ method: "PATCH", url: "/api/account", payload: { version: 1, email: "" } }))
        .statusCode,
    ).toBe(401);
  });
});
