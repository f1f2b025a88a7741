import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { writeGeneration } from "../db/writeGeneration.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "../usecases/importPlanDocument.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

/*
 * The read cache through the API, on the real database: hits, the bound on staleness after another
 * caller's write (both sides), read-your-writes, scope separation with the cache warm, and off with 0.
 * The cache's clock is injected; the app's date is fixed.
 */

const MS = 3000;
let ms = 0;
let t: TestApp;
let coordinator: Client;
let leader: Client;
let binhLu: Client;
let namCuoi: Client;
let units: { province: number; binhLu: number; namCuoi: number };
let indicatorId: number;

const target = (unitId: number, label: string) => ({
  indicatorId,
  unitId,
  scope: "unit",
  comparator: ">=",
  value: 60,
  dueYear: 2030,
  baselineValue: 40,
  baselineYear: 2025,
  label,
});
const labels = async (c: Client) => {
  const res = await c.request("GET", "/api/targets");
  expect(res.statusCode).toBe(200);
  return {
    labels: (res.json().targets as { label: string }[]).map((x) => x.label).sort(),
    age: res.headers.age,
  };
};
const create = async (c: Client, unitId: number, label: string) => {
  const res = await c.request("POST", "/api/targets", target(unitId, label));
  expect(res.statusCode, res.body).toBe(201);
};

describe.runIf(seedsAvailable())("the read cache (LOTRINH_READ_CACHE_MS=3000)", () => {
  beforeAll(async () => {
    t = await createTestApp(new Date("2026-07-01T03:00:00Z"), undefined, undefined, {
      ms: MS,
      clock: () => ms,
    });
    const text = readSeed("003_");
    const draft = parsePlan(text, { units: await unitCandidates(t.db.db) });
    await importPlanDocument(
      t.db.db,
      systemActor("Kiểm thử"),
      draftToConfirmed(draft, { name: "003_.txt", format: "text", text }),
    );
    units = {
      province: (
        await t.db.db
          .selectFrom("org_unit")
          .select("id")
          .where("kind", "=", "province")
          .executeTakeFirstOrThrow()
      ).id,
      binhLu: await unitIdByName(t.db, "Xã Bình Lư"),
      namCuoi: await unitIdByName(t.db, "Xã Nậm Cuổi"),
    };
    indicatorId = (
      await t.db.db
        .selectFrom("indicator")
        .select("id")
        .where("code", "=", "NQ06-THPT")
        .executeTakeFirstOrThrow()
    ).id;
    coordinator = await signIn(t, "dieuphoi", "coordinator");
    leader = await signIn(t, "lanhdao", "leader");
    binhLu = await signIn(t, "canbo.binhlu", "officer", units.binhLu);
    namCuoi = await signIn(t, "canbo.namcuoi", "officer", units.namCuoi);
  }, 180_000);
  afterAll(() => t?.close());

  it("a committed write moves the write generation; a read does not", async () => {
    const before = writeGeneration();
    await coordinator.request("GET", "/api/targets");
    expect(writeGeneration()).toBe(before);
    await create(coordinator, units.province, "Mục tiêu A (thế hệ ghi)");
    expect(writeGeneration()).toBeGreaterThan(before);
  });

  it("another caller's write is served stale until the bound, never after; the writer sees it at once", async () => {
    ms += 10 * MS; // nothing kept from before
    const first = await leader.request("GET", "/api/scoreboard");
    const warm = await labels(leader);
    expect(warm.age).toBe("0");
    ms += 1500;
    const hit = await leader.request("GET", "/api/scoreboard");
    expect(hit.headers.age).toBe("1"); // kept 1,5 s: a hit, the same bytes
    expect(hit.body).toBe(first.body);

    // the writer first warms its own key, then writes: its next read must show the write
    const ownBefore = await labels(coordinator);
    await create(coordinator, units.province, "Mục tiêu B (ghi của người khác)");
    const own = await labels(coordinator);
    expect(ownBefore.labels).not.toContain("Mục tiêu B (ghi của người khác)");
    expect(own.labels).toContain("Mục tiêu B (ghi của người khác)");
    expect(own.age).toBe("0");

    // the leader may get the older answer while it is younger than 3 s…
    ms += MS - 1501; // 2,999 s after the warm read began
    const stale = await labels(leader);
    expect(stale.labels).toEqual(warm.labels);
    expect(stale.labels).not.toContain("Mục tiêu B (ghi của người khác)");
    expect(stale.age).toBe("2");
    // …and never once it is 3 s old
    ms += 1;
    const fresh = await labels(leader);
    expect(fresh.labels).toContain("Mục tiêu B (ghi của người khác)");
    expect(fresh.age).toBe("0");
  });

  it("a session's own write is never answered from an older entry, whichever page it reads", async () => {
    ms += 10 * MS;
    const before = await leader.request("GET", "/api/tasks?page=1&pageSize=50");
    ms += 1000;
    // the coordinator reads the same key (scope: every unit) — a hit — then writes something
    const hit = await coordinator.request("GET", "/api/tasks?pageSize=50&page=1");
    expect(hit.headers.age).toBe("1");
    expect(hit.body).toBe(before.body);
    await create(coordinator, units.province, "Mục tiêu C (đọc sau khi ghi)");
    const after = await coordinator.request("GET", "/api/tasks?page=1&pageSize=50");
    expect(after.headers.age).toBe("0"); // recomputed for the writer
    // the leader, who wrote nothing, gets the new entry now (it is the newest)
    expect((await leader.request("GET", "/api/tasks?page=1&pageSize=50")).headers.age).toBe("0");
  });

  it("one URL, two officers of different communes, the cache warm: each gets their own rows", async () => {
    ms += 10 * MS;
    await create(coordinator, units.binhLu, "Mục tiêu riêng của Bình Lư");
    await create(coordinator, units.namCuoi, "Mục tiêu riêng của Nậm Cuổi");
    ms += 10 * MS;
    const urls = ["/api/targets", "/api/tasks?page=1&pageSize=50", "/api/scoreboard", "/api/overview"];
    const seen = new Map<string, string>();
    for (const url of urls) {
      const a = await binhLu.request("GET", url);
      expect(a.statusCode, `${url} ${a.body}`).toBe(200);
      const again = await binhLu.request("GET", url);
      expect(again.body).toBe(a.body); // warm: a hit for Bình Lư
      const b = await namCuoi.request("GET", url);
      expect(b.statusCode).toBe(200);
      expect(b.body, url).not.toBe(a.body);
      seen.set(url, b.body);
    }
    const tOf = (body: string) => (JSON.parse(body).targets as { label: string }[]).map((x) => x.label);
    expect(tOf((await binhLu.request("GET", "/api/targets")).body)).toContain("Mục tiêu riêng của Bình Lư");
    expect(tOf(seen.get("/api/targets") as string)).not.toContain("Mục tiêu riêng của Bình Lư");
    expect(tOf(seen.get("/api/targets") as string)).toContain("Mục tiêu riêng của Nậm Cuổi");
    // the Bình Lư plan's tasks: Bình Lư's register has rows, Nậm Cuổi's none
    expect(JSON.parse((await binhLu.request("GET", urls[1] as string)).body).total).toBeGreaterThan(0);
    expect(JSON.parse(seen.get(urls[1] as string) as string).total).toBe(0);
    // a leader's targets carry other `can` flags than a coordinator's: kept apart though both see all
    const lead = (await leader.request("GET", "/api/targets")).json();
    const coord = (await coordinator.request("GET", "/api/targets")).json();
    expect(lead.can.create).toBe(false);
    expect(coord.can.create).toBe(true);
  });

  it("the drill-down still asks the policy first: a warm entry is no way into another commune", async () => {
    const url = (unit: number) =>
      `/api/indicators/${indicatorId}/values?unitId=${unit}&periodIds=1&children=true`;
    expect((await namCuoi.request("GET", url(units.namCuoi))).statusCode).toBe(200);
    expect((await binhLu.request("GET", url(units.binhLu))).statusCode).toBe(200);
    expect((await binhLu.request("GET", url(units.namCuoi))).statusCode).toBe(403);
  });
});

describe("the read cache off (LOTRINH_READ_CACHE_MS=0)", () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await createTestApp(new Date("2026-07-01T03:00:00Z"), undefined, undefined, {
      ms: 0,
      clock: () => ms,
    });
  }, 120_000);
  afterAll(() => off?.close());

  it("answers at once what another caller wrote, with no Age", async () => {
    const a = await signIn(off, "dieuphoi", "coordinator");
    const b = await signIn(off, "dieuphoi2", "coordinator");
    const province = (
      await off.db.db
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "=", "province")
        .executeTakeFirstOrThrow()
    ).id;
    indicatorId = (
      await off.db.db
        .selectFrom("indicator")
        .select("id")
        .where("code", "=", "NQ06-THPT")
        .executeTakeFirstOrThrow()
    ).id;
    const before = await b.request("GET", "/api/targets");
    expect(before.headers.age).toBeUndefined();
    await create(a, province, "Mục tiêu khi không giữ");
    const after = await b.request("GET", "/api/targets");
    expect((after.json().targets as { label: string }[]).map((x) => x.label)).toContain(
      "Mục tiêu khi không giữ",
    );
  });
});
