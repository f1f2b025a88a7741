import { type Kysely, sql } from "kysely";

/**
 * The scoreboard's counts kept on write (repositories/scoreCounts.ts), so the province's board, today
 * or as of a past day, reads a few rows per body instead of every occurrence and its history.
 *
 * - `score_segment`: per occurrence, what it counts for over stretches of days [from_day, until_day):
 *   the body it counts for (0: the province's total, each occurrence once), its deadline of those days
 *   and whether it was done (on time, late) or still open. Derived from the occurrence and its history.
 * - `score_count`: the segments summed as a day-keyed log: +1 from `from_day`, −1 from `until_day`, per
 *   (day, body, deadline, class); the board as of D is the sum of the rows with day ≤ D. Open work
 *   becomes overdue by comparing the kept deadline with D when read, so no daily step.
 * - `score_dirty`: occurrences whose segments must be recomputed. Statement triggers here only list
 *   them (an occurrence changed, its history, its task's lead bodies or reassignments); the reader
 *   recomputes them first, with the one timeliness rule (taskQueries.timelinessSql), so the rule lives
 *   in TypeScript and not in a frozen copy inside the database.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  // a row per listing, never merged: a reader takes the rows its snapshot sees, so a listing made by a
  // writer still running stays for the next reader (merging it into an older row could lose it)
  await db.schema
    .createTable("score_dirty")
    .addColumn("seq", "bigserial", (c) => c.primaryKey())
    .addColumn("occurrence_id", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("score_segment")
    .addColumn("occurrence_id", "integer", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("from_day", "date", (c) => c.notNull())
    .addColumn("until_day", "date")
    .addColumn("due", "date")
    .addColumn("cls", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("score_segment_occ_idx").on("score_segment").column("occurrence_id").execute();
  await sql`create table score_count (
      day date not null,
      unit_id integer not null,
      due date,
      cls text not null,
      n integer not null,
      constraint score_count_key unique nulls not distinct (day, unit_id, due, cls))`.execute(db);
  await sql`create index score_count_zero_idx on score_count (day) where n = 0`.execute(db);

  // what an occurrence's segments read: its deadline, dates of report and confirmation, its share, the
  // state and kind (the overview's counts read them too)
  const changed = sql.raw(
    ["task_id", "share_of", "share_unit_id", "due_on", "completed_on", "confirmed_on", "state", "kind"]
      .map((c) => `n.${c} is distinct from o.${c}`)
      .join(" or "),
  );
  await sql`
    create function score_dirty_occurrence() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into score_dirty (occurrence_id) select id from new_rows order by 1;
      elsif tg_op = 'DELETE' then
        insert into score_dirty (occurrence_id) select id from old_rows order by 1;
      else
        insert into score_dirty (occurrence_id)
          select n.id from new_rows n join old_rows o on o.id = n.id where ${changed} order by 1
         ;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function score_dirty_history() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into score_dirty (occurrence_id) select distinct occurrence_id from new_rows order by 1;
      elsif tg_op = 'DELETE' then
        insert into score_dirty (occurrence_id) select distinct occurrence_id from old_rows order by 1;
      else
        insert into score_dirty (occurrence_id) select occurrence_id from new_rows union select occurrence_id from old_rows
          order by 1;
      end if;
      return null;
    end $$`.execute(db);
  // a task's lead bodies and its reassignments shape every occurrence of the task
  await sql`
    create function score_dirty_task() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into score_dirty (occurrence_id) select o.id from task_occurrence o
          where o.task_id in (select task_id from new_rows) order by 1;
      elsif tg_op = 'DELETE' then
        insert into score_dirty (occurrence_id) select o.id from task_occurrence o
          where o.task_id in (select task_id from old_rows) order by 1;
      else
        insert into score_dirty (occurrence_id) select o.id from task_occurrence o
          where o.task_id in (select task_id from new_rows union select task_id from old_rows)
          order by 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create function score_dirty_all() returns trigger language plpgsql as $$
    begin
      insert into score_dirty (occurrence_id) select id from task_occurrence order by 1;
      return null;
    end $$`.execute(db);
  await sql`
    create function score_clear() returns trigger language plpgsql as $$
    begin
      truncate score_segment, score_count, score_dirty;
      return null;
    end $$`.execute(db);

  const watch = [
    ["task_occurrence", "score_dirty_occurrence"],
    ["occurrence_update", "score_dirty_history"],
    ["task_lead_change", "score_dirty_task"],
    ["task_body", "score_dirty_task"],
  ] as const;
  for (const [table, fn] of watch) {
    const name = (op: string) => sql.raw(`${table}_score_${op}`);
    const t = sql.table(table);
    const f = sql.raw(fn);
    await sql`create trigger ${name("insert")} after insert on ${t}
      referencing new table as new_rows for each statement execute function ${f}()`.execute(db);
    await sql`create trigger ${name("update")} after update on ${t}
      referencing old table as old_rows new table as new_rows for each statement execute function ${f}()`.execute(
      db,
    );
    await sql`create trigger ${name("delete")} after delete on ${t}
      referencing old table as old_rows for each statement execute function ${f}()`.execute(db);
    await sql`create trigger ${name("truncate")} after truncate on ${t}
      for each statement execute function ${sql.raw(table === "task_occurrence" ? "score_clear" : "score_dirty_all")}()`.execute(
      db,
    );
  }
  await sql`insert into score_dirty (occurrence_id) select id from task_occurrence order by 1`.execute(db);

  // the register's open work by deadline: the overdue list walks it in order, and its count reads the
  // index alone (what timeliness and the province's filter read are included)
  await sql`create index task_occurrence_open_due_idx on task_occurrence (due_on, id)
    include (task_id, share_of, state, completed_on) where state <> 'done'`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_occurrence_open_due_idx`.execute(db);
  for (const table of ["task_occurrence", "occurrence_update", "task_lead_change", "task_body"]) {
    for (const op of ["insert", "update", "delete", "truncate"]) {
      await sql`drop trigger if exists ${sql.raw(`${table}_score_${op}`)} on ${sql.table(table)}`.execute(db);
    }
  }
  for (const fn of [
    "score_dirty_occurrence",
    "score_dirty_history",
    "score_dirty_task",
    "score_dirty_all",
    "score_clear",
  ]) {
    await sql`drop function if exists ${sql.raw(fn)}()`.execute(db);
  }
  for (const t of ["score_count", "score_segment", "score_dirty"])
    await db.schema.dropTable(t).ifExists().execute();
}
