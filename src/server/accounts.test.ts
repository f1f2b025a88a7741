import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { createUser } from "../usecases/createUser.ts";
import { passwordProblem } from "../usecases/shared/passwordRules.ts";
import { buildApp } from "./app.ts";
import { LoginThrottle } from "./loginThrottle.ts";
import { TEST_PASSWORD } from "./testing.ts";

const T0 = new Date("2026-11-23T03:00:00Z").getTime();
let clock = T0;
let db: Db;
let plain: FastifyInstance;
let proxied: FastifyInstance;
const dirs: string[] = [];

async function app(env: Record<string, string>): Promise<FastifyInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-acc-"));
  dirs.push(dataDir);
  const config = { ...loadConfig(env), demo: false, logLevel: "silent", dataDir };
  const built = await buildApp(
    { db: db.db, dbKind: db.kind, config, now: () => new Date(clock) },
    { serveWeb: false },
  );
  await built.ready();
  return built;
}

function login(a: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) {
  return a.inject({ method: "POST", url: "/api/session", payload: { username, password }, headers });
}
const cookieOf = (res: { cookies: { name: string; value: string }[] }, name: string) =>
  res.cookies.find((c) => c.name === name)?.value;

beforeAll(async () => {
  db = await openTestDb();
  for (const username of ["quantri", "canbo.a", "canbo.b"]) {
    await createUser(db.db, systemActor("Kiểm thử"), {
      username,
      displayName: `Người dùng ${username}`,
      password: TEST_PASSWORD,
      role: "admin",
      orgUnitId: null,
    });
  }
  plain = await app({ LOTRINH_SESSION_IDLE_MINUTES: "60", LOTRINH_SESSION_MAX_HOURS: "12" });
  proxied = await app({ LOTRINH_TRUST_PROXY: "1" });
});
afterAll(async () => {
  await plain.close();
  await proxied.close();
  await db.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("password rule", () => {
  it("refuses blank, trivial and common passwords; accepts a passphrase", () => {
    for (const p of [
      "          ",
      "1234567890",
      "password123",
      "qwertyuiop",
      "aaaaaaaaaaaa",
      "quantri2026",
    ]) {
      expect(passwordProblem(p, ["quantri"]), p).toMatch(/Mật khẩu/);
    }
    expect(passwordProblem("ngắn")).toMatch(/ít nhất 10 ký tự/);
    expect(passwordProblem("mây-trên-đèo-Ô-Quy-Hồ")).toBeNull();
    expect(passwordProblem(TEST_PASSWORD)).toBeNull();
  });

  it("creating an account with such a password gives PASSWORD_WEAK and saves nothing", async () => {
    const create = (password: string) =>
      createUser(db.db, systemActor("Kiểm thử"), {
        username: "yeu",
        displayName: "Mật khẩu yếu",
        password,
        role: "leader",
        orgUnitId: null,
      });
    await expect(create("1234567890")).rejects.toMatchObject({ code: "PASSWORD_WEAK" });
    await expect(create("          ")).rejects.toMatchObject({ code: "PASSWORD_WEAK" });
    const none = await db.db.selectFrom("app_user").select("id").where("username", "=", "yeu").execute();
    expect(none).toEqual([]);
  });
});

describe("login throttling", () => {
  const rules = {
    freeFailures: 5,
    addressBudget: 30,
    baseDelayMs: 1000,
    maxDelayMs: 300_000,
    windowMs: 900_000,
  };

  it("delays progressively per account and address, only after 5 failures", () => {
    const th = new LoginThrottle(rules);
    const a = { ip: "10.0.0.1", username: "quantri" };
    for (let i = 0; i < 5; i++) {
      expect(th.waitMs(a, 0)).toBe(0);
      th.fail(a, 0);
    }
    expect(th.waitMs(a, 0)).toBe(1000);
    expect(th.waitMs(a, 1000)).toBe(0);
    th.fail(a, 1000);
    expect(th.waitMs(a, 1000)).toBe(2000);
    expect(th.waitMs({ ip: "10.0.0.2", username: "quantri" }, 1000)).toBe(0);
    expect(th.waitMs({ ip: "10.0.0.1", username: "khac" }, 1000)).toBe(0);
    expect(th.waitMs(a, 1000 + 900_000)).toBe(0);
  });

  it("an address spraying many names is slowed after 30 failures, whatever the names", () => {
    const th = new LoginThrottle(rules);
    for (let i = 0; i < 30; i++) {
      const a = { ip: "10.0.0.9", username: `nguoi${i}` };
      expect(th.waitMs(a, i)).toBe(0);
      th.fail(a, i);
    }
    expect(th.waitMs({ ip: "10.0.0.9", username: "nguoi-moi" }, 30)).toBeGreaterThan(0);
    expect(th.waitMs({ ip: "10.0.0.8", username: "nguoi-moi" }, 30)).toBe(0);
  });

  it("an attacker behind the same proxy cannot lock the administrator out of a known device", async () => {
    clock = T0;
    const first = await login(plain, "quantri", TEST_PASSWORD);
    expect(first.statusCode).toBe(200);
    const device = cookieOf(first, "lt_device") as string;
    expect(device).toBeTruthy();
    // every request arrives from the proxy's address; the forwarded header is not trusted
    for (let i = 0; i < 8; i++) {
      await login(plain, "quantri", `sai-${i}`, { "x-forwarded-for": `203.0.113.${i}` });
    }
    const attacker = await login(plain, "quantri", TEST_PASSWORD, { "x-forwarded-for": "203.0.113.99" });
    expect(attacker.statusCode).toBe(429);
    expect(attacker.json().message).toMatch(/Hãy thử lại sau \d+ (giây|phút)/);
    expect(attacker.headers["retry-after"]).toBeDefined();
    const admin = await login(plain, "quantri", TEST_PASSWORD, { cookie: `lt_device=${device}` });
    expect(admin.statusCode).toBe(200);
    const forged = await login(plain, "quantri", TEST_PASSWORD, { cookie: `lt_device=${device}x` });
    expect(forged.statusCode).toBe(429);
  });

  it("with LOTRINH_TRUST_PROXY the forwarded address counts: one address is slowed, not the account", async () => {
    for (let i = 0; i < 6; i++)
      await login(proxied, "canbo.a", `sai-${i}`, { "x-forwarded-for": "198.51.100.7" });
    const blocked = await login(proxied, "canbo.a", TEST_PASSWORD, { "x-forwarded-for": "198.51.100.7" });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await login(proxied, "canbo.a", TEST_PASSWORD, { "x-forwarded-for": "198.51.100.8" });
    expect(elsewhere.statusCode).toBe(200);
  });

  it("a login flood does not block the request thread: hashing runs off it", async () => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const started = performance.now();
    const flood = Array.from({ length: 30 }, (_, i) =>
      login(proxied, `khong-co-${i}`, "sai-mat-khau", { "x-forwarded-for": `192.0.2.${i}` }),
    );
    const probes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await proxied.inject({ method: "GET", url: "/api/health" });
      probes.push(performance.now() - t);
    }
    const results = await Promise.all(flood);
    histogram.disable();
    const elapsed = performance.now() - started;
    expect(results.every((r) => r.statusCode === 401)).toBe(true);
    const maxLoopDelayMs = histogram.max / 1e6;
    console.info(
      `30 logins in ${Math.round(elapsed)} ms; event-loop delay max ${Math.round(maxLoopDelayMs)} ms; health probes max ${Math.round(Math.max(...probes))} ms`,
    );
    // 30 scrypt hashes on the request thread would hold it for ≥ 30 × 40 ms at once
    expect(maxLoopDelayMs).toBeLessThan(600);
  });
});

describe("sessions: idle timeout and absolute lifetime", () => {
  it("ends after 60 idle minutes, stays alive while used, and ends at 12 hours in any case", async () => {
    clock = T0 + 86_400_000;
    const res = await login(plain, "canbo.b", TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = `lt_session=${cookieOf(res, "lt_session")}`;
    const who = async () =>
      (await plain.inject({ method: "GET", url: "/api/session", headers: { cookie } })).json().user;
    const start = clock;
    for (let minutes = 59; minutes < 12 * 60; minutes += 59) {
      clock = start + minutes * 60_000;
      expect(await who(), `${minutes} min`).not.toBeNull();
    }
    clock = start + 12 * 3_600_000 + 1000;
    expect(await who()).toBeNull();

    const again = await login(plain, "canbo.b", TEST_PASSWORD);
    const cookie2 = `lt_session=${cookieOf(again, "lt_session")}`;
    const at = clock;
    clock = at + 59 * 60_000;
    expect(
      (await plain.inject({ method: "GET", url: "/api/session", headers: { cookie: cookie2 } })).json().user,
    ).not.toBeNull();
    clock = at + (59 + 61) * 60_000;
    expect(
      (await plain.inject({ method: "GET", url: "/api/session", headers: { cookie: cookie2 } })).json().user,
    ).toBeNull();
  });
});
