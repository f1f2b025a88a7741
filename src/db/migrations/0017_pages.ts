import type { Kysely } from "kysely";

/**
 * Indexes for the pages leaders and coordinators open at national size (bench:pages), where EXPLAIN
 * showed sequential scans:
 * - `unit_ancestry (ancestor_id)`: the units under a target's unit (its coverage), read from the
 *   closure by ancestor — the primary key leads with unit_id.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("unit_ancestry_ancestor_idx")
    .on("unit_ancestry")
    .columns(["ancestor_id", "unit_id"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("unit_ancestry_ancestor_idx").ifExists().execute();
}
