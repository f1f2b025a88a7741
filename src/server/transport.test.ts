import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import { buildApp } from "./app.ts";

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db?.close();
});

/** The app as configured by these environment variables; its /api/meta answer's headers. */
async function headersWith(env: Record<string, string>, reqHeaders: Record<string, string> = {}) {
  const config = { ...loadConfig(env), logLevel: "silent" };
  const app = await buildApp(
    { db: db.db, dbKind: db.kind, config, now: () => new Date() },
    { serveWeb: false },
  );
  try {
    const res = await app.inject({
      method: "GET",
      url: "/api/meta",
      headers: reqHeaders,
      remoteAddress: "10.0.0.5",
    });
    return res.headers;
  } finally {
    await app.close();
  }
}

describe("security headers fit the transport", () => {
  let plain: Awaited<ReturnType<typeof headersWith>>;
  beforeAll(async () => {
    plain = await headersWith({});
  });

  it("plain http on a LAN: a CSP without upgrade-insecure-requests, no HSTS, the other headers kept", () => {
    expect(plain["content-security-policy"]).toContain("default-src 'self'");
    expect(plain["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(plain["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(plain["x-content-type-options"]).toBe("nosniff");
  });

  it("LOTRINH_SECURE_COOKIES=1 (behind https): upgrade and HSTS", async () => {
    const h = await headersWith({ LOTRINH_SECURE_COOKIES: "1" });
    expect(h["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(h["strict-transport-security"]).toContain("max-age=");
  });

  it("a trusted proxy saying https: upgrade and HSTS; an untrusted one is not believed", async () => {
    const trusted = await headersWith({ LOTRINH_TRUST_PROXY: "10.0.0.5" }, { "x-forwarded-proto": "https" });
    expect(trusted["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(trusted["strict-transport-security"]).toContain("max-age=");
    const stranger = await headersWith({ LOTRINH_TRUST_PROXY: "10.0.0.9" }, { "x-forwarded-proto": "https" });
    expect(stranger["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(stranger["strict-transport-security"]).toBeUndefined();
    const noProxy = await headersWith({}, { "x-forwarded-proto": "https" });
    expect(noProxy["strict-transport-security"]).toBeUndefined();
    const plainViaProxy = await headersWith({ LOTRINH_TRUST_PROXY: "1" }, { "x-forwarded-proto": "http" });
    expect(plainViaProxy["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });
});
