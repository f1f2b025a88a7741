import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("app_user").addColumn("email", "text").execute();
  await db.schema
    .alterTable("plan_task")
    .addColumn("search_key", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("task_occurrence")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("task_id", "integer", (c) => c.notNull().references("plan_task.id").onDelete("cascade"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("period_year", "integer")
    .addColumn("due_on", "date")
    .addColumn("original_due_on", "date")
    .addColumn("state", "text", (c) => c.notNull().defaultTo("not_started"))
    .addColumn("percent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("completed_on", "date")
    .addColumn("confirmed_by", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("task_occurrence_label_unique", ["task_id", "label"])
    .addCheckConstraint(
      "task_occurrence_state",
      sql`state in ('not_started','in_progress','awaiting_confirmation','done','paused')`,
    )
    .addCheckConstraint("task_occurrence_percent", sql`percent between 0 and 100`)
    .execute();
  await db.schema.createIndex("task_occurrence_task_idx").on("task_occurrence").column("task_id").execute();
  await db.schema
    .createIndex("task_occurrence_due_idx")
    .on("task_occurrence")
    .columns(["state", "due_on"])
    .execute();

  await db.schema
    .createTable("occurrence_update")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("occurrence_id", "integer", (c) =>
      c.notNull().references("task_occurrence.id").onDelete("cascade"),
    )
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_unit_id", "integer", (c) => c.references("org_unit.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("percent", "integer")
    .addColumn("product", "text")
    .addColumn("links", "jsonb")
    .addColumn("due_before", "date")
    .addColumn("due_after", "date")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("occurrence_update_occ_idx")
    .on("occurrence_update")
    .column("occurrence_id")
    .execute();

  await db.schema
    .createTable("attachment")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("update_id", "integer", (c) =>
      c.notNull().references("occurrence_update.id").onDelete("cascade"),
    )
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("notification")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("occurrence_id", "integer", (c) => c.references("task_occurrence.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("read_at", "timestamptz")
    .addColumn("emailed_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("notification_user_idx")
    .on("notification")
    .columns(["user_id", "read_at"])
    .execute();

  await db.schema
    .createTable("email_digest")
    .addColumn("user_id", "integer", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("sent_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("email_digest_pk", ["user_id", "day"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["email_digest", "notification", "attachment", "occurrence_update", "task_occurrence"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable("plan_task").dropColumn("search_key").execute();
  await db.schema.alterTable("app_user").dropColumn("email").execute();
}
