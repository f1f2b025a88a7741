import { type Kysely, sql } from "kysely";

/**
 * Breakdowns and stored rollups.
 *
 * - `data_value.category`: '' is the whole figure; 'sex.female', 'ethnic.minority', 'level.primary', …
 *   are its breakdowns (see domain/breakdowns.ts). Each is summed up the map on its own.
 * - `unit_ancestry`: every (unit, ancestor) pair of one version of the map (the one in force on
 *   `rollup_state.built_for`), with the largest path weight — the closure the live aggregation walks.
 * - `value_rollup`: for every ancestor, element, period and category, the weighted sum of the values
 *   of all units below it. Kept by statement triggers on data_value in the same transaction as every
 *   write, so a figure entered is in the province total on the next request. Reads use it only while
 *   `rollup_state` says it describes the map of the date asked for; otherwise they walk the map live.
 * - `indicator_target.scope`: 'unit' (the unit's own total) or 'each_commune' (every commune under the
 *   unit must reach the value, as in "100 % of communes …").
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("data_value")
    .addColumn("category", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("data_value").dropConstraint("data_value_unique").execute();
  await db.schema
    .alterTable("data_value")
    .addUniqueConstraint("data_value_unique", ["element_id", "period_id", "org_unit_id", "category"])
    .execute();

  await db.schema
    .alterTable("indicator_target")
    .addColumn("scope", "text", (c) =>
      c.notNull().defaultTo("unit").check(sql`scope in ('unit', 'each_commune')`),
    )
    .execute();

  await db.schema
    .createTable("unit_ancestry")
    .addColumn("unit_id", "integer", (c) => c.notNull())
    .addColumn("ancestor_id", "integer", (c) => c.notNull())
    .addColumn("w", "numeric", (c) => c.notNull())
    .addPrimaryKeyConstraint("unit_ancestry_pk", ["unit_id", "ancestor_id"])
    .execute();

  await db.schema
    .createTable("value_rollup")
    .addColumn("ancestor_id", "integer", (c) => c.notNull())
    .addColumn("element_id", "integer", (c) => c.notNull())
    .addColumn("period_id", "integer", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("total", "numeric", (c) => c.notNull())
    .addColumn("value_count", "integer", (c) => c.notNull())
    .addColumn("sample_count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("value_rollup_pk", ["ancestor_id", "element_id", "period_id", "category"])
    .execute();

  await db.schema
    .createTable("rollup_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("stale", "boolean", (c) => c.notNull())
    .addColumn("built_for", "date")
    .addColumn("map_from", "date")
    .addColumn("map_to", "date")
    .addCheckConstraint("rollup_state_single", sql`id = 1`)
    .execute();
  await sql`insert into rollup_state (id, stale) values (1, true)`.execute(db);

  // Deltas of a statement's rows, grouped per ancestor before touching the rollup, so a bulk load of
  // a whole province updates each commune's row once per statement, not once per value.
  await sql`
    create function value_rollup_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, sum(d.value * a.w), count(*),
               count(*) filter (where d.is_sample)
          from new_rows d join unit_ancestry a on a.unit_id = d.org_unit_id
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      elsif tg_op = 'DELETE' then
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, -sum(d.value * a.w), -count(*),
               -count(*) filter (where d.is_sample)
          from old_rows d join unit_ancestry a on a.unit_id = d.org_unit_id
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      else
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, sum(d.value * a.w), sum(d.n), sum(d.s)
          from (select org_unit_id, element_id, period_id, category, value, 1 as n,
                       case when is_sample then 1 else 0 end as s
                  from new_rows
                union all
                select org_unit_id, element_id, period_id, category, -value, -1,
                       case when is_sample then -1 else 0 end
                  from old_rows) d
          join unit_ancestry a on a.unit_id = d.org_unit_id
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger data_value_rollup_insert after insert on data_value
    referencing new table as new_rows for each statement execute function value_rollup_apply()`.execute(db);
  await sql`create trigger data_value_rollup_update after update on data_value
    referencing old table as old_rows new table as new_rows for each statement execute function value_rollup_apply()`.execute(
    db,
  );
  await sql`create trigger data_value_rollup_delete after delete on data_value
    referencing old table as old_rows for each statement execute function value_rollup_apply()`.execute(db);
  // emptying the table empties its totals
  await sql`
    create function value_rollup_clear() returns trigger language plpgsql as $$
    begin
      truncate value_rollup;
      return null;
    end $$`.execute(db);
  await sql`create trigger data_value_rollup_truncate after truncate on data_value
    for each statement execute function value_rollup_clear()`.execute(db);

  // Any change to the map makes the closure (and so the rollups) stale until rebuilt; reads walk the
  // map live meanwhile.
  await sql`
    create function rollup_mark_stale() returns trigger language plpgsql as $$
    begin
      update rollup_state set stale = true where id = 1 and not stale;
      return null;
    end $$`.execute(db);
  for (const t of ["org_unit_parent", "org_unit_lineage"]) {
    await sql`create trigger ${sql.raw(`${t}_rollup_stale`)} after insert or update or delete or truncate on ${sql.table(t)}
      for each statement execute function rollup_mark_stale()`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["org_unit_parent", "org_unit_lineage"]) {
    await sql`drop trigger if exists ${sql.raw(`${t}_rollup_stale`)} on ${sql.table(t)}`.execute(db);
  }
  for (const op of ["insert", "update", "delete", "truncate"]) {
    await sql`drop trigger if exists ${sql.raw(`data_value_rollup_${op}`)} on data_value`.execute(db);
  }
  await sql`drop function if exists rollup_mark_stale()`.execute(db);
  await sql`drop function if exists value_rollup_apply()`.execute(db);
  await sql`drop function if exists value_rollup_clear()`.execute(db);
  for (const t of ["rollup_state", "value_rollup", "unit_ancestry"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable("data_value").dropConstraint("data_value_unique").execute();
  await sql`delete from data_value where category <> ''`.execute(db);
  await db.schema
    .alterTable("data_value")
    .addUniqueConstraint("data_value_unique", ["element_id", "period_id", "org_unit_id"])
    .execute();
  await db.schema.alterTable("data_value").dropColumn("category").execute();
  await db.schema.alterTable("indicator_target").dropColumn("scope").execute();
}
