import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setFormDraft } from "../db/repositories/formRepository.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let officer: Client;
let ids: {
  province: number;
  binhLu: number;
  namCuoi: number;
  sy2025: number;
  thpt: number;
  num: number;
  den: number;
};

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  const binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  officer = await signIn(t, "canbo.binhlu", "officer", binhLu);
  const db = t.db.db;
  const ind = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "NQ06-THPT")
    .executeTakeFirstOrThrow();
  ids = {
    province: (
      await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
    ).id,
    binhLu,
    namCuoi: await unitIdByName(t.db, "Xã Nậm Cuổi"),
    sy2025: (
      await db.selectFrom("period").select("id").where("code", "=", "2025SY").executeTakeFirstOrThrow()
    ).id,
    thpt: ind.id,
    num: ind.numerator_id as number,
    den: ind.denominator_id as number,
  };
});
afterAll(() => t.close());

const target = (over: Record<string, unknown> = {}) => ({
  indicatorId: ids.thpt,
  unitId: ids.province,
  scope: "each_commune",
  comparator: ">=",
  value: 60,
  dueYear: 2030,
  baselineValue: 40,
  baselineYear: 2025,
  label: "Mọi xã huy động từ 60 % thanh niên trong độ tuổi học THPT (mẫu kiểm thử)",
  ...over,
});

const officers = new Map<number, Client>();
async function enter(unit: number, num: number, den: number) {
  const c = officers.get(unit) ?? (await signIn(t, `canbo.${unit}`, "officer", unit));
  officers.set(unit, c);
  const form = (await c.request("GET", `/api/forms/${unit}/${ids.sy2025}`)).json();
  const res = await c.request("PUT", `/api/forms/${unit}/${ids.sy2025}`, {
    version: form.status.version,
    values: [
      { elementId: ids.num, value: num, comment: null },
      { elementId: ids.den, value: den, comment: null },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  // as if the commune had sent its form: only sent figures count in official totals
  await setFormDraft(t.db.db, unit, ids.sy2025, false);
}

describe("targets", () => {
  it("an officer sees only the targets of their own commune", async () => {
    const namCuoi = await signIn(t, "canbo.namcuoi.xem", "officer", ids.namCuoi);
    const own = (await officer.request("GET", "/api/targets")).json().targets;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((x: { org_unit_id: number }) => x.org_unit_id === ids.binhLu)).toBe(true);
    expect((await namCuoi.request("GET", "/api/targets")).json().targets).toEqual([]);
    expect((await namCuoi.request("GET", `/api/targets?unitId=${ids.binhLu}`)).statusCode).toBe(403);
    const all = (await coordinator.request("GET", "/api/targets")).json().targets;
    expect(all.some((x: { org_unit_id: number }) => x.org_unit_id === ids.province)).toBe(true);
  });

  it("coordinators set, edit and remove targets; officers cannot; every change is audited", async () => {
    expect((await officer.request("POST", "/api/targets", target())).statusCode).toBe(403);
    const bad = await coordinator.request("POST", "/api/targets", target({ unitId: ids.binhLu }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain("mọi xã");
    const noYear = await coordinator.request("POST", "/api/targets", target({ baselineYear: null }));
    expect(noYear.statusCode).toBe(400);

    const created = await coordinator.request("POST", "/api/targets", target({ scope: "unit" }));
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const edited = await coordinator.request(
      "PUT",
      `/api/targets/${id}`,
      target({ scope: "unit", value: 65, version }),
    );
    expect(edited.statusCode).toBe(200);
    const stale = await coordinator.request(
      "PUT",
      `/api/targets/${id}`,
      target({ scope: "unit", value: 70, version }),
    );
    expect(stale.statusCode).toBe(409);
    const row = (await coordinator.request("GET", "/api/targets"))
      .json()
      .targets.find((x: { id: number }) => x.id === id);
    expect(row).toMatchObject({ value: 65, scope: "unit", version: 2 });
    expect((await coordinator.request("DELETE", `/api/targets/${id}?version=1`)).statusCode).toBe(409);
    expect((await coordinator.request("DELETE", `/api/targets/${id}?version=2`)).statusCode).toBe(200);
    const audit = await t.db.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "indicator_target")
      .where("entity_id", "=", String(id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["target.create", "target.update", "target.delete"]);
    expect(audit[1]?.before).toMatchObject({ value: "60" });
    expect(audit[1]?.after).toMatchObject({ value: 65 });
  });

  it("a target for every commune is read at the weakest commune and met only when all communes meet it", async () => {
    const created = await coordinator.request("POST", "/api/targets", target());
    expect(created.statusCode, created.body).toBe(201);
    const read = async () =>
      (await coordinator.request("GET", "/api/targets"))
        .json()
        .targets.find((x: { id: number }) => x.id === created.json().id);
    expect((await read()).status).toBe("no_data");
    await enter(ids.binhLu, 70, 100);
    await enter(ids.namCuoi, 30, 100);
    const two = await read();
    expect(two.current.value).toBe(30);
    expect(two.meeting).toEqual({ count: 1, reported: 2, total: 38 });
    // 2 communes of 38 say nothing about the province: not judged (LOTRINH_TARGET_MIN_COVERAGE)
    expect(two.coverage).toEqual({ reported: 2, total: 38 });
    expect(two.status).toBe("not_enough_data");
    await enter(ids.namCuoi, 65, 100);
    const fixed = await read();
    expect(fixed.current.value).toBe(65);
    expect(fixed.meeting).toEqual({ count: 2, reported: 2, total: 38 });
    // both reporting communes meet it, but 36 have no figure: not yet met
    expect(fixed.status).toBe("not_enough_data");
  });
});
