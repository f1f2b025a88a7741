import { type Kysely, sql } from "kysely";

/**
 * Sessions end after a time without use as well as at a fixed lifetime: `last_seen_at` is when the
 * session last made a request (written at most once a minute), checked against
 * LOTRINH_SESSION_IDLE_MINUTES; `expires_at` stays the absolute end (LOTRINH_SESSION_MAX_HOURS).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("user_session")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("user_session").dropColumn("last_seen_at").execute();
}
