import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface ElementTotal {
  top: number;
  element_id: number;
  period_id: number;
  total: number;
  /** Some of the values summed are sample (demo) data. */
  sample: boolean;
}

/**
 * Sums data values up the map as it stood on `asOf`: a unit gathers its subtree, plus the units that
 * were merged into it (weighted by the lineage, so a split shares its values). On 30/6/2025 an old
 * commune sits under its old district; today the same value counts inside the commune it joined.
 * With `childrenOf`, one total per unit directly under it (drill-down); else one total for the unit.
 */
export async function sumUp(
  db: Kysely<Database>,
  opts: { rootId: number; asOf: string; elementIds: number[]; periodIds: number[]; childrenOf?: boolean },
): Promise<ElementTotal[]> {
  if (opts.elementIds.length === 0 || opts.periodIds.length === 0) return [];
  const start = opts.childrenOf
    ? sql`select e.down as top, e.down as id, e.w from edges e where e.up = ${opts.rootId}`
    : sql`select ${opts.rootId}::integer as top, ${opts.rootId}::integer as id, 1::numeric as w`;
  const rows = await sql<{
    top: number;
    element_id: number;
    period_id: number;
    total: string;
    sample: boolean;
  }>`
    with recursive edges(up, down, w) as (
      select p.parent_id, p.child_id, 1::numeric from org_unit_parent p
       where (p.valid_from is null or p.valid_from <= ${opts.asOf}) and (p.valid_to is null or p.valid_to > ${opts.asOf})
      union all
      select l.to_id, l.from_id, l.weight from org_unit_lineage l where l.effective_on <= ${opts.asOf}
    ),
    tree(top, id, w) as (
      ${start}
      union all
      select t.top, e.down, t.w * e.w from tree t join edges e on e.up = t.id
    ),
    members as (select top, id, max(w) as w from tree group by top, id)
    select m.top, v.element_id, v.period_id, sum(v.value * m.w) as total, bool_or(v.is_sample) as sample
      from members m join data_value v on v.org_unit_id = m.id
     where v.element_id in (${sql.join(opts.elementIds)}) and v.period_id in (${sql.join(opts.periodIds)})
     group by m.top, v.element_id, v.period_id`.execute(db);
  return rows.rows.map((r) => ({
    top: Number(r.top),
    element_id: r.element_id,
    period_id: r.period_id,
    total: Number(r.total),
    sample: Boolean(r.sample),
  }));
}

export interface ValueRow {
  element_id: number;
  period_id: number;
  org_unit_id: number;
  value: number;
}

/**
 * Bulk upsert of figures: one statement per batch, the rows passed as four arrays and unnested by the
 * server (far fewer parameters and round trips than a multi-row VALUES insert). Runs in the caller's
 * transaction.
 */
export async function bulkUpsertValues(
  db: Kysely<Database>,
  rows: ValueRow[],
  updatedBy: number | null,
  batch = 20_000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await sql`insert into data_value (element_id, period_id, org_unit_id, value, updated_by)
      select e, p, u, v, ${updatedBy}::integer
        from unnest(${part.map((r) => r.element_id)}::integer[], ${part.map((r) => r.period_id)}::integer[],
                    ${part.map((r) => r.org_unit_id)}::integer[], ${part.map((r) => r.value)}::numeric[]) as t(e, p, u, v)
      on conflict (element_id, period_id, org_unit_id)
      do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
  }
}
