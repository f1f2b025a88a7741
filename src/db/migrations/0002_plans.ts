import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("document")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("identity_key", "text", (c) => c.notNull().unique())
    .addColumn("held", "boolean", (c) => c.notNull())
    .addColumn("doc_type", "text")
    .addColumn("number", "text")
    .addColumn("number_key", "text")
    .addColumn("issued_on", "date")
    .addColumn("date_text", "text")
    .addColumn("issuer_text", "text")
    .addColumn("issuer_unit_id", "integer", (c) => c.references("org_unit.id"))
    .addColumn("place", "text")
    .addColumn("title", "text")
    .addColumn("period_from", "integer")
    .addColumn("period_to", "integer")
    .addColumn("source_name", "text")
    .addColumn("source_format", "text")
    .addColumn("source_text", "text")
    .addColumn("source_hash", "text")
    .addColumn("warnings", "jsonb")
    .addColumn("imported_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("document_number_key_idx").on("document").column("number_key").execute();

  await db.schema
    .createTable("document_link")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("from_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("to_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("relation", "text", (c) => c.notNull())
    .addUniqueConstraint("document_link_unique", ["from_id", "to_id"])
    .addCheckConstraint("document_link_relation", sql`relation in ('implements','cites')`)
    .execute();

  await db.schema
    .createTable("plan_target")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("comparator", "text")
    .addColumn("comparator_text", "text")
    .addColumn("value", "numeric")
    .addColumn("unit", "text")
    .addColumn("year", "integer")
    .addColumn("school_year", "text")
    .addColumn("recurring", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("places", "jsonb")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("plan_task")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("group_ref", "text")
    .addColumn("group_title", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("timeframe_text", "text", (c) => c.notNull())
    .addColumn("timeframe", "jsonb", (c) => c.notNull())
    .addColumn("timeframe_kind", "text", (c) => c.notNull())
    .addColumn("due_on", "date")
    .addColumn("product", "text")
    .addColumn("note", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("plan_task_ref_unique", ["document_id", "ref"])
    .execute();
  await db.schema.createIndex("plan_task_due_idx").on("plan_task").column("due_on").execute();

  await db.schema
    .createTable("task_body")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("task_id", "integer", (c) => c.notNull().references("plan_task.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.references("org_unit.id"))
    .addColumn("set_kind", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addCheckConstraint("task_body_role", sql`role in ('lead','support')`)
    .execute();
  await db.schema.createIndex("task_body_task_idx").on("task_body").column("task_id").execute();
  await db.schema.createIndex("task_body_unit_idx").on("task_body").column("unit_id").execute();

  await db.schema
    .createTable("indicator_row")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("cascade"))
    .addColumn("ref", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("values", "jsonb", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["indicator_row", "task_body", "plan_task", "plan_target", "document_link", "document"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
