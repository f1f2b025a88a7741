import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("org_unit")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("code", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("valid_from", "date")
    .addColumn("valid_to", "date")
    .addColumn("is_sample", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      "org_unit_interval",
      sql`valid_to is null or valid_from is null or valid_from < valid_to`,
    )
    .execute();
  await db.schema.createIndex("org_unit_code_idx").on("org_unit").column("code").execute();

  await db.schema
    .createTable("org_unit_parent")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("child_id", "integer", (c) => c.notNull().references("org_unit.id").onDelete("cascade"))
    .addColumn("parent_id", "integer", (c) => c.notNull().references("org_unit.id").onDelete("cascade"))
    .addColumn("valid_from", "date")
    .addColumn("valid_to", "date")
    .addCheckConstraint("org_unit_parent_not_self", sql`child_id <> parent_id`)
    .execute();
  await db.schema.createIndex("org_unit_parent_child_idx").on("org_unit_parent").column("child_id").execute();
  await db.schema
    .createIndex("org_unit_parent_parent_idx")
    .on("org_unit_parent")
    .column("parent_id")
    .execute();

  await db.schema
    .createTable("org_unit_lineage")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("from_id", "integer", (c) => c.notNull().references("org_unit.id").onDelete("cascade"))
    .addColumn("to_id", "integer", (c) => c.notNull().references("org_unit.id").onDelete("cascade"))
    .addColumn("effective_on", "date", (c) => c.notNull())
    .addColumn("weight", sql`numeric(6,5)`, (c) => c.notNull().defaultTo(1))
    .addColumn("note", "text")
    .addCheckConstraint("org_unit_lineage_weight", sql`weight > 0 and weight <= 1`)
    .execute();

  await db.schema
    .createTable("org_unit_alias")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("org_unit.id").onDelete("cascade"))
    .addColumn("alias", "text", (c) => c.notNull())
    .addColumn("tone_key", "text", (c) => c.notNull())
    .addColumn("ascii_key", "text", (c) => c.notNull())
    .addUniqueConstraint("org_unit_alias_unique", ["unit_id", "alias"])
    .execute();
  await db.schema.createIndex("org_unit_alias_ascii_idx").on("org_unit_alias").column("ascii_key").execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("org_unit_id", "integer", (c) => c.references("org_unit.id"))
    .addColumn("is_demo", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("app_user_role", sql`role in ('admin','coordinator','officer','leader')`)
    .addCheckConstraint("app_user_officer_unit", sql`role <> 'officer' or org_unit_id is not null`)
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();

  await db.schema
    .createTable("reference_data")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("loaded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "reference_data",
    "audit_log",
    "user_session",
    "app_user",
    "org_unit_alias",
    "org_unit_lineage",
    "org_unit_parent",
    "org_unit",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
