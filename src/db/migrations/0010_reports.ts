import { type Kysely, sql } from "kysely";

/**
 * Reporting rounds: a coordinator asks bodies for their periodic report on a plan (kind, period, due
 * date); each asked body has one submission that moves pending → draft → submitted → returned/accepted.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report_round")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("document_id", "integer", (c) => c.notNull().references("document.id").onDelete("restrict"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("window_from", "date", (c) => c.notNull())
    .addColumn("window_to", "date", (c) => c.notNull())
    .addColumn("due_on", "date", (c) => c.notNull())
    .addColumn("level_unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("opened_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addCheckConstraint("report_round_kind", sql`kind in ('six_month','annual','review_mid','review_final')`)
    .addCheckConstraint("report_round_status", sql`status in ('open','closed')`)
    .execute();

  await db.schema
    .createTable("report_submission")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.notNull().references("report_round.id").onDelete("cascade"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("org_unit.id"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("content", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("number", "integer")
    .addColumn("issued_on", "date")
    .addColumn("signer", "text")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("submitted_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("reviewed_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("reason", "text")
    .addColumn("chased_at", "timestamptz")
    .addColumn("chase_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("scan_name", "text")
    .addColumn("scan_stored", "text")
    .addColumn("scan_mime", "text")
    .addColumn("scan_size", "integer")
    .addColumn("scan_sha256", "text")
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("report_submission_unit_unique", ["round_id", "unit_id"])
    .addCheckConstraint(
      "report_submission_status",
      sql`status in ('pending','draft','submitted','returned','accepted')`,
    )
    .execute();
  await db.schema
    .createIndex("report_submission_unit_idx")
    .on("report_submission")
    .column("unit_id")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_submission").ifExists().execute();
  await db.schema.dropTable("report_round").ifExists().execute();
}
