import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_element")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("indicator")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull().defaultTo("higher"))
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("multiplier", "integer", (c) => c.notNull().defaultTo(100))
    .addColumn("numerator_id", "integer", (c) => c.references("data_element.id"))
    .addColumn("denominator_id", "integer", (c) => c.references("data_element.id"))
    .addColumn("element_id", "integer", (c) => c.references("data_element.id"))
    .addColumn("gross", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("breakdowns", "jsonb")
    .addColumn("source", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("indicator_type", sql`type in ('rate','count','units_meeting','yes_no')`)
    .addCheckConstraint("indicator_direction", sql`direction in ('higher','lower')`)
    .execute();

  await db.schema
    .createTable("period")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("start_date", "date", (c) => c.notNull())
    .addColumn("end_date", "date", (c) => c.notNull())
    .addColumn("cutoff_from", "date")
    .addColumn("cutoff_to", "date")
    .execute();

  await db.schema
    .createTable("data_value")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("element_id", "integer", (c) => c.notNull().references("data_element.id"))
    .addColumn("period_id", "integer", (c) => c.notNull().references("period.id"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("value", "numeric", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("is_sample", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("data_value_unique", ["element_id", "period_id", "org_unit_id"])
    .execute();

  // aggregation walks the map and looks values up unit by unit
  await db.schema
    .createIndex("data_value_unit_idx")
    .on("data_value")
    .columns(["org_unit_id", "period_id", "element_id"])
    .execute();

  await db.schema
    .createTable("reported_value")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("period_id", "integer", (c) => c.notNull().references("period.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "numeric", (c) => c.notNull())
    .addColumn("source", "text")
    .addUniqueConstraint("reported_value_unique", ["indicator_id", "org_unit_id", "period_id", "kind"])
    .execute();

  await db.schema
    .createTable("form_status")
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("period_id", "integer", (c) => c.notNull().references("period.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("reason", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("form_status_pk", ["org_unit_id", "period_id"])
    .addCheckConstraint("form_status_status", sql`status in ('draft','submitted','approved','returned')`)
    .execute();

  await db.schema
    .createTable("indicator_target")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("indicator_id", "integer", (c) => c.notNull().references("indicator.id"))
    .addColumn("org_unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("comparator", "text", (c) => c.notNull().defaultTo(">="))
    .addColumn("value", "numeric", (c) => c.notNull())
    .addColumn("due_year", "integer", (c) => c.notNull())
    .addColumn("recurring", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("baseline_value", "numeric")
    .addColumn("baseline_year", "integer")
    .addColumn("document_id", "integer", (c) => c.references("document.id").onDelete("set null"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "indicator_target",
    "form_status",
    "reported_value",
    "data_value",
    "period",
    "indicator",
    "data_element",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
