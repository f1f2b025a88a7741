import type { Kysely } from "kysely";

/**
 * Forms ask a unit only for what applies to it. `data_element.education_levels`: the levels (cấp học)
 * an element is about (jsonb list; [] = none in particular, asked of every unit of its entry level;
 * null = not yet decided — the catalog loader fills it from the names, administrators change it).
 * `org_unit.education_levels`: the levels a school teaches (null = read from its name).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("data_element").addColumn("education_levels", "jsonb").execute();
  await db.schema.alterTable("org_unit").addColumn("education_levels", "jsonb").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("org_unit").dropColumn("education_levels").execute();
  await db.schema.alterTable("data_element").dropColumn("education_levels").execute();
}
