import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { breakdownsOf } from "../domain/breakdowns.ts";

/** The catalog, with the names of the figures each indicator is computed from (for editing). */
export async function listIndicators(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("indicator as i")
    .leftJoin("data_element as n", "n.id", "i.numerator_id")
    .leftJoin("data_element as d", "d.id", "i.denominator_id")
    .leftJoin("data_element as e", "e.id", "i.element_id")
    .selectAll("i")
    .select(["n.name as numerator_name", "d.name as denominator_name", "e.name as element_name"])
    .orderBy("i.code")
    .execute();
  return rows.map((r) => ({ ...r, breakdowns: breakdownsOf(r.breakdowns) }));
}
