import type { Kysely } from "kysely";

/**
 * Figures from a plan's indicator table: a reported figure remembers the document it was read from
 * (re-importing the document replaces its figures, deleting the document keeps them), and a target
 * set by such a table remembers its row, so a re-import replaces the table's targets and leaves the
 * targets coordinators set by hand alone.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("reported_value")
    .addColumn("document_id", "integer", (c) => c.references("document.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("indicator_target").addColumn("source_row", "text").execute();
  await db.schema.createIndex("reported_value_document").on("reported_value").column("document_id").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("indicator_target").dropColumn("source_row").execute();
  await db.schema.alterTable("reported_value").dropColumn("document_id").execute();
}
