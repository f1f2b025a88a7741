import { type Kysely, sql } from "kysely";

/**
 * Idempotency keys for sends that a phone may repeat (a form saved offline, a progress report queued
 * while the link was down): the key a person's device chose, the request it was for, and the answer
 * the first send got. The key row is written in the same transaction as the change it guards, so a
 * second send with the same key either waits for the first (PostgreSQL's unique index) and then reads
 * its answer, or — when the first failed and rolled back — runs as if it were the first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("idempotent_request")
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request", "text", (c) => c.notNull())
    .addColumn("response", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("idempotent_request_pk", ["user_id", "key"])
    .execute();
  await db.schema
    .createIndex("idempotent_request_created")
    .on("idempotent_request")
    .column("created_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("idempotent_request").execute();
}
