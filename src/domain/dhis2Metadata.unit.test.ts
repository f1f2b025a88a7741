import { describe, expect, it } from "vitest";
import { idSchemesOf, type LocalObject, matchObject, readDhis2Metadata } from "./dhis2Metadata.ts";

const units: LocalObject[] = [
  { key: 1, code: "03390", names: ["Bình Lư", "Xã Bình Lư"], current: true },
  { key: 2, code: null, names: ["Sơn Bình", "Xã Sơn Bình"], current: false },
  { key: 3, code: null, names: ["Xã Nậm Cuổi"], current: true },
  { key: 4, code: null, names: ["Xã Hoà Bình"], current: true },
  { key: 5, code: null, names: ["Xã Hòa Bình"], current: true },
  { key: 6, code: null, names: ["Xã Tân Phong"], current: false },
  { key: 7, code: null, names: ["Xã Tân Phong"], current: true },
];
const ou = (uid: string, name: string, code: string | null = null) =>
  ({ kind: "orgUnit", uid, code, name, path: `/${uid}` }) as const;

describe("matching a DHIS2 object to Lộ Trình's", () => {
  it("by code first (case-insensitive), then by name with tone placement; today's unit first", () => {
    expect(matchObject(ou("A0000000001", "Some other name", "03390"), units)).toMatchObject({
      key: 1,
      matchedBy: "code",
    });
    expect(matchObject(ou("A0000000002", "xã bình lư"), units)).toMatchObject({ key: 1, matchedBy: "name" });
    expect(matchObject(ou("A0000000003", "Sơn Bình"), units)).toMatchObject({ key: 2, matchedBy: "name" });
    expect(matchObject(ou("A0000000004", "Xã Tân Phong"), units)).toMatchObject({ key: 7 });
    // a code that matches nothing falls back to the name
    expect(matchObject(ou("A0000000005", "Xã Nậm Cuổi", "NOPE"), units)).toMatchObject({
      key: 3,
      matchedBy: "name",
    });
  });

  it("two candidates of one name leave it unmatched, saying why; an unknown name is unmatched", () => {
    const twice = matchObject(ou("A0000000006", "Xã Hoà Bình"), units);
    expect(twice).toMatchObject({ key: null, matchedBy: null });
    expect(twice.note).toContain("2 đối tượng cùng tên");
    expect(matchObject(ou("A0000000007", "Xã Nậm Cuối"), units)).toEqual({
      key: null,
      matchedBy: null,
      note: null,
    });
  });

  it("DHIS2's default combo is the whole figure, by its UID or its name", () => {
    const combo = (uid: string, name: string) =>
      ({ kind: "categoryOptionCombo", uid, code: null, name, path: null }) as const;
    expect(matchObject(combo("HllvX50cXC0", "whatever"), [])).toMatchObject({
      key: "",
      matchedBy: "default",
    });
    expect(matchObject(combo("bRowv6yZOF2", "default"), [])).toMatchObject({ key: "", matchedBy: "default" });
    expect(matchObject(combo("Gmbgme7z9BF", "Trained TBA, At PHU"), [])).toMatchObject({ key: null });
  });
});

describe("reading metadata", () => {
  it("takes the three kinds, combos inside categoryCombos too, and skips bare references", () => {
    const { metadata, refused } = readDhis2Metadata({
      system: { version: "2.41" },
      dataElements: [
        { id: "f7n9E0hX8qk", code: "DE_A", name: "A" },
        { id: "bad", name: "B" },
      ],
      categoryCombos: [
        { id: "m2jTvAj5kkm", name: "Births", categoryOptionCombos: [{ id: "Gmbgme7z9BF", name: "X" }] },
      ],
      organisationUnits: [
        { id: "DiszpKrYNg8", name: "Ngelehun CHC", path: "/a/DiszpKrYNg8", parent: { id: "YuQRtpLP10I" } },
      ],
      dataSets: [{ id: "pBOMPrpg1QX", name: "DS" }],
      categoryOptionCombosRef: [{ id: "x" }],
    });
    expect(metadata.systemVersion).toBe("2.41");
    expect(metadata.objects.map((o) => `${o.kind}:${o.uid}`)).toEqual([
      "dataElement:f7n9E0hX8qk",
      "orgUnit:DiszpKrYNg8",
      "categoryOptionCombo:Gmbgme7z9BF",
    ]);
    expect(metadata.objects[1]?.path).toBe("/a/DiszpKrYNg8");
    expect(refused).toEqual(["dataElement bad"]);
  });

  it("refuses a file with none of the three kinds", () => {
    expect(() => readDhis2Metadata({ dataSets: [] })).toThrow(/dataElements/);
    expect(() => readDhis2Metadata([])).toThrow(/đối tượng JSON/);
  });
});

describe("id schemes", () => {
  it("a kind's own scheme wins over idScheme, which wins over UID; ATTRIBUTE:<uid> as DHIS2 writes it", () => {
    expect(idSchemesOf({})).toEqual({ dataElement: "UID", orgUnit: "UID", categoryOptionCombo: "UID" });
    expect(idSchemesOf({ idScheme: "code", orgUnitIdScheme: "NAME" })).toEqual({
      dataElement: "CODE",
      orgUnit: "NAME",
      categoryOptionCombo: "CODE",
    });
    expect(idSchemesOf({ idScheme: "attribute:KAMBp9ciSgi", dataElementIdScheme: "UID" })).toEqual({
      dataElement: "UID",
      orgUnit: "ATTRIBUTE:KAMBp9ciSgi",
      categoryOptionCombo: "ATTRIBUTE:KAMBp9ciSgi",
    });
    // the attribute's UID is required and checked
    expect(() => idSchemesOf({ idScheme: "ATTRIBUTE:abc" })).toThrow(/UID của thuộc tính/);
    expect(() => idSchemesOf({ idScheme: "ATTRIBUTE:" })).toThrow(/UID của thuộc tính/);
    expect(() => idSchemesOf({ idScheme: "SHORTNAME" })).toThrow(/UID, CODE, NAME, ATTRIBUTE/);
  });

  it("reads each object's attribute values for ATTRIBUTE:<uid>", () => {
    const { metadata } = readDhis2Metadata({
      organisationUnits: [
        {
          id: "DiszpKrYNg8",
          name: "Ngelehun CHC",
          attributeValues: [
            { attribute: { id: "KAMBp9ciSgi" }, value: "MOH-0042" },
            { attribute: { id: "l1VmqIHKk6t" }, value: "" },
            { attribute: { id: "bad" }, value: "x" },
          ],
        },
      ],
    });
    expect(metadata.objects[0]?.attributes).toEqual({ KAMBp9ciSgi: "MOH-0042" });
  });
});
