import { type Kysely, sql } from "kysely";

/**
 * Sets of bodies shared out: an occurrence led by a set ("UBND các xã, phường") gets one share per
 * member, itself an occurrence (same task, same label) with `share_of` → the parent and
 * `share_unit_id` → the member. Each share runs the ordinary state machine; the parent's state is
 * derived from its shares (domain/bodySets.ts) and counts once in every total.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("task_occurrence")
    .addColumn("share_of", "integer", (c) => c.references("task_occurrence.id").onDelete("cascade"))
    .addColumn("share_unit_id", "integer", (c) => c.references("org_unit.id"))
    .execute();
  await db.schema
    .alterTable("task_occurrence")
    .addCheckConstraint("task_occurrence_share", sql`(share_of is null) = (share_unit_id is null)`)
    .execute();
  // a label is unique among a task's own occurrences; shares repeat their parent's label
  await db.schema.alterTable("task_occurrence").dropConstraint("task_occurrence_label_unique").execute();
  await sql`create unique index task_occurrence_label_unique on task_occurrence (task_id, label)
    where share_of is null`.execute(db);
  await db.schema
    .createIndex("task_occurrence_share_unique")
    .on("task_occurrence")
    .columns(["share_of", "share_unit_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("task_occurrence_share_unit_idx")
    .on("task_occurrence")
    .column("share_unit_id")
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("task_occurrence").where("share_of", "is not", null).execute();
  await sql`drop index if exists task_occurrence_label_unique`.execute(db);
  await db.schema.dropIndex("task_occurrence_share_unique").ifExists().execute();
  await db.schema.dropIndex("task_occurrence_share_unit_idx").ifExists().execute();
  await db.schema
    .alterTable("task_occurrence")
    .addUniqueConstraint("task_occurrence_label_unique", ["task_id", "label"])
    .execute();
  await db.schema.alterTable("task_occurrence").dropConstraint("task_occurrence_share").execute();
  await db.schema.alterTable("task_occurrence").dropColumn("share_of").dropColumn("share_unit_id").execute();
}
