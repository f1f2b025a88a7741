import { type Kysely, type RawBuilder, sql } from "kysely";
import { levelsMask, unitEducationLevels } from "../../domain/educationLevels.ts";
import type { Database } from "../schema.ts";

/**
 * The edges of the map as it stood on `asOf`, as (up, down, w): parent links in force that day, and
 * lineage links already in effect (a merged or split old unit hangs under the unit it became, with the
 * share of its figures the lineage gives).
 */
export function edgesAsOf(asOf: string): RawBuilder<unknown> {
  return sql`select p.parent_id as up, p.child_id as down, 1::numeric as w from org_unit_parent p
       where (p.valid_from is null or p.valid_from <= ${asOf}) and (p.valid_to is null or p.valid_to > ${asOf})
      union all
      select l.to_id, l.from_id, l.weight from org_unit_lineage l where l.effective_on <= ${asOf}`;
}

export interface RollupState {
  stale: boolean;
  builtFor: string | null;
  /** The stored closure is the map in force on every day of [mapFrom, mapTo). */
  mapFrom: string | null;
  mapTo: string | null;
}

export async function readRollupState(db: Kysely<Database>): Promise<RollupState> {
  const r = await db.selectFrom("rollup_state").selectAll().where("id", "=", 1).executeTakeFirstOrThrow();
  return { stale: r.stale, builtFor: r.built_for, mapFrom: r.map_from, mapTo: r.map_to };
}

/** Whether the stored rollups describe the map of `asOf` (else aggregation walks the map live). */
export function rollupServes(state: RollupState, asOf: string): boolean {
  if (state.stale || state.builtFor === null) return false;
  if (state.mapFrom !== null && asOf < state.mapFrom) return false;
  if (state.mapTo !== null && asOf >= state.mapTo) return false;
  return true;
}

/**
 * Rebuilds the closure of the map in force on `day` and every rollup from the values, in the caller's
 * transaction (or its own). Writers of values wait meanwhile (share lock), so no delta is lost or
 * counted twice; a map change made concurrently marks the result stale again once it commits.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  day: string,
): Promise<{ pairs: number; rows: number }> {
  const run = async (trx: Kysely<Database>) => {
    await sql`select id from rollup_state where id = 1 for update`.execute(trx);
    await sql`lock table data_value in share mode`.execute(trx);
    await sql`truncate value_rollup, unit_ancestry, unit_teaching, coverage_total, coverage_rollup`.execute(
      trx,
    );
    const pairs = await sql`
      insert into unit_ancestry (unit_id, ancestor_id, w)
      with recursive edges(up, down, w) as (${edgesAsOf(day)}),
      anc(unit_id, ancestor_id, w) as (
        select down, up, w from edges
        union all
        select a.unit_id, e.up, a.w * e.w from anc a join edges e on e.down = a.ancestor_id
      )
      select unit_id, ancestor_id, max(w) from anc where unit_id <> ancestor_id group by unit_id, ancestor_id`.execute(
      trx,
    );
    const rows = await sql`
      insert into value_rollup (ancestor_id, element_id, period_id, category, total, value_count, sample_count)
      select a.ancestor_id, v.element_id, v.period_id, v.category, sum(v.value * a.w), count(*),
             count(*) filter (where v.is_sample)
        from data_value v join unit_ancestry a on a.unit_id = v.org_unit_id
       where not v.draft
       group by 1, 2, 3, 4`.execute(trx);
    await rebuildCoverage(trx, day);
    // the stored map (and so the coverage counts, which count the units valid that day) holds until
    // the next date on which a link, a lineage or a unit's validity changes
    const bounds = await sql<{ map_from: string | null; map_to: string | null }>`
      with b(d) as (
        select valid_from from org_unit_parent where valid_from is not null
        union select valid_to from org_unit_parent where valid_to is not null
        union select effective_on from org_unit_lineage
        union select valid_from from org_unit where valid_from is not null
        union select valid_to from org_unit where valid_to is not null
      )
      select (select max(d) from b where d <= ${day})::text as map_from,
             (select min(d) from b where d > ${day})::text as map_to`.execute(trx);
    const b = bounds.rows[0];
    await trx
      .updateTable("rollup_state")
      .set({ stale: false, built_for: day, map_from: b?.map_from ?? null, map_to: b?.map_to ?? null })
      .where("id", "=", 1)
      .execute();
    return { pairs: Number(pairs.numAffectedRows ?? 0), rows: Number(rows.numAffectedRows ?? 0) };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

const validOn = (day: string) =>
  sql`(u.valid_from is null or u.valid_from <= ${day}) and (u.valid_to is null or u.valid_to > ${day})`;

/**
 * The coverage counts of migration 0018 from the values and the closure just rebuilt: each school's
 * levels as a mask (read by the one rule, domain/educationLevels), then per unit the units of each kind
 * and mask at or under it, and of those the ones that have reported per element and period.
 */
async function rebuildCoverage(trx: Kysely<Database>, day: string): Promise<void> {
  const schools = await trx
    .selectFrom("org_unit")
    .select(["id", "kind", "full_name", "education_levels"])
    .where("kind", "=", "school")
    .execute();
  const masks = schools
    .map((u) => ({
      id: u.id,
      mask: levelsMask(unitEducationLevels({ kind: u.kind, name: u.full_name, levels: u.education_levels })),
    }))
    .filter((u) => u.mask !== 0);
  for (let i = 0; i < masks.length; i += 20_000) {
    const part = masks.slice(i, i + 20_000);
    await sql`insert into unit_teaching (unit_id, teaches)
      select * from unnest(${part.map((u) => u.id)}::integer[], ${part.map((u) => u.mask)}::smallint[])`.execute(
      trx,
    );
  }
  const selfAndAbove = sql`cross join lateral (select u.id as anc union all
      select a.ancestor_id from unit_ancestry a where a.unit_id = u.id) s`;
  await sql`insert into coverage_total (ancestor_id, kind, teaches, total)
    select s.anc, u.kind, coalesce(t.teaches, 0), count(*)
      from org_unit u left join unit_teaching t on t.unit_id = u.id ${selfAndAbove}
     where ${validOn(day)}
     group by 1, 2, 3`.execute(trx);
  await sql`insert into coverage_rollup (ancestor_id, element_id, period_id, kind, teaches, reported)
    with has(id, e, p) as (
      select org_unit_id, element_id, period_id from data_value where category = '' and not draft
      union
      select ancestor_id, element_id, period_id from value_rollup where category = '' and value_count > 0
    )
    select s.anc, h.e, h.p, u.kind, coalesce(t.teaches, 0), count(*)
      from has h join org_unit u on u.id = h.id left join unit_teaching t on t.unit_id = u.id ${selfAndAbove}
     where ${validOn(day)}
     group by 1, 2, 3, 4, 5`.execute(trx);
}

/** Rebuilds when the map changed or `today` left the stretch the stored map describes. */
export async function ensureRollups(db: Kysely<Database>, today: string): Promise<boolean> {
  if (rollupServes(await readRollupState(db), today)) return false;
  await rebuildRollups(db, today);
  return true;
}
