/**
 * DHIS2's ATTRIBUTE:<uid> id scheme: objects named by their value of an attribute (read from the
 * metadata's attributeValues), on import and on export; a value no object carries is a conflict.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { openTestDb } from "../../db/testing.ts";
import type { Actor } from "../../domain/roles.ts";
import { exportDataValueSets, importDataValueSets } from "../dataValueSets.ts";
import { importDhis2Metadata } from "./importDhis2Metadata.ts";
import { lotrinhAsDhis2, uidOf } from "./testing/lotrinhAsDhis2.ts";

const admin: Actor = { id: null, name: "Quản trị thử", role: "admin", orgUnitId: null };
const MOH = "KAMBp9ciSgi";
let t: Db;
let element: string;

beforeAll(async () => {
  t = await openTestDb();
  const metadata = await lotrinhAsDhis2(t.db);
  const unit = await t.db
    .selectFrom("org_unit")
    .select("id")
    .where("full_name", "=", "Xã Bình Lư")
    .where("valid_to", "is", null)
    .executeTakeFirstOrThrow();
  const withAttribute = {
    ...metadata,
    organisationUnits: metadata.organisationUnits.map((u) =>
      u.id === uidOf("U", unit.id)
        ? { ...u, attributeValues: [{ attribute: { id: MOH }, value: "MOH-BL-01" }] }
        : u,
    ),
  };
  await importDhis2Metadata(t.db, admin, { name: "bo", metadata: withAttribute });
  const den = await t.db
    .selectFrom("indicator as i")
    .innerJoin("data_element as d", "d.id", "i.denominator_id")
    .select("d.id")
    .where("i.code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  element = uidOf("E", den.id);
});
afterAll(() => t.close());

describe("ATTRIBUTE:<uid> id scheme", () => {
  it("imports by the attribute's value, refuses a value no unit carries, exports by it", async () => {
    const r = await importDataValueSets(
      t.db,
      admin,
      {
        dataValues: [
          { dataElement: element, period: "2025", orgUnit: "MOH-BL-01", value: "70" },
          { dataElement: element, period: "2025", orgUnit: "MOH-XX-99", value: "71" },
        ],
      },
      { orgUnitIdScheme: `ATTRIBUTE:${MOH}` },
    );
    expect(r.importCount).toMatchObject({ imported: 1, ignored: 1 });
    expect(r.conflicts).toEqual([expect.objectContaining({ object: "MOH-XX-99", indexes: [1] })]);
    expect(r.importOptions.idSchemes.orgUnit).toBe(`ATTRIBUTE:${MOH}`);
    const out = await exportDataValueSets(t.db, { period: "2025", orgUnitIdScheme: `ATTRIBUTE:${MOH}` });
    expect(out.dataValues.map((v) => [v.orgUnit, v.dataElement, v.value])).toEqual([
      ["MOH-BL-01", element, "70"],
    ]);
    // by UID the same value is named by the unit's UID
    const byUid = await exportDataValueSets(t.db, { period: "2025" });
    expect(byUid.dataValues.map((v) => v.orgUnit)).not.toContain("MOH-BL-01");
  });
});
