import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { breakdownsOf } from "../domain/breakdowns.ts";
import { educationLevelsOf } from "../domain/educationLevels.ts";

/** The catalog, with the names of the figures each indicator is computed from (for editing). */
export async function listIndicators(db: Kysely<Database>) {
  const rows = await db
    .selectFrom("indicator as i")
    .leftJoin("data_element as n", "n.id", "i.numerator_id")
    .leftJoin("data_element as d", "d.id", "i.denominator_id")
    .leftJoin("data_element as e", "e.id", "i.element_id")
    .selectAll("i")
    .select(["n.name as numerator_name", "d.name as denominator_name", "e.name as element_name"])
    .select((eb) => [
      eb.fn.coalesce("e.value_kind", "n.value_kind").as("value_kind"),
      eb.fn.coalesce("e.min_value", "n.min_value").as("min_value"),
      eb.fn.coalesce("e.max_value", "n.max_value").as("max_value"),
      eb.fn.coalesce("e.education_levels", "n.education_levels").as("education_levels"),
    ])
    .orderBy("i.code")
    .execute();
  // the plans' own figures for the next school year (5272/KH-UBND: "Chỉ tiêu năm học 2025-2026")
  const planned = await db
    .selectFrom("reported_value as r")
    .innerJoin("period as p", "p.id", "r.period_id")
    .innerJoin("org_unit as u", "u.id", "r.org_unit_id")
    .select(["r.indicator_id", "r.value", "r.source", "p.name as period_name", "u.full_name as unit_name"])
    .where("r.kind", "=", "target")
    .execute();
  return rows.map((r) => ({
    ...r,
    min_value: r.min_value === null ? null : Number(r.min_value),
    max_value: r.max_value === null ? null : Number(r.max_value),
    breakdowns: breakdownsOf(r.breakdowns),
    /** The levels its figures are about ([] = none in particular); schools are asked only for theirs. */
    education_levels: educationLevelsOf(r.education_levels),
    planned: planned
      .filter((p) => p.indicator_id === r.id)
      .map((p) => ({
        value: Number(p.value),
        period: p.period_name,
        unit: p.unit_name,
        source: p.source,
      })),
  }));
}
