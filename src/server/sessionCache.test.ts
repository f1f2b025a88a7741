import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetSessionsOfUser, liveSession, SESSION_CACHE_MS } from "../db/repositories/sessionCache.ts";
import { createSession } from "../db/repositories/sessionRepository.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/*
 * Sessions are kept in memory for SESSION_CACHE_MS (db/repositories/sessionCache.ts). Whatever this
 * process changes must take effect on the very next request; a change made behind its back (another
 * process on the same database) within SESSION_CACHE_MS, and not before.
 */

const T0 = new Date("2026-11-23T03:00:00Z").getTime();
let clock = T0;
let t: TestApp;
let admin: Client;
let binhLu: number;

beforeAll(async () => {
  t = await createTestApp(() => new Date(clock));
  binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  admin = await signIn(t, "quantri.cache", "admin");
});
afterAll(() => t.close());

/** A signed-in officer whose session is already kept in memory (one request made). */
async function warmOfficer(username: string): Promise<Client> {
  const c = await signIn(t, username, "officer", binhLu);
  expect((await c.request("GET", "/api/my-work")).statusCode).toBe(200);
  return c;
}
const versionOf = async (c: Client) => (await c.request("GET", "/api/session")).json().user.version as number;

describe("sessions kept in memory: changes made here count at once", () => {
  it("a signed-out session is refused on the next request", async () => {
    const c = await warmOfficer("cache.dangxuat");
    expect((await c.request("DELETE", "/api/session")).statusCode).toBe(200);
    expect((await c.request("GET", "/api/my-work")).statusCode).toBe(401);
    expect((await c.request("GET", "/api/session")).json().user).toBeNull();
  });

  it("a locked account is refused on the next request, an untouched one is not", async () => {
    const locked = await warmOfficer("cache.bikhoa");
    const other = await warmOfficer("cache.khongkhoa");
    const res = await admin.request("PATCH", `/api/users/${locked.userId}`, {
      version: await versionOf(locked),
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect((await locked.request("GET", "/api/my-work")).statusCode).toBe(401);
    expect((await other.request("GET", "/api/my-work")).statusCode).toBe(200);
  });

  it("a role change ends the session; a name change is seen at once", async () => {
    const c = await warmOfficer("cache.doivaitro");
    const renamed = await admin.request("PATCH", `/api/users/${c.userId}`, {
      version: await versionOf(c),
      displayName: "Tên mới của cán bộ",
    });
    expect(renamed.statusCode).toBe(200);
    const me = (await c.request("GET", "/api/session")).json().user;
    expect(me).toMatchObject({ display_name: "Tên mới của cán bộ", version: renamed.json().user.version });
    const demoted = await admin.request("PATCH", `/api/users/${c.userId}`, {
      version: me.version,
      role: "leader",
    });
    expect(demoted.statusCode).toBe(200);
    expect((await c.request("GET", "/api/my-work")).statusCode).toBe(401);
  });

  it("one's own e-mail change is seen at once (the next edit carries the new version)", async () => {
    const c = await warmOfficer("cache.email");
    const v = await versionOf(c);
    const res = await c.request("PATCH", "/api/account", { version: v, email: "canbo@example.vn" });
    expect(res.statusCode).toBe(200);
    const me = (await c.request("GET", "/api/session")).json().user;
    expect(me).toMatchObject({ email: "canbo@example.vn", version: v + 1 });
  });
});

describe("sessions kept in memory: changes made behind the server's back", () => {
  it("an account locked directly in the database is refused once SESSION_CACHE_MS has passed, not before", async () => {
    const c = await warmOfficer("cache.tientrinhkhac");
    const warmedAt = clock;
    await sql`update app_user set active = false where id = ${c.userId}`.execute(t.db.db);
    clock = warmedAt + SESSION_CACHE_MS - 1;
    expect((await c.request("GET", "/api/my-work")).statusCode).toBe(200);
    clock = warmedAt + SESSION_CACHE_MS;
    expect((await c.request("GET", "/api/my-work")).statusCode).toBe(401);
    clock = T0;
  });
});

describe("liveSession", () => {
  async function freshSession(username: string, now: Date) {
    const c = await signIn(t, username, "officer", binhLu);
    const { token } = await createSession(t.db.db, c.userId, 3_600_000, now);
    return { userId: c.userId, token };
  }
  const dropRow = (userId: number) =>
    sql`delete from user_session where user_id = ${userId}`.execute(t.db.db);

  it("answers from memory within SESSION_CACHE_MS (the row deleted behind its back is still served)", async () => {
    const now = new Date(T0);
    const s = await freshSession("cache.bonho", now);
    expect(await liveSession(t.db.db, s.token, now, 60_000)).toBeDefined();
    await dropRow(s.userId);
    expect(await liveSession(t.db.db, s.token, new Date(T0 + 1000), 60_000)).toBeDefined();
    expect(await liveSession(t.db.db, s.token, new Date(T0 + SESSION_CACHE_MS), 60_000)).toBeUndefined();
  });

  it("does not keep a row read while the user's sessions were being forgotten", async () => {
    const now = new Date(T0);
    const s = await freshSession("cache.chaydua", now);
    const reading = liveSession(t.db.db, s.token, now, 60_000);
    forgetSessionsOfUser(s.userId); // e.g. a lock committed while the read was in flight
    expect(await reading).toBeDefined();
    await dropRow(s.userId);
    expect(await liveSession(t.db.db, s.token, new Date(T0 + 1000), 60_000)).toBeUndefined();
  });

  it("applies the idle timeout to a kept row", async () => {
    const now = new Date(T0);
    const s = await freshSession("cache.nhanroi", now);
    expect(await liveSession(t.db.db, s.token, now, 4000)).toBeDefined();
    expect(await liveSession(t.db.db, s.token, new Date(T0 + 3999), 4000)).toBeDefined();
    // last use recorded at T0 (touches are at most once a minute): idle for 4 s at T0 + 4 s
    expect(await liveSession(t.db.db, s.token, new Date(T0 + 4000), 4000)).toBeUndefined();
  });

  it("applies the absolute end to a kept row", async () => {
    const now = new Date(T0);
    const c = await signIn(t, "cache.hethan", "officer", binhLu);
    const { token } = await createSession(t.db.db, c.userId, 2000, now);
    expect(await liveSession(t.db.db, token, new Date(T0 + 1999), 60_000)).toBeDefined();
    expect(await liveSession(t.db.db, token, new Date(T0 + 2000), 60_000)).toBeUndefined();
  });
});
