import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { type Client, createTestApp, multipartFile, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
});
afterAll(() => t.close());

const headers = (c: Client) => ({ cookie: c.cookie, "x-csrf-token": c.csrf });

describe.runIf(seedsAvailable())("reviewing 5272/KH-UBND's indicator table through the API", () => {
  it("the draft proposes a catalog indicator per row and the period of each column; confirming writes them", async () => {
    const m = multipartFile("5272-KH-UBND.txt", readSeed("002_"));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/imports/draft",
      payload: m.payload,
      headers: { ...m.headers, ...headers(coordinator) },
    });
    expect(res.statusCode).toBe(200);
    const { draft, source } = res.json();
    expect(draft.indicatorColumns.map((c: { kind: string; period: string }) => [c.kind, c.period])).toEqual([
      ["result", "2024SY"],
      ["target", "2025SY"],
    ]);
    expect(draft.indicators).toHaveLength(27);
    expect(draft.indicators.every((r: { match: unknown }) => r.match !== null)).toBe(true);
    expect(draft.indicators.find((r: { ref: string }) => r.ref === "13").match).toMatchObject({
      code: "KH5272-13",
      how: "similar",
      score: expect.any(Number),
    });
    expect(draft.warnings.find((w: { code: string }) => w.code === "ROW_MISSING").message).toContain("17");

    // the reviewer skips row 1 and clears the match of row 2 (a new indicator: not written)
    const plan = draftToConfirmed(draft, source);
    plan.indicators = plan.indicators.map((r) =>
      r.ref === "1" ? { ...r, skip: true } : r.ref === "2" ? { ...r, indicatorId: null } : r,
    );
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/documents",
          payload: plan,
          headers: headers(officer),
        })
      ).statusCode,
    ).toBe(403);
    const saved = await t.app.inject({
      method: "POST",
      url: "/api/documents",
      payload: plan,
      headers: headers(coordinator),
    });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().figures).toMatchObject({
      figures: 50,
      targets: 25,
      skipped: ["1"],
      unmatched: ["2"],
    });

    // the catalog shows the plan's 2025–2026 figure of a row the reviewer kept
    const catalog = await t.app.inject({
      method: "GET",
      url: "/api/indicators",
      headers: headers(coordinator),
    });
    const byCode = (code: string) =>
      catalog.json().indicators.find((i: { code: string }) => i.code === code) as {
        planned: { value: number }[];
      };
    expect(byCode("KH5272-05").planned.map((p) => p.value)).toEqual([38]);
    expect(byCode("KH5272-01").planned).toEqual([]);
    expect(byCode("KH5272-02").planned).toEqual([]);
  });

  it("a confirmed row with a column value out of range is refused with its place, and nothing is saved", async () => {
    const m = multipartFile("5272-KH-UBND.txt", readSeed("002_"));
    const { draft, source } = (
      await t.app.inject({
        method: "POST",
        url: "/api/imports/draft",
        payload: m.payload,
        headers: { ...m.headers, ...headers(coordinator) },
      })
    ).json();
    const plan = draftToConfirmed(draft, source);
    plan.indicators = plan.indicators.map((r) =>
      r.ref === "3" ? { ...r, values: { ...r.values, "Chỉ tiêu năm học 2025-2026": 999 } } : r,
    );
    const before = await t.db.db.selectFrom("audit_log").select("id").execute();
    const res = await t.app.inject({
      method: "POST",
      url: "/api/documents",
      payload: plan,
      headers: headers(coordinator),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("chỉ tiêu 3, cột «Chỉ tiêu năm học 2025-2026»"),
    });
    expect(await t.db.db.selectFrom("audit_log").select("id").execute()).toHaveLength(before.length);
  });
});
