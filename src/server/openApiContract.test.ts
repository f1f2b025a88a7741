import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./testing.ts";

/*
 * One contract with the web: every route in /api/openapi.json declares the shape of its success answer
 * (a zod response schema, which also strips anything not declared before it leaves). No exceptions: a
 * new route without one fails here.
 */

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t?.close());

async function operations() {
  const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  return Object.entries(doc.paths as Record<string, Record<string, Operation>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const declared = Object.entries(op.responses ?? {}).some(
        ([code, r]) =>
          /^2\d\d$/.test(code) && Object.values(r.content ?? {}).some((c) => c.schema !== undefined),
      );
      return { key: `${method.toUpperCase()} ${path}`, declared };
    }),
  );
}

describe("the OpenAPI document is the contract", () => {
  it("every route declares its 2xx response schema", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(60);
    const missing = ops.filter((o) => !o.declared).map((o) => o.key);
    expect(missing, "declare a response schema (zod) on these routes").toEqual([]);
  });

  it("the public page's routes are declared (anything undeclared is stripped from what anyone sees)", async () => {
    const ops = await operations();
    const publicOps = ops.filter((o) => o.key.includes("/api/public/"));
    expect(publicOps.map((o) => o.key).sort()).toEqual([
      "GET /api/public/plans/{id}",
      "GET /api/public/progress",
      "GET /api/public/units/{id}",
    ]);
    expect(publicOps.every((o) => o.declared)).toBe(true);
  });
});
