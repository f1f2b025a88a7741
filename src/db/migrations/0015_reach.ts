import { type Kysely, sql } from "kysely";

/**
 * The public page is opt-in: an administrator names the plans and the targets anyone may see without
 * signing in. A row here means "public"; deleting the document or the target removes its row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("public_document")
    .addColumn("document_id", "integer", (c) => c.primaryKey().references("document.id").onDelete("cascade"))
    .addColumn("published_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("public_target")
    .addColumn("target_id", "integer", (c) =>
      c.primaryKey().references("indicator_target.id").onDelete("cascade"),
    )
    .addColumn("published_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("public_target").execute();
  await db.schema.dropTable("public_document").execute();
}
