import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let binhLu: Client;
let namCuoi: Client;
let admin: Client;
let ids: {
  province: number;
  binhLu: number;
  namCuoi: number;
  sy2025: number;
  sy2024: number;
  mg: number;
  mgNum: number;
  mgDen: number;
  tre6: number;
  tre6Num: number;
  tre6Den: number;
};

async function oldUnit(fullName: string) {
  const r = await t.db.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", fullName)
    .where("valid_to", "=", "2025-07-01")
    .executeTakeFirstOrThrow();
  return r.id;
}

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  admin = await signIn(t, "quantri", "admin");
  const binhLuId = await unitIdByName(t.db, "Xã Bình Lư");
  const namCuoiId = await unitIdByName(t.db, "Xã Nậm Cuổi");
  binhLu = await signIn(t, "canbo.binhlu", "officer", binhLuId);
  namCuoi = await signIn(t, "canbo.namcuoi", "officer", namCuoiId);
  const db = t.db.db;
  const ind = async (code: string) =>
    db.selectFrom("indicator").selectAll().where("code", "=", code).executeTakeFirstOrThrow();
  const mg = await ind("KH5272-02");
  const tre6 = await ind("KH5272-03");
  const period = async (code: string) =>
    (await db.selectFrom("period").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  ids = {
    province: (
      await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
    ).id,
    binhLu: binhLuId,
    namCuoi: namCuoiId,
    sy2025: await period("2025SY"),
    sy2024: await period("2024SY"),
    mg: mg.id,
    mgNum: mg.numerator_id as number,
    mgDen: mg.denominator_id as number,
    tre6: tre6.id,
    tre6Num: tre6.numerator_id as number,
    tre6Den: tre6.denominator_id as number,
  };
});
afterAll(() => t.close());

const put = (
  c: Client,
  unit: number,
  period: number,
  version: number,
  values: { elementId: number; value: number | null; comment?: string }[],
  submit = false,
) =>
  t.app.inject({
    method: "PUT",
    url: `/api/forms/${unit}/${period}`,
    headers: { cookie: c.cookie, "x-csrf-token": c.csrf },
    payload: { version, values: values.map((v) => ({ comment: null, ...v })), submit },
  });

describe("figures: entry, checks, aggregation", () => {
  it("the form lists the catalog's fields; no province figure is loaded without its document", async () => {
    const form = await binhLu.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`);
    expect(form.statusCode).toBe(200);
    expect(form.json().fields.map((f: { name: string }) => f.name)).toContain(
      "Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)",
    );
    const reported = await t.db.db
      .selectFrom("reported_value")
      .selectAll()
      .where("indicator_id", "=", ids.mg)
      .execute();
    // 5272/KH-UBND's figures come from importing it (usecases/importIndicatorFigures.test.ts)
    expect(reported).toEqual([]);
  });

  it("9/10 in one commune and 1/100 in another make 9,1 % for the province, not 50,5 %", async () => {
    const a = await put(binhLu, ids.binhLu, ids.sy2025, 0, [
      { elementId: ids.mgNum, value: 9 },
      { elementId: ids.mgDen, value: 10 },
    ]);
    expect(a.statusCode, a.body).toBe(200);
    const b = await put(namCuoi, ids.namCuoi, ids.sy2025, 0, [
      { elementId: ids.mgNum, value: 1 },
      { elementId: ids.mgDen, value: 100 },
    ]);
    expect(b.statusCode, b.body).toBe(200);
    // drafts stay out of the official total; shown on request
    const official = await coordinator.request(
      "GET",
      `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2025}`,
    );
    expect(official.json().points.filter((x: { value: number | null }) => x.value !== null)).toEqual([]);
    const res = await coordinator.request(
      "GET",
      `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2025}&drafts=true`,
    );
    const p = res.json().points[0];
    expect(p).toMatchObject({ numerator: 10, denominator: 110 });
    expect(p.value).toBeCloseTo(9.0909, 3);
    const kids = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2025}&children=true&drafts=true`,
      )
    ).json();
    expect(
      kids.points
        .map((x: { unit: { full_name: string }; value: number }) => [x.unit.full_name, x.value])
        .sort(),
    ).toEqual([
      ["Xã Bình Lư", 90],
      ["Xã Nậm Cuổi", 1],
    ]);
  });

  it("checks at once: a numerator above its denominator is refused with a clear message", async () => {
    const form = (await binhLu.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`)).json();
    const res = await put(binhLu, ids.binhLu, ids.sy2025, form.status.version, [
      { elementId: ids.tre6Num, value: 50 },
      { elementId: ids.tre6Den, value: 40 },
    ]);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toContain("tử số (50) lớn hơn mẫu số (40)");
    const gross = await put(binhLu, ids.binhLu, ids.sy2025, form.status.version, [
      { elementId: ids.mgNum, value: 12 },
    ]);
    // a gross rate over 100 % is a warning, not a refusal (DOMAIN.md §6)
    expect(gross.statusCode, gross.body).toBe(200);
    expect(
      gross
        .json()
        .warnings.map((w: { message: string }) => w.message)
        .join(" "),
    ).toContain("ghi chú");
  });

  it("a commune officer cannot enter another commune's figures; an approved period is read-only", async () => {
    const other = await put(binhLu, ids.namCuoi, ids.sy2025, 1, [{ elementId: ids.mgNum, value: 5 }]);
    expect(other.statusCode).toBe(403);
    expect((await namCuoi.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`)).statusCode).toBe(403);

    const form = (await binhLu.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`)).json();
    const filled = form.fields.map((f: { elementId: number; category: string }) => ({
      elementId: f.elementId,
      category: f.category,
      value: f.category ? 0 : f.elementId === ids.mgNum ? 9 : f.elementId === ids.mgDen ? 10 : 1,
    }));
    const submitted = await put(binhLu, ids.binhLu, ids.sy2025, form.status.version, filled, true);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe("submitted");
    expect(
      (
        await binhLu.request("POST", `/api/forms/${ids.binhLu}/${ids.sy2025}/review`, {
          version: submitted.json().version,
          decision: "approve",
        })
      ).statusCode,
    ).toBe(403);
    const approved = await coordinator.request("POST", `/api/forms/${ids.binhLu}/${ids.sy2025}/review`, {
      version: submitted.json().version,
      decision: "approve",
    });
    expect(approved.statusCode).toBe(200);
    const locked = await put(binhLu, ids.binhLu, ids.sy2025, approved.json().version, [
      { elementId: ids.mgNum, value: 8 },
    ]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ code: "FORM_LOCKED" });
    expect(locked.json().message).toContain("khóa");
    expect(
      (
        await coordinator.request("POST", `/api/forms/${ids.binhLu}/${ids.sy2025}/review`, {
          version: approved.json().version,
          decision: "reopen",
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    const reopened = await admin.request("POST", `/api/forms/${ids.binhLu}/${ids.sy2025}/review`, {
      version: approved.json().version,
      decision: "reopen",
      reason: "Sai số trẻ 5 tuổi",
    });
    expect(reopened.statusCode).toBe(200);
    const status = (
      await coordinator.request("GET", `/api/forms-status?periodId=${ids.sy2025}&parentId=${ids.province}`)
    ).json();
    expect(status.units.find((u: { id: number }) => u.id === ids.binhLu).status).toBe("returned");
    expect(status.units).toHaveLength(38);
  });

  it("an old commune's 2024–2025 figure sits under its old district on 30/6/2025 and inside its new commune today", async () => {
    const sonBinh = await oldUnit("Xã Sơn Bình");
    const tamDuong = await oldUnit("Huyện Tam Đường");
    const upload = await coordinator.request("POST", "/api/datavaluesets", {
      dataValues: [
        { dataElement: "so-tre-mau-giao-den-truong", period: "2024SY", orgUnit: `LT${sonBinh}`, value: "45" },
        {
          dataElement: "so-tre-trong-do-tuoi-mau-giao-3-5-tuoi",
          period: "2024SY",
          orgUnit: `LT${sonBinh}`,
          value: "50",
        },
      ],
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const old = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${tamDuong}&periodIds=${ids.sy2024}&asOf=2025-06-30&children=true`,
      )
    ).json();
    expect(old.points).toEqual([
      expect.objectContaining({ unitId: sonBinh, numerator: 45, denominator: 50, value: 90 }),
    ]);
    const today = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${ids.binhLu}&periodIds=${ids.sy2024}`,
      )
    ).json();
    expect(today.points[0]).toMatchObject({ numerator: 45, denominator: 50 });
    const nowTree = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2024}&children=true`,
      )
    ).json();
    expect(nowTree.points.map((p: { unitId: number }) => p.unitId)).toEqual([ids.binhLu]);
  });

  it("dataValueSets round trip: export, wipe, import, same totals; bad rows import nothing", async () => {
    const before = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2024},${ids.sy2025}`,
      )
    ).json();
    const exported = (await coordinator.request("GET", "/api/datavaluesets")).json();
    expect(exported.dataValues.length).toBeGreaterThan(4);
    await t.db.db.deleteFrom("data_value").execute();
    const bad = await coordinator.request("POST", "/api/datavaluesets?atomicMode=ALL", {
      dataValues: [
        ...exported.dataValues,
        { dataElement: "khong-co", period: "2025SY", orgUnit: "03390", value: "1" },
      ],
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().response.conflicts[0]).toMatchObject({
      errorCode: "E7610",
      indexes: [exported.dataValues.length],
    });
    // a school year goes out the way DHIS2 writes it, never as Lộ Trình's own code
    expect(exported.dataValues.some((d: { period: string }) => d.period === "2025Sep")).toBe(true);
    expect(exported.dataValues.some((d: { period: string }) => /SY/.test(d.period))).toBe(false);
    expect(await t.db.db.selectFrom("data_value").selectAll().execute()).toHaveLength(0);
    const again = await coordinator.request("POST", "/api/datavaluesets", exported);
    expect(again.json().response.importCount.imported).toBe(exported.dataValues.length);
    const after = (
      await coordinator.request(
        "GET",
        `/api/indicators/${ids.mg}/values?unitId=${ids.province}&periodIds=${ids.sy2024},${ids.sy2025}`,
      )
    ).json();
    expect(after.points).toEqual(before.points);
    expect((await binhLu.request("GET", "/api/datavaluesets")).statusCode).toBe(403);
  });

  it("targets: current value, status and trend; judged only with enough units reporting", async () => {
    // Bình Lư sends its (reopened) form again: its figures count in official totals
    const form = (await binhLu.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`)).json();
    const filled = form.fields.map((f: { elementId: number; category: string }) => ({
      elementId: f.elementId,
      category: f.category,
      value: f.category ? 0 : f.elementId === ids.mgNum ? 9 : f.elementId === ids.mgDen ? 10 : 1,
    }));
    const sent = await put(binhLu, ids.binhLu, ids.sy2025, form.status.version, filled, true);
    expect(sent.statusCode, sent.body).toBe(200);
    const res = (await coordinator.request("GET", "/api/targets")).json();
    const mg = res.targets.find(
      (x: { code: string; unit_name: string }) => x.code === "KH5272-02" && x.unit_name === "Tỉnh Lai Châu",
    );
    expect(mg.trend.map((p: { period: string }) => p.period)).toEqual(["2024SY", "2025SY"]);
    // 1 commune of 38 has sent 2025–2026 figures: the province target is not judged on it
    expect(mg.coverage).toEqual({ reported: 1, total: 38 });
    expect(mg.status).toBe("not_enough_data");
    // Bình Lư's submitted form put 1 of 1 in every field: 100 % meets "từ 65 % trở lên"
    const th = res.targets.find(
      (x: { code: string; unit_name: string }) => x.code === "NQ06-THPT" && x.unit_name === "Xã Bình Lư",
    );
    expect(th.current).toMatchObject({ value: 100, source: "entered", numerator: 1, denominator: 1 });
    expect(th.coverage).toEqual({ reported: 1, total: 1 });
    expect(th.status).toBe("achieved");
  });
});
