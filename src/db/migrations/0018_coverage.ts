import { type Kysely, type RawBuilder, sql } from "kysely";

/**
 * Coverage ("x/38 units reported") kept up to date on write, the way `value_rollup` keeps sums, so a
 * page reads one row per target instead of visiting every unit the target covers.
 *
 * - `unit_teaching`: the levels a school teaches as a bit mask (domain/educationLevels.levelsMask),
 *   written by the rebuild from the one rule in TypeScript; a unit absent teaches no known level (0).
 * - `coverage_total`: for every unit A of the stored map, the units of each kind and mask at or under
 *   A that are valid on the map's day.
 * - `coverage_rollup`: of those, per element and period, the units that have reported: an official
 *   whole-figure value of their own or under them (their `value_rollup` row counts one).
 *   Counts are kept per mask, not per "asked": whether a school is asked for an element is decided when
 *   the counts are read, for each of at most 16 masks, so a change of an element's levels needs no
 *   recount.
 *
 * Statement triggers on data_value (fired after the rollup's, by name) find the units whose "has
 * reported" flipped and add ±1 to them and every unit above them. A change to a unit's kind, name,
 * levels or validity marks the stored map stale (the rebuild recomputes masks and totals; reads walk
 * the map live meanwhile), as a change to links and lineage already does.
 */
function coverageApply(delta: RawBuilder<unknown>) {
  return sql`
    with d(u, e, p, dn) as (${delta}),
    touched(u, e, p, dn) as (
      select u, e, p, sum(dn) from (
        select u, e, p, dn from d
        union all
        select a.ancestor_id, d.e, d.p, d.dn from d join unit_ancestry a on a.unit_id = d.u
      ) x group by 1, 2, 3
    ),
    -- what each touched unit holds now, own values and below; materialized so it is read once
    counted(u, e, p, dn, after) as materialized (
      select t.u, t.e, t.p, t.dn,
             (select count(*) from data_value v
               where v.org_unit_id = t.u and v.element_id = t.e and v.period_id = t.p
                 and v.category = '' and not v.draft)
             + coalesce((select r.value_count from value_rollup r
                          where r.ancestor_id = t.u and r.element_id = t.e and r.period_id = t.p
                            and r.category = ''), 0)
        from touched t
    ),
    flips(u, e, p, f) as (
      select u, e, p, case when after > 0 then 1 else -1 end from counted
       where (after > 0) <> (after - dn > 0)
    )
    insert into coverage_rollup as c (ancestor_id, element_id, period_id, kind, teaches, reported)
    select s.anc, f.e, f.p, u.kind, coalesce(ut.teaches, 0), sum(f.f)
      from flips f
      join org_unit u on u.id = f.u
      join rollup_state st on st.id = 1
      left join unit_teaching ut on ut.unit_id = f.u
      cross join lateral (select f.u as anc union all
                          select a.ancestor_id from unit_ancestry a where a.unit_id = f.u) s
     where (u.valid_from is null or u.valid_from <= st.built_for)
       and (u.valid_to is null or u.valid_to > st.built_for)
     group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (ancestor_id, element_id, period_id, kind, teaches) do update
      set reported = c.reported + excluded.reported;`;
}

const official = (rows: string, sign: number) =>
  sql.raw(
    `select org_unit_id, element_id, period_id, ${sign} from ${rows} where category = '' and not draft`,
  );

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("unit_teaching")
    .addColumn("unit_id", "integer", (c) => c.primaryKey())
    .addColumn("teaches", "smallint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("coverage_total")
    .addColumn("ancestor_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("teaches", "smallint", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("coverage_total_pk", ["ancestor_id", "kind", "teaches"])
    .execute();
  await db.schema
    .createTable("coverage_rollup")
    .addColumn("ancestor_id", "integer", (c) => c.notNull())
    .addColumn("element_id", "integer", (c) => c.notNull())
    .addColumn("period_id", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("teaches", "smallint", (c) => c.notNull())
    .addColumn("reported", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("coverage_rollup_pk", [
      "ancestor_id",
      "element_id",
      "period_id",
      "kind",
      "teaches",
    ])
    .execute();

  const insert = official("new_rows", 1);
  const remove = official("old_rows", -1);
  const grouped = (rows: RawBuilder<unknown>) =>
    sql`select u, e, p, sum(n) from (${rows}) x(u, e, p, n) group by 1, 2, 3 having sum(n) <> 0`;
  await sql`
    create function coverage_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${coverageApply(grouped(insert))}
      elsif tg_op = 'DELETE' then
        ${coverageApply(grouped(remove))}
      else
        ${coverageApply(grouped(sql`${insert} union all ${remove}`))}
      end if;
      return null;
    end $$`.execute(db);
  // named after data_value_rollup_*: triggers fire by name, and these read the rollups just written
  await sql`create trigger data_value_zcoverage_insert after insert on data_value
    referencing new table as new_rows for each statement execute function coverage_apply()`.execute(db);
  await sql`create trigger data_value_zcoverage_update after update on data_value
    referencing old table as old_rows new table as new_rows for each statement execute function coverage_apply()`.execute(
    db,
  );
  await sql`create trigger data_value_zcoverage_delete after delete on data_value
    referencing old table as old_rows for each statement execute function coverage_apply()`.execute(db);
  await sql`
    create function coverage_clear() returns trigger language plpgsql as $$
    begin
      truncate coverage_rollup;
      return null;
    end $$`.execute(db);
  await sql`create trigger data_value_zcoverage_truncate after truncate on data_value
    for each statement execute function coverage_clear()`.execute(db);

  // what a unit is (kind, levels, name the levels are read from) and when it is valid shape the totals
  await sql`create trigger org_unit_coverage_stale
    after insert or delete or update of kind, full_name, education_levels, valid_from, valid_to on org_unit
    for each statement execute function rollup_mark_stale()`.execute(db);
  await sql`create trigger org_unit_coverage_truncate after truncate on org_unit
    for each statement execute function rollup_mark_stale()`.execute(db);
  await sql`update rollup_state set stale = true where id = 1`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists org_unit_coverage_stale on org_unit`.execute(db);
  await sql`drop trigger if exists org_unit_coverage_truncate on org_unit`.execute(db);
  for (const op of ["insert", "update", "delete", "truncate"]) {
    await sql`drop trigger if exists ${sql.raw(`data_value_zcoverage_${op}`)} on data_value`.execute(db);
  }
  await sql`drop function if exists coverage_apply()`.execute(db);
  await sql`drop function if exists coverage_clear()`.execute(db);
  for (const t of ["coverage_rollup", "coverage_total", "unit_teaching"]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
