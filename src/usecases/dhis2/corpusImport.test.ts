/**
 * Every DHIS2 payload of the shared corpus, imported after loading the metadata it refers to (and a
 * mapping an administrator would set): the values Lộ Trình can place land on the right element, unit,
 * period and breakdown; every other row is a DHIS2-style conflict naming its object and index.
 */

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { formDefinition } from "../../db/repositories/formRepository.ts";
import { openTestDb } from "../../db/testing.ts";
import { EDUCATION_LEVELS } from "../../domain/educationLevels.ts";
import type { Actor } from "../../domain/roles.ts";
import { importDataValueSets } from "../dataValueSets.ts";
import { importDhis2Metadata } from "./importDhis2Metadata.ts";

const CORPUS = path.resolve(process.cwd(), "../shared/corpus");
const read = (name: string) => fs.readFileSync(path.join(CORPUS, name), "utf8");
const json = (name: string) => JSON.parse(read(name)) as Record<string, unknown>;
const admin: Actor = { id: null, name: "Quản trị thử", role: "admin", orgUnitId: null };

let t: Db;
/** Commune-form elements: two plain counts, one with a "of which: girls" breakdown. */
let els: { a: number; b: number; sexed: number };
let binhLu: number;
let namCuoi: number;

/** What an administrator does on the mapping screen, done directly. */
async function mapTo(
  instance: string,
  kind: string,
  uid: string,
  target: { element?: number; unit?: number; category?: string },
) {
  const inst = await t.db
    .selectFrom("dhis2_instance")
    .select("id")
    .where("name", "=", instance)
    .executeTakeFirstOrThrow();
  const res = await t.db
    .updateTable("dhis2_mapping")
    .set({
      element_id: target.element ?? null,
      org_unit_id: target.unit ?? null,
      category: target.category ?? null,
      matched_by: "manual",
    })
    .where("instance_id", "=", inst.id)
    .where("kind", "=", kind as "dataElement")
    .where("uid", "=", uid)
    .executeTakeFirst();
  expect(Number(res.numUpdatedRows), `${kind} ${uid} in the metadata`).toBe(1);
}

async function valuesAt(unitId: number, periodCode: string) {
  const rows = await t.db
    .selectFrom("data_value as v")
    .innerJoin("period as p", "p.id", "v.period_id")
    .select(["v.element_id", "v.category", "v.value", "v.comment"])
    .where("v.org_unit_id", "=", unitId)
    .where("p.code", "=", periodCode)
    .orderBy("v.element_id")
    .orderBy("v.category")
    .execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

const importFile = (name: string, query: Record<string, string> = {}, instance = "corpus") => {
  const text = read(name);
  const body = name.endsWith(".json") ? JSON.parse(text) : text;
  return importDataValueSets(t.db, admin, body, { instance, ...query } as never, name);
};

beforeAll(async () => {
  t = await openTestDb();
  const def = await formDefinition(t.db, { entersAs: "commune", levels: [...EDUCATION_LEVELS] });
  const sexed = [...def.categories].find(([, cats]) => cats.includes("sex.female"));
  // a rate whose numerator and denominator have no breakdown (numerator ≤ denominator is checked)
  const plainRate = def.indicators.find(
    (i) =>
      i.type === "rate" &&
      i.numerator_id !== null &&
      i.denominator_id !== null &&
      !def.categories.has(i.numerator_id) &&
      !def.categories.has(i.denominator_id),
  );
  expect(sexed && plainRate).toBeTruthy();
  els = {
    a: plainRate?.denominator_id as number,
    b: plainRate?.numerator_id as number,
    sexed: (sexed as [number, string[]])[0],
  };
  const unit = (name: string) =>
    t.db
      .selectFrom("org_unit")
      .select("id")
      .where("full_name", "=", name)
      .where("valid_to", "is", null)
      .executeTakeFirstOrThrow();
  binhLu = (await unit("Xã Bình Lư")).id;
  namCuoi = (await unit("Xã Nậm Cuổi")).id;
  // the e2e suite's metadata, the Android SDK's three metadata files, and the Sierra Leone org units
  // both refer to (DHIS2's demo database; written here from their UIDs, names and paths)
  for (const file of [
    "dhis2/core-e2e-aggregate-metadata.json",
    "dhis2/android-sdk-meta-data_elements.json",
    "dhis2/android-sdk-meta-category_combos.json",
    "dhis2/android-sdk-meta-organisation_units.json",
  ])
    await importDhis2Metadata(t.db, admin, { name: "corpus", metadata: json(file) });
  await importDhis2Metadata(t.db, admin, {
    name: "corpus",
    metadata: {
      organisationUnits: [
        { id: "O6uvpzGd5pu", code: "OU_264", name: "Bo", path: "/ImspTQPwCqd/O6uvpzGd5pu" },
        { id: "BdfsJfj87js", name: "Rassin CHP", path: "/ImspTQPwCqd/O6uvpzGd5pu/BdfsJfj87js" },
      ],
      // DataExportServiceIntegrationTest.setUp's objects (built in Java there)
      dataElements: [
        { id: "f7n9E0hX8qk", code: "DE_A", name: "DataElementA" },
        { id: "Ix2HsbDMLea", code: "DE_B", name: "DataElementB" },
        { id: "eY5ehpbEsB7", code: "DE_C", name: "DataElementC" },
      ],
    },
  });
});
afterAll(() => t.close());

describe("the corpus, after its metadata", () => {
  it("lists what does not match Lộ Trình's catalog and map; the default combos match by rule", async () => {
    const rows = await t.db.selectFrom("dhis2_mapping").selectAll().execute();
    const unmatched = rows.filter((r) => r.matched_by === null);
    expect(rows.filter((r) => r.kind === "dataElement").length).toBe(75 + 6 + 3);
    expect(unmatched.length).toBeGreaterThan(80);
    const androidDefault = rows.find((r) => r.uid === "bRowv6yZOF2");
    expect(androidDefault).toMatchObject({ category: "", matched_by: "default" });
  });

  it("e2e bulk (per-value JSON): the mapped values land, every other row is a conflict", async () => {
    await mapTo("corpus", "orgUnit", "O6uvpzGd5pu", { unit: binhLu });
    await mapTo("corpus", "dataElement", "tpz77FcntKx", { element: els.a });
    await mapTo("corpus", "dataElement", "UH47dKFqTRK", { element: els.b });
    await mapTo("corpus", "dataElement", "dFaBg0HpoIL", { element: els.sexed });
    await mapTo("corpus", "categoryOptionCombo", "hF0pQZIn6Ch", { category: "" });
    await mapTo("corpus", "categoryOptionCombo", "oPcWGgS2Liz", { category: "sex.female" });
    const summary = await importFile("dhis2/core-e2e-dataValues_bulk.json");
    expect(summary.importCount).toEqual({ imported: 3, updated: 0, ignored: 228, deleted: 0 });
    expect(summary.status).toBe("WARNING");
    expect(await valuesAt(binhLu, "2018")).toEqual(
      [
        { element_id: els.a, category: "", value: 500000, comment: null },
        { element_id: els.b, category: "", value: 3000, comment: null },
        { element_id: els.sexed, category: "", value: 294948, comment: null },
      ].sort((x, y) => x.element_id - y.element_id),
    );
    const codes = new Set(summary.conflicts.map((c) => c.errorCode));
    // the mapped elements are yearly ones: the 222 monthly values are refused for their unmapped elements
    expect([...codes].sort()).toEqual(["E7610", "E7613", "LT7601"]);
    expect(summary.conflicts.flatMap((c) => c.indexes)).toHaveLength(228);
    // "of which: girls" 900 000 over the whole 294 948: the form's own check refuses that row alone
    const check = summary.conflicts.find((c) => c.errorCode === "LT7601");
    const bulk = json("dhis2/core-e2e-dataValues_bulk.json").dataValues as {
      value: string;
      categoryOptionCombo: string;
    }[];
    expect(check?.indexes.map((i) => bulk[i]?.value)).toEqual(["900000"]);
    const unmappedCombo = summary.conflicts.find((c) => c.errorCode === "E7613");
    expect(unmappedCombo).toMatchObject({ object: "rtfSaMjPyq6", property: "categoryOptionCombo" });
  });

  it("e2e single data set (header form, monthly): every value refused with its index, nothing written", async () => {
    await mapTo("corpus", "dataElement", "BjDrgVrkBI3", { element: els.sexed });
    await mapTo("corpus", "categoryOptionCombo", "rtfSaMjPyq6", { category: "" });
    const summary = await importFile("dhis2/core-e2e-dataValues_single_dataset.json");
    expect(summary.status).toBe("ERROR");
    expect(summary.importCount).toEqual({ imported: 0, updated: 0, ignored: 2, deleted: 0 });
    expect(summary.conflicts).toEqual([
      expect.objectContaining({ object: "201911", errorCode: "E7611", property: "period", indexes: [0, 1] }),
    ]);
    expect(await valuesAt(binhLu, "2019")).toEqual([]);
  });

  it("Android SDK (yearly and monthly, the SDK's own default AOC): comments, storedBy, followup kept", async () => {
    await mapTo("corpus", "orgUnit", "DiszpKrYNg8", { unit: namCuoi });
    await mapTo("corpus", "dataElement", "g9eOBujte1U", { element: els.a });
    await mapTo("corpus", "categoryOptionCombo", "Gmbgme7z9BF", { category: "" });
    const summary = await importFile("dhis2/android-sdk-data_values_lyLU2wR22tC.json");
    expect(summary.importCount).toEqual({ imported: 3, updated: 0, ignored: 3, deleted: 0 });
    expect(summary.conflicts.map((c) => [c.errorCode, c.object, c.indexes])).toEqual([
      ["E7611", "201907", [3, 4]],
      ["E7611", "201906", [5]],
    ]);
    expect(await valuesAt(namCuoi, "2016")).toEqual([
      { element_id: els.a, category: "", value: 11, comment: "Relevant comment" },
    ]);
    expect(await valuesAt(namCuoi, "2017")).toEqual([
      { element_id: els.a, category: "", value: 12, comment: null },
    ]);
    const meta = await t.db
      .selectFrom("dhis2_value_meta as m")
      .innerJoin("period as p", "p.id", "m.period_id")
      .select(["m.stored_by", "m.followup"])
      .where("m.org_unit_id", "=", namCuoi)
      .orderBy("p.code")
      .execute();
    expect(meta.map((m) => [m.stored_by, m.followup])).toEqual([
      ["android", false],
      ["bodata1", false],
      ["android", true],
    ]);
    expect(summary.kept).toEqual({ storedBy: 3, created: 3, lastUpdated: 3, followup: 1 });
    // the weekly file: its attribute option combo is not a default one, its period is weekly
    const weekly = await importFile("dhis2/android-sdk-data_values_TaMAefItzgt.json");
    expect(weekly.conflicts.map((c) => [c.errorCode, c.object])).toEqual([["E7611", "2019W43"]]);
  });

  it("DXF2 XML with idScheme=code at its root; CSV; non-strict XML; ADX; DHIS2's own sample", async () => {
    await mapTo("corpus", "dataElement", "eY5ehpbEsB7", { element: els.b });
    await mapTo("corpus", "orgUnit", "BdfsJfj87js", { unit: namCuoi });
    const code = await importFile("dhis2/core-dxf2-dataValueSetACode.xml");
    // read by code: DE_A, DE_B are not mapped; DE_C is, but its month has no Lộ Trình period
    expect(code.importOptions.idSchemes).toEqual({
      dataElement: "CODE",
      orgUnit: "CODE",
      categoryOptionCombo: "CODE",
    });
    expect(code.conflicts.map((c) => [c.errorCode, c.object])).toEqual([
      ["E7610", "DE_A"],
      ["E7610", "DE_B"],
      ["E7611", "201201"],
    ]);
    const csv = await importFile("dhis2/core-dxf2-dataValueSetB.csv");
    expect(csv.importCount.ignored).toBe(12);
    expect(csv.conflicts.flatMap((c) => c.indexes).sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
    const nonStrict = await importFile("dhis2/core-dxf2-dataValueSetNonStrict.xml");
    expect(nonStrict.importCount).toMatchObject({ imported: 1, ignored: 2 });
    expect(nonStrict.conflicts.map((c) => [c.errorCode, c.object])).toEqual([
      ["E7610", "f7n9E0hX8qk"],
      ["E7610", "Ix2HsbDMLea"],
    ]);
    expect(await valuesAt(namCuoi, "2012")).toEqual([
      { element_id: els.b, category: "", value: 10003, comment: "comment" },
    ]);
    const adx = await importFile("dhis2/core-adx-importA.adx.xml");
    expect(adx.importCount.imported).toBe(0);
    expect(adx.conflicts.every((c) => c.errorCode === "E7610")).toBe(true);
    expect(adx.conflicts.flatMap((c) => c.indexes)).toHaveLength(9);
    const sample = await importFile("dhis2-dataValueSet-sample.json");
    expect(sample.conflicts).toEqual([
      expect.objectContaining({ errorCode: "E7610", object: "f7n9E0hX8qk" }),
    ]);
  });
});
