import { type Kysely, sql } from "kysely";

/**
 * Figures that can be trusted (issues 9 and 14).
 *
 * - `data_element.value_kind`: 'count' (whole numbers: people, schools, classes), 'yes_no' (0 or 1,
 *   "1 = đạt") or 'decimal'; `min_value`/`max_value`: the plausible range of one unit's figure, set in
 *   the catalog. A value outside is an error wherever it comes from (domain/figureChecks.ts).
 * - `data_value.draft`: the value belongs to a form still in the unit's hands (draft or returned).
 *   Official totals — the stored rollups and the live walk — count submitted and approved figures
 *   only; the flag follows the form's status in the same transaction (usecases/shared/writeFigures.ts).
 */
/** The statement trigger of 0005, with or without leaving drafts out. */
function rollupApply(officialOnly: boolean) {
  const official = sql.raw(officialOnly ? "where not d.draft" : "");
  const draftColumn = sql.raw(officialOnly ? ", draft" : "");
  return sql`
    create or replace function value_rollup_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, sum(d.value * a.w), count(*),
               count(*) filter (where d.is_sample)
          from new_rows d join unit_ancestry a on a.unit_id = d.org_unit_id
         ${official}
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      elsif tg_op = 'DELETE' then
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, -sum(d.value * a.w), -count(*),
               -count(*) filter (where d.is_sample)
          from old_rows d join unit_ancestry a on a.unit_id = d.org_unit_id
         ${official}
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      else
        insert into value_rollup as r (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
        select a.ancestor_id, d.element_id, d.period_id, d.category, sum(d.value * a.w), sum(d.n), sum(d.s)
          from (select org_unit_id, element_id, period_id, category, value, 1 as n,
                       case when is_sample then 1 else 0 end as s${draftColumn}
                  from new_rows
                union all
                select org_unit_id, element_id, period_id, category, -value, -1,
                       case when is_sample then -1 else 0 end${draftColumn}
                  from old_rows) d
          join unit_ancestry a on a.unit_id = d.org_unit_id
         ${official}
         group by 1, 2, 3, 4 order by 1, 2, 3, 4
        on conflict (ancestor_id, element_id, period_id, category) do update
          set total = r.total + excluded.total, value_count = r.value_count + excluded.value_count,
              sample_count = r.sample_count + excluded.sample_count;
      end if;
      return null;
    end $$`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("data_element")
    .addColumn("value_kind", "text", (c) =>
      c.notNull().defaultTo("count").check(sql`value_kind in ('count', 'yes_no', 'decimal')`),
    )
    .addColumn("min_value", "numeric", (c) => c.notNull().defaultTo(0))
    .addColumn("max_value", "numeric", (c) => c.notNull().defaultTo(1_000_000))
    .execute();
  await sql`update data_element set value_kind = 'yes_no', max_value = 1
    where id in (select element_id from indicator where type in ('yes_no', 'units_meeting'))`.execute(db);

  await db.schema
    .alterTable("data_value")
    .addColumn("draft", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`update data_value v set draft = true from form_status f
    where f.org_unit_id = v.org_unit_id and f.period_id = v.period_id
      and f.status in ('draft', 'returned')`.execute(db);

  // the same statement triggers as 0005, counting only values that are not drafts: a form submitted
  // (draft → false) adds its values to every total above it, a form returned takes them out again
  await rollupApply(true).execute(db);
  // the totals stored so far counted drafts: rebuild them
  await sql`update rollup_state set stale = true where id = 1`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await rollupApply(false).execute(db);
  await db.schema.alterTable("data_value").dropColumn("draft").execute();
  await db.schema
    .alterTable("data_element")
    .dropColumn("value_kind")
    .dropColumn("min_value")
    .dropColumn("max_value")
    .execute();
  await sql`update rollup_state set stale = true where id = 1`.execute(db);
}
