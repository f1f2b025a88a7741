import { type Kysely, sql } from "kysely";

/**
 * History that stays history, and a state machine without holes.
 *
 * - `occurrence_update.on_date`: the day (Vietnam, from the server's clock) a change was made, and
 *   `state_before`/`state_after`: the state it moved the occurrence between — the timeline from which
 *   "as of D" reads the state, the deadline (extensions keep due_before/due_after) of any past day.
 * - `task_occurrence.confirmed_on`: the day a coordinator confirmed completion; "done as of D" is
 *   confirmed_on <= D, so a confirmation given later does not rewrite an earlier day.
 * - `task_occurrence.resume_state`: while paused, the state the pause interrupted (a pending proposal
 *   is given back on resume instead of being lost).
 * - `task_lead_change`: every reassignment of a task's lead bodies with the day it took effect, so the
 *   scoreboard of a past day counts each occurrence under the bodies that led it then.
 *
 * Existing rows are filled from what is known: the day of created_at in Vietnam; the state each kind
 * of entry leads to (a resume whose previous state is unknown counts as in progress — open either way).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("occurrence_update")
    .addColumn("on_date", "date")
    .addColumn("state_before", "text")
    .addColumn("state_after", "text")
    .execute();
  await sql`update occurrence_update
    set on_date = (created_at at time zone 'Asia/Ho_Chi_Minh')::date,
        state_after = case kind
          when 'propose_done' then 'awaiting_confirmation'
          when 'confirm' then 'done'
          when 'return' then 'in_progress'
          when 'pause' then 'paused'
          when 'resume' then 'in_progress'
          else null end`.execute(db);
  await sql`alter table occurrence_update alter column on_date set not null`.execute(db);
  await db.schema
    .createIndex("occurrence_update_history_idx")
    .on("occurrence_update")
    .columns(["occurrence_id", "on_date"])
    .execute();

  await db.schema
    .alterTable("task_occurrence")
    .addColumn("confirmed_on", "date")
    .addColumn("resume_state", "text")
    .execute();
  await sql`update task_occurrence o set confirmed_on = coalesce(
      (select max(u.on_date) from occurrence_update u where u.occurrence_id = o.id and u.kind = 'confirm'),
      o.completed_on)
    where o.state = 'done'`.execute(db);
  await sql`update task_occurrence set resume_state = case
      when completed_on is not null then 'awaiting_confirmation'
      when percent > 0 then 'in_progress' else 'not_started' end
    where state = 'paused'`.execute(db);

  await db.schema
    .createTable("task_lead_change")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("task_id", "integer", (c) => c.notNull().references("plan_task.id").onDelete("cascade"))
    .addColumn("on_date", "date", (c) => c.notNull())
    .addColumn("before_unit_ids", sql`integer[]`, (c) => c.notNull())
    .addColumn("after_unit_ids", sql`integer[]`, (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("app_user.id").onDelete("set null"))
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("task_lead_change_task_idx")
    .on("task_lead_change")
    .columns(["task_id", "on_date"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("task_lead_change").ifExists().execute();
  await db.schema
    .alterTable("task_occurrence")
    .dropColumn("confirmed_on")
    .dropColumn("resume_state")
    .execute();
  await db.schema
    .alterTable("occurrence_update")
    .dropColumn("on_date")
    .dropColumn("state_before")
    .dropColumn("state_after")
    .execute();
}
