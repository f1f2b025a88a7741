/**
 * Tests only: a DHIS2 instance's metadata describing Lộ Trình's own catalog and today's units, the way
 * a ministry system built from the same catalog would (its own UIDs; codes equal to Lộ Trình's for
 * elements and units; breakdown combos by their English names), so that matching by code and by name can be seen
 * to work and a stand-in DHIS2 server can hold what Lộ Trình pushes.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema.ts";
import { CATEGORY_OPTIONS } from "../../../domain/breakdowns.ts";
import type { StandInMetadata } from "./dhis2StandIn.ts";

/** A valid DHIS2 UID (letter + 10 alphanumerics) from a prefix and a number. */
export const uidOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(10, "0")}`.slice(0, 11);

export async function lotrinhAsDhis2(db: Kysely<Database>): Promise<StandInMetadata> {
  const [elements, units] = await Promise.all([
    db.selectFrom("data_element").select(["id", "code", "name"]).orderBy("id").execute(),
    db
      .selectFrom("org_unit")
      .select(["id", "code", "full_name"])
      .where("valid_to", "is", null)
      .where("kind", "in", ["province", "commune", "ward"])
      .orderBy("id")
      .execute(),
  ]);
  return {
    dataElements: elements.map((e) => ({ id: uidOf("E", e.id), code: e.code, name: `DHIS2 ${e.name}` })),
    organisationUnits: units.map((u) => ({
      id: uidOf("U", u.id),
      ...(u.code ? { code: u.code } : {}),
      name: u.full_name,
      path: `/${uidOf("U", u.id)}`,
      level: 1,
    })),
    // the default combo, and one combo per breakdown option under its English name
    categoryOptionCombos: [
      { id: "HllvX50cXC0", name: "default" },
      ...CATEGORY_OPTIONS.map((o, i) => ({ id: uidOf("C", i + 1), name: o.labelEn })),
    ],
  };
}
