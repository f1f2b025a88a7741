import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { adxPeriodToDhis2, readDataValueSet } from "./readDataValueSet.ts";

/** ../shared/corpus beside the repository: DHIS2's own payloads. Absent on a bare clone; always there in CI. */
const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus");
const haveCorpus = fs.existsSync(CORPUS);
if (!haveCorpus) {
  if (process.env.CI) throw new Error(`CI: ../shared/corpus is missing (${CORPUS})`);
  console.warn(
    `[bỏ qua] Không thấy ../shared/corpus (${CORPUS}): các kiểm thử trên tệp DHIS2 thật bị bỏ qua.`,
  );
}
const corpus = (name: string) => fs.readFileSync(path.join(CORPUS, name), "utf8");

describe.skipIf(!haveCorpus)("DHIS2's own payloads", () => {
  it("the sample with comment null keeps every field", () => {
    const p = readDataValueSet(corpus("dhis2-dataValueSet-sample.json"));
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({
      dataElement: "f7n9E0hX8qk",
      period: "201201",
      orgUnit: "DiszpKrYNg8",
      value: "20",
      storedBy: "system",
      created: "1988-12-21T23:59:38.000+0000",
      lastUpdated: "1988-12-21T23:59:38.000+0000",
      comment: null,
      followup: false,
    });
  });

  it("a header with dataSet, period and orgUnit given once", () => {
    const p = readDataValueSet(corpus("dhis2/core-e2e-dataValues_single_dataset.json"));
    expect(p.header).toMatchObject({ dataSet: "VEM58nY22sO", completeDate: "2019-06-05" });
    expect(p.rows.map((r) => [r.period, r.orgUnit, r.categoryOptionCombo, r.attributeOptionCombo])).toEqual([
      ["201911", "O6uvpzGd5pu", "oPcWGgS2Liz", "HllvX50cXC0"],
      ["201911", "O6uvpzGd5pu", "rtfSaMjPyq6", "HllvX50cXC0"],
    ]);
  });

  it("the bulk per-value payload: 231 values, monthly and yearly", () => {
    const p = readDataValueSet(corpus("dhis2/core-e2e-dataValues_bulk.json"));
    expect(p.rows).toHaveLength(231);
    expect(p.rows.filter((r) => r.period === "201912")).toHaveLength(222);
    expect(p.rows.filter((r) => r.period === "2018")).toHaveLength(9);
  });

  it("CSV with every field quoted and empty combos", () => {
    const p = readDataValueSet(corpus("dhis2/core-dxf2-dataValueSetB.csv"), "dataValueSetB.csv");
    expect(p.format).toBe("csv");
    expect(p.rows).toHaveLength(12);
    expect(p.rows[0]).toMatchObject({
      index: 1,
      dataElement: "f7n9E0hX8qk",
      period: "201201",
      orgUnit: "DiszpKrYNg8",
      categoryOptionCombo: "",
      attributeOptionCombo: "",
      value: "10001",
      storedBy: "john",
      lastUpdated: "2012-01-01",
      comment: "comment",
      followup: false,
    });
  });

  it("DXF2 XML with the code scheme and the period and org unit at the root", () => {
    const p = readDataValueSet(corpus("dhis2/core-dxf2-dataValueSetACode.xml"));
    expect(p.format).toBe("xml");
    expect(p.header.idSchemes).toEqual({ idscheme: "code" });
    expect(p.rows.map((r) => [r.dataElement, r.period, r.orgUnit, r.value])).toEqual([
      ["DE_A", "201201", "OU_A", "10001"],
      ["DE_B", "201201", "OU_A", "10002"],
      ["DE_C", "201201", "OU_A", "10003"],
    ]);
  });

  it("DXF2 XML with three period kinds, one combo and one attribute combo", () => {
    const p = readDataValueSet(corpus("dhis2/core-dxf2-dataValueSetNonStrict.xml"));
    expect(p.rows.map((r) => r.period)).toEqual(["201201", "2012Q2", "2012"]);
    expect(p.rows[0]?.categoryOptionCombo).toBe("kjuiHgy67hg");
    expect(p.rows[1]?.attributeOptionCombo).toBe("Gad33qy67g5");
  });

  it("ADX: periods as start/duration, disaggregation as category attributes, annotations as comments", () => {
    const p = readDataValueSet(corpus("dhis2/core-adx-importA.adx.xml"));
    expect(p.format).toBe("adx");
    expect(p.rows[0]).toMatchObject({
      dataElement: "Malaria numeric",
      period: "202001",
      orgUnit: "123",
      categoryOptions: { Sex_category: "FFFFFFFFFFF", Age_category: "under555555" },
      value: "1",
    });
    expect(p.rows[2]?.categoryOptionCombo).toBe("FOver555555");
    expect(p.rows[4]?.comment).toBe("Text data value");
    const quarterly = p.rows.filter((r) => r.period === "2021Q1");
    expect(quarterly).toHaveLength(3);
    expect(quarterly[0]?.attributeOptions).toEqual({ Mechanism_category: "PEPFARRRRRR" });
    expect(quarterly[2]?.attributeOptionCombo).toBe("cocMcDonald");
  });

  it("the Android SDK's shapes: weekly periods, followup true, empty comments", () => {
    const weekly = readDataValueSet(corpus("dhis2/android-sdk-data_values_TaMAefItzgt.json"));
    expect(weekly.rows[0]).toMatchObject({ period: "2019W43", storedBy: "bodata1" });
    const mixed = readDataValueSet(corpus("dhis2/android-sdk-data_values_lyLU2wR22tC.json"));
    expect(mixed.rows.some((r) => r.followup === true)).toBe(true);
    expect(mixed.rows.map((r) => r.comment)).toEqual(expect.arrayContaining(["", "N/A", "Relevant comment"]));
  });
});

describe("payload shapes written here", () => {
  it("quoted CSV fields keep commas, quotes and line breaks; a file without a header uses DHIS2's order", () => {
    const p = readDataValueSet('de1,2025,OU1,,,"1,5","ann","2025-01-01","say ""hi"",\nthen",true\n', "x.csv");
    expect(p.rows[0]).toMatchObject({
      dataElement: "de1",
      value: "1,5",
      comment: 'say "hi",\nthen',
      followup: true,
    });
  });

  it("refuses DOCTYPE and entities (no billion laughs, no XXE) and says why in Vietnamese", () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><dataValueSet><dataValue value="&a;"/></dataValueSet>';
    expect(() => readDataValueSet(bomb)).toThrow(/DOCTYPE/);
  });

  it("refuses JSON without dataValues and broken JSON with different messages", () => {
    expect(() => readDataValueSet('{"dataValue": []}')).toThrow(/dataValues/);
    expect(() => readDataValueSet('{"dataValues": [')).toThrow(/cú pháp/);
  });

  it("ADX spans become DHIS2 identifiers", () => {
    expect(adxPeriodToDhis2("2020-01-01/P1M")).toBe("202001");
    expect(adxPeriodToDhis2("2021-01-01/P3M")).toBe("2021Q1");
    expect(adxPeriodToDhis2("2025-09-01/P1Y")).toBe("2025Sep");
    expect(adxPeriodToDhis2("2025-01-01/P1Y")).toBe("2025");
    expect(adxPeriodToDhis2("2025-04-01/P6M")).toBe("2025AprilS1");
    expect(adxPeriodToDhis2("2024-12-30/P7D")).toBe("2025W1");
    expect(adxPeriodToDhis2("2025-01-15/P1D")).toBe("20250115");
    expect(adxPeriodToDhis2("2025-01-02/P1M")).toBeNull();
    expect(adxPeriodToDhis2("2025-01")).toBeNull();
  });
});
