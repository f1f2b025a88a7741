/**
 * /api/dataValueSets as a DHIS2 client calls it (and /api/datavaluesets, the same): id schemes
 * through an instance's mappings, dryRun, importStrategy, atomicMode, the header shape and CSV,
 * DHIS2's WebMessage with its ImportSummary, periods in DHIS2's syntax both ways; and the mapping
 * screen's routes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotrinhAsDhis2, uidOf } from "../usecases/dhis2/testing/lotrinhAsDhis2.ts";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";

let t: TestApp;
let admin: Client;
let coordinator: Client;
let unit: string;
let de: { num: string; den: string; numId: number; denId: number };

const valuesAt = async (periodCode: string) =>
  (
    await t.db.db
      .selectFrom("data_value as v")
      .innerJoin("period as p", "p.id", "v.period_id")
      .select(["v.element_id", "v.category", "v.value", "v.comment"])
      .where("v.org_unit_id", "=", Number(unit.slice(1)))
      .where("p.code", "=", periodCode)
      .orderBy("v.element_id")
      .orderBy("v.category")
      .execute()
  ).map((v) => ({ ...v, value: Number(v.value) }));

beforeAll(async () => {
  t = await createTestApp(new Date("2026-03-01T03:00:00Z"));
  admin = await signIn(t, "quantri", "admin");
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  const loaded = await admin.request("POST", "/api/dhis2/metadata", {
    name: "Bộ GD&ĐT",
    url: "https://emis.example.org",
    metadata: await lotrinhAsDhis2(t.db.db),
  });
  expect(loaded.statusCode, loaded.body).toBe(200);
  const binhLu = await unitIdByName(t.db, "Xã Bình Lư");
  unit = uidOf("U", binhLu);
  const ind = await t.db.db
    .selectFrom("indicator as i")
    .innerJoin("data_element as n", "n.id", "i.numerator_id")
    .innerJoin("data_element as d", "d.id", "i.denominator_id")
    .select(["n.id as numId", "d.id as denId"])
    .where("i.code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  de = { ...ind, num: uidOf("E", ind.numId), den: uidOf("E", ind.denId) };
});
afterAll(() => t.close());

describe("/api/dataValueSets, the DHIS2 way", () => {
  it("the header shape (dataSet/period/orgUnit once), UIDs, a school year as 2025Sep; dryRun writes nothing", async () => {
    const body = {
      dataSet: "pBOMPrpg1QX",
      period: "2025Sep",
      orgUnit: unit,
      dataValues: [
        { dataElement: de.num, value: "45", comment: null, storedBy: "dhis2user", followup: true },
        {
          dataElement: de.den,
          value: "50",
          attributeOptionCombo: "HllvX50cXC0",
          categoryOptionCombo: "HllvX50cXC0",
        },
        { dataElement: de.num, categoryOptionCombo: uidOf("C", 1), value: "20" },
      ],
    };
    const dry = await coordinator.request("POST", "/api/dataValueSets?dryRun=true", body);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().response).toMatchObject({
      status: "SUCCESS",
      importCount: { imported: 3, updated: 0, ignored: 0, deleted: 0 },
      importOptions: { dryRun: true, instance: "Bộ GD&ĐT" },
    });
    expect(await valuesAt("2025SY")).toEqual([]);
    const real = await coordinator.request("POST", "/api/dataValueSets", body);
    expect(real.json().response.importCount).toEqual({ imported: 3, updated: 0, ignored: 0, deleted: 0 });
    expect(await valuesAt("2025SY")).toEqual([
      { element_id: de.numId, category: "", value: 45, comment: null },
      { element_id: de.numId, category: "sex.female", value: 20, comment: null },
      { element_id: de.denId, category: "", value: 50, comment: null },
    ]);
  });

  it("both paths export the same, in DHIS2's terms, with storedBy and followup given back", async () => {
    const a = await coordinator.request("GET", `/api/dataValueSets?period=2025Sep&orgUnit=${unit}`);
    const b = await coordinator.request("GET", `/api/datavaluesets?period=2025SY&orgUnit=${unit}`);
    expect(a.statusCode).toBe(200);
    expect(a.json()).toEqual(b.json());
    const values = a.json().dataValues;
    expect(values.map((v: { period: string }) => v.period)).toEqual(["2025Sep", "2025Sep", "2025Sep"]);
    expect(
      values.find(
        (v: { dataElement: string; categoryOptionCombo?: string }) =>
          v.dataElement === de.num && !v.categoryOptionCombo,
      ),
    ).toMatchObject({
      orgUnit: unit,
      value: "45",
      storedBy: "dhis2user",
      followup: true,
    });
    const byCode = await coordinator.request(
      "GET",
      `/api/dataValueSets?period=2025Sep&orgUnit=${unit}&idScheme=CODE`,
    );
    const codes = await t.db.db
      .selectFrom("data_element")
      .select("code")
      .where("id", "in", [de.numId, de.denId])
      .execute();
    expect(new Set(byCode.json().dataValues.map((v: { dataElement: string }) => v.dataElement))).toEqual(
      new Set(codes.map((c) => c.code)),
    );
  });

  it("importStrategy: CREATE leaves existing values, UPDATE leaves new ones, DELETE removes; all counted", async () => {
    const send = (strategy: string, values: { dataElement: string; value: string }[]) =>
      coordinator.request("POST", `/api/dataValueSets?importStrategy=${strategy}`, {
        period: "2025",
        orgUnit: unit,
        dataValues: values,
      });
    const created = await send("CREATE", [{ dataElement: de.den, value: "70" }]);
    expect(created.json().response.importCount).toEqual({ imported: 1, updated: 0, ignored: 0, deleted: 0 });
    const again = await send("CREATE", [
      { dataElement: de.den, value: "80" },
      { dataElement: de.num, value: "60" },
    ]);
    expect(again.json().response.importCount).toEqual({ imported: 1, updated: 0, ignored: 1, deleted: 0 });
    expect((await valuesAt("2025")).map((v) => v.value)).toEqual([60, 70]);
    const updateOnly = await coordinator.request("POST", "/api/dataValueSets?importStrategy=update", {
      orgUnit: unit,
      dataValues: [
        { dataElement: de.num, period: "2025", value: "65" },
        { dataElement: de.num, period: "2025Q1", value: "5" },
      ],
    });
    expect(updateOnly.json().response.importCount).toEqual({
      imported: 0,
      updated: 1,
      ignored: 1,
      deleted: 0,
    });
    const removed = await coordinator.request("POST", "/api/dataValueSets?importStrategy=DELETE", {
      orgUnit: unit,
      dataValues: [
        { dataElement: de.num, period: "2025", value: "65" },
        { dataElement: de.num, period: "2025Q1", value: "1" },
      ],
    });
    expect(removed.json().response.importCount).toMatchObject({ deleted: 1, ignored: 1 });
    expect((await valuesAt("2025")).map((v) => v.value)).toEqual([70]);
    expect(await valuesAt("2025Q1")).toEqual([]);
  });

  it("atomicMode: NONE keeps the good rows and reports the bad ones; ALL keeps nothing", async () => {
    const body = {
      orgUnit: unit,
      dataValues: [
        { dataElement: de.den, period: "2026", value: "100" },
        { dataElement: de.den, period: "2026S2", value: "1" },
        { dataElement: de.den, period: "202601", value: "1" },
        { dataElement: de.den, period: "2026W3", value: "1" },
        { dataElement: "khongCoAAAA", period: "2026", value: "1" },
        { dataElement: de.num, period: "2026", value: "1", attributeOptionCombo: "Gad33qy67g5" },
        { dataElement: de.num, period: "2026", value: "15,5" },
        { dataElement: de.den, period: "2026Q2", value: "1,234,567" },
      ],
    };
    const all = await coordinator.request("POST", "/api/dataValueSets?atomicMode=ALL", body);
    expect(all.statusCode).toBe(409);
    expect(all.json()).toMatchObject({ httpStatusCode: 409, status: "ERROR", response: { status: "ERROR" } });
    expect(await valuesAt("2026")).toEqual([]);
    const none = await coordinator.request("POST", "/api/dataValueSets", body);
    expect(none.statusCode).toBe(409);
    const summary = none.json().response;
    expect(summary.status).toBe("WARNING");
    expect(summary.importCount).toEqual({ imported: 1, updated: 0, ignored: 7, deleted: 0 });
    const byIndex = Object.fromEntries(
      summary.conflicts.flatMap((c: { indexes: number[]; errorCode: string }) =>
        c.indexes.map((i) => [i, c.errorCode]),
      ),
    );
    expect(byIndex).toEqual({
      1: "E7611",
      2: "E7611",
      3: "E7611",
      4: "E7610",
      5: "E7615",
      6: "LT7601",
      7: "E7619",
    });
    expect(summary.conflicts.find((c: { errorCode: string }) => c.errorCode === "LT7601").value).toContain(
      "phải là số nguyên",
    );
    expect(await valuesAt("2026")).toEqual([
      { element_id: de.denId, category: "", value: 100, comment: null },
    ]);
  });

  it("CSV with DHIS2's header, and by NAME; bad id schemes and bodies are refused with a reason", async () => {
    const names = await t.db.db
      .selectFrom("dhis2_mapping")
      .select(["uid", "name"])
      .where("uid", "in", [de.den, unit])
      .execute();
    const nameOf = (uid: string) => names.find((n) => n.uid === uid)?.name as string;
    const csv = `dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,timestamp,comment,followup\n"${nameOf(de.den)}",2027,"${nameOf(unit)}",,,33,john,2027-01-01,"có, dấu phẩy",false\n`;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/dataValueSets?idScheme=NAME",
      headers: { cookie: coordinator.cookie, "x-csrf-token": coordinator.csrf, "content-type": "text/csv" },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await valuesAt("2027")).toEqual([
      { element_id: de.denId, category: "", value: 33, comment: "có, dấu phẩy" },
    ]);
    const attribute = await coordinator.request("POST", "/api/dataValueSets?idScheme=ATTRIBUTE:abc", {
      dataValues: [],
    });
    // ATTRIBUTE:<uid> is a scheme (attributeScheme.test.ts); its attribute must be a UID
    expect(attribute.statusCode).toBe(400);
    expect(attribute.json().message).toContain("UID của thuộc tính");
    const unknown = await coordinator.request("POST", "/api/dataValueSets?idScheme=SHORTNAME", {
      dataValues: [],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain("UID, CODE, NAME, ATTRIBUTE");
    const noValues = await coordinator.request("POST", "/api/dataValueSets", { dataSet: "x" });
    expect(noValues.statusCode).toBe(400);
    expect(noValues.json().message).toContain("dataValues");
  });
});

describe("the mapping screen's routes", () => {
  it("lists mappings with their Lộ Trình objects; a manual change is versioned, audited and kept on reload", async () => {
    const list = (await admin.request("GET", "/api/dhis2/mappings")).json();
    expect(list.instance.name).toBe("Bộ GD&ĐT");
    const female = list.mappings.find((m: { uid: string }) => m.uid === uidOf("C", 1));
    expect(female).toMatchObject({ kind: "categoryOptionCombo", category: "sex.female", matchedBy: "name" });
    const changed = await admin.request("PUT", `/api/dhis2/mappings/${female.id}`, {
      version: female.version,
      target: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await admin.request("PUT", `/api/dhis2/mappings/${female.id}`, {
      version: female.version,
      target: "sex.female",
    });
    expect(stale.statusCode).toBe(409);
    const wrong = await admin.request("PUT", `/api/dhis2/mappings/${female.id}`, {
      version: female.version + 1,
      target: "khong.co",
    });
    expect(wrong.statusCode).toBe(400);
    // loading the metadata again keeps the hand-made (un)mapping
    await admin.request("POST", "/api/dhis2/metadata", {
      name: "Bộ GD&ĐT",
      metadata: await lotrinhAsDhis2(t.db.db),
    });
    const after = (await admin.request("GET", "/api/dhis2/mappings")).json();
    expect(after.mappings.find((m: { id: number }) => m.id === female.id)).toMatchObject({
      category: null,
      matchedBy: "manual",
    });
    const audit = await t.db.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "dhis2.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["dhis2.metadata", "dhis2.mapping", "dhis2.metadata"]);
    // girls' figures now have no DHIS2 combo: they are left out of an export, and said so
    const out = (
      await coordinator.request("GET", `/api/dataValueSets?period=2025Sep&orgUnit=${unit}`)
    ).json();
    expect(out.leftOut).toEqual({ count: 1, reasons: { "phân tổ sex.female chưa ánh xạ": 1 } });
    expect((await coordinator.request("GET", "/api/dhis2/mappings")).statusCode).toBe(403);
  });
});
