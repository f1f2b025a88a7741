import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let coordinator: Client;
let binhLu: Client;
let namCuoi: Client;
let ids: {
  province: number;
  binhLu: number;
  namCuoi: number;
  sy2025: number;
  mg: number;
  mgNum: number;
  mgDen: number;
};

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  const binhLuId = await unitIdByName(t.db, "Xã Bình Lư");
  const namCuoiId = await unitIdByName(t.db, "Xã Nậm Cuổi");
  binhLu = await signIn(t, "canbo.binhlu", "officer", binhLuId);
  namCuoi = await signIn(t, "canbo.namcuoi", "officer", namCuoiId);
  const db = t.db.db;
  const mg = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  ids = {
    province: (
      await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
    ).id,
    binhLu: binhLuId,
    namCuoi: namCuoiId,
    sy2025: (
      await db.selectFrom("period").select("id").where("code", "=", "2025SY").executeTakeFirstOrThrow()
    ).id,
    mg: mg.id,
    mgNum: mg.numerator_id as number,
    mgDen: mg.denominator_id as number,
  };
});
afterAll(() => t.close());

async function save(
  c: Client,
  unit: number,
  values: { elementId: number; category?: string; value: number }[],
) {
  const form = (await c.request("GET", `/api/forms/${unit}/${ids.sy2025}`)).json();
  return c.request("PUT", `/api/forms/${unit}/${ids.sy2025}`, {
    version: form.status.version,
    values: values.map((v) => ({ comment: null, category: "", ...v })),
  });
}

const values = (c: Client, q: string) => c.request("GET", `/api/indicators/${ids.mg}/values?${q}`);

describe("breakdowns", () => {
  it("the form asks for girls and ethnic minority children under each figure of an enrolment rate", async () => {
    const form = (await binhLu.request("GET", `/api/forms/${ids.binhLu}/${ids.sy2025}`)).json();
    const codes = form.fields.map((f: { code: string }) => f.code);
    const at = codes.indexOf("so-tre-mau-giao-den-truong");
    expect(codes.slice(at, at + 3)).toEqual([
      "so-tre-mau-giao-den-truong",
      "so-tre-mau-giao-den-truong/sex.female",
      "so-tre-mau-giao-den-truong/ethnic.minority",
    ]);
    expect(form.fields[at + 1].name).toBe("Số trẻ mẫu giáo đến trường — trong đó: nữ");
    const rooms = form.fields.filter((f: { code: string }) => f.code.startsWith("so-phong-hoc-kien-co"));
    expect(rooms.map((f: { name: string }) => f.name)).toEqual([
      "Số phòng học kiên cố",
      "Số phòng học kiên cố — Mầm non",
      "Số phòng học kiên cố — Tiểu học",
      "Số phòng học kiên cố — THCS",
      "Số phòng học kiên cố — THPT",
    ]);
  });

  it("refuses girls above the whole, and a category the element does not have", async () => {
    const res = await save(binhLu, ids.binhLu, [
      { elementId: ids.mgNum, value: 9 },
      { elementId: ids.mgDen, value: 10 },
      { elementId: ids.mgNum, category: "sex.female", value: 12 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(
      "Số trẻ mẫu giáo đến trường — trong đó: nữ: 12 lớn hơn tổng số (9).",
    );
    const foreign = await save(binhLu, ids.binhLu, [
      { elementId: ids.mgNum, category: "level.primary", value: 1 },
    ]);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain("không thuộc biểu");
  });

  // the forms stay drafts here (so the exchange below may still change them): totals are read with drafts
  it("sums each breakdown up the map on its own: girls 4/5 and 1/50 make 9,1 % for the province", async () => {
    expect(
      (
        await save(binhLu, ids.binhLu, [
          { elementId: ids.mgNum, value: 9 },
          { elementId: ids.mgDen, value: 10 },
          { elementId: ids.mgNum, category: "sex.female", value: 4 },
          { elementId: ids.mgDen, category: "sex.female", value: 5 },
        ])
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await save(namCuoi, ids.namCuoi, [
          { elementId: ids.mgNum, value: 1 },
          { elementId: ids.mgDen, value: 100 },
          { elementId: ids.mgNum, category: "sex.female", value: 1 },
          { elementId: ids.mgDen, category: "sex.female", value: 50 },
        ])
      ).statusCode,
    ).toBe(200);
    const girls = (
      await values(
        coordinator,
        `unitId=${ids.province}&periodIds=${ids.sy2025}&category=sex.female&drafts=true`,
      )
    ).json();
    expect(girls.points).toEqual([expect.objectContaining({ numerator: 5, denominator: 55 })]);
    expect(girls.points[0].value).toBeCloseTo(9.0909, 3);
    const all = (
      await values(coordinator, `unitId=${ids.province}&periodIds=${ids.sy2025}&drafts=true`)
    ).json();
    expect(all.points).toEqual([expect.objectContaining({ numerator: 10, denominator: 110 })]);
    const byCommune = (
      await values(
        coordinator,
        `unitId=${ids.province}&periodIds=${ids.sy2025}&children=true&category=sex.female&drafts=true`,
      )
    ).json();
    expect(
      byCommune.points.map((p: { unitId: number; value: number }) => [p.unitId, p.value]).sort(),
    ).toEqual(
      [
        [ids.binhLu, 80],
        [ids.namCuoi, 2],
      ].sort(),
    );
    const wrong = await values(
      coordinator,
      `unitId=${ids.province}&periodIds=${ids.sy2025}&category=level.primary`,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain("không có phân tổ");
  });

  it("moves breakdowns through DHIS2 dataValueSets as categoryOptionCombo", async () => {
    const admin = await signIn(t, "quantri", "admin");
    const out = (await admin.request("GET", "/api/datavaluesets?period=2025SY")).json();
    const girls = out.dataValues.filter(
      (d: { categoryOptionCombo?: string }) => d.categoryOptionCombo === "sex.female",
    );
    expect(girls).toHaveLength(4);
    const bad = await admin.request("POST", "/api/datavaluesets", {
      dataValues: [{ ...girls[0], categoryOptionCombo: "level.primary" }],
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().response.conflicts[0]).toMatchObject({ errorCode: "E7614", object: "level.primary" });
    // the whole figures double with the girls, so "of which girls" never passes the whole (the import
    // runs the form's own checks)
    const elements = new Set(girls.map((d: { dataElement: string }) => d.dataElement));
    const both = out.dataValues.filter(
      (d: { dataElement: string; categoryOptionCombo?: string }) =>
        elements.has(d.dataElement) && (!d.categoryOptionCombo || d.categoryOptionCombo === "sex.female"),
    );
    const changed = await admin.request("POST", "/api/datavaluesets", {
      dataValues: both.map((d: { value: string }) => ({ ...d, value: String(Number(d.value) * 2) })),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = (
      await values(
        coordinator,
        `unitId=${ids.province}&periodIds=${ids.sy2025}&category=sex.female&drafts=true`,
      )
    ).json();
    expect(after.points).toEqual([expect.objectContaining({ numerator: 10, denominator: 110 })]);
  });
});
