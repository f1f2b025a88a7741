import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { edgesAsOf, readRollupState, rollupServes } from "./rollupRepository.ts";

export interface ElementTotal {
  top: number;
  element_id: number;
  period_id: number;
  /** '' for the whole figure, else a breakdown option. */
  category: string;
  total: number;
  /** Some of the values summed are sample (demo) data. */
  sample: boolean;
}

export interface SumUpOptions {
  rootId: number;
  asOf: string;
  elementIds: number[];
  periodIds: number[];
  /** Breakdown options to sum; [""] (the whole figure) when absent. */
  categories?: string[];
  /** One total per unit directly under the root (drill-down) instead of one for the root. */
  childrenOf?: boolean;
  /** Count drafts too (a unit looking at its own unsent figures); official totals leave them out. */
  includeDrafts?: boolean;
}

type TotalRow = {
  top: number;
  element_id: number;
  period_id: number;
  category: string;
  total: string;
  sample: boolean;
};

function present(rows: TotalRow[]): ElementTotal[] {
  return rows.map((r) => ({
    top: Number(r.top),
    element_id: r.element_id,
    period_id: r.period_id,
    category: r.category,
    total: Number(r.total),
    sample: Boolean(r.sample),
  }));
}

/**
 * Sums data values up the map as it stood on `asOf`: a unit gathers its subtree, plus the units that
 * were merged into it (weighted by the lineage, so a split shares its values). On 30/6/2025 an old
 * commune sits under its old district; today the same value counts inside the commune it joined.
 * Reads the stored rollups when they describe the map of `asOf`, else walks the map live; both give
 * the same totals (rollupRepository.test.ts holds them to it).
 */
export async function sumUp(db: Kysely<Database>, opts: SumUpOptions): Promise<ElementTotal[]> {
  if (opts.elementIds.length === 0 || opts.periodIds.length === 0) return [];
  const stored = !opts.includeDrafts && rollupServes(await readRollupState(db), opts.asOf);
  return stored ? sumUpStored(db, opts) : sumUpLive(db, opts);
}

/** The aggregation from the values alone: a recursive walk of the map of `asOf`. */
export async function sumUpLive(db: Kysely<Database>, opts: SumUpOptions): Promise<ElementTotal[]> {
  if (opts.elementIds.length === 0 || opts.periodIds.length === 0) return [];
  const categories = opts.categories ?? [""];
  const start = opts.childrenOf
    ? sql`select e.down as top, e.down as id, e.w from edges e where e.up = ${opts.rootId}`
    : sql`select ${opts.rootId}::integer as top, ${opts.rootId}::integer as id, 1::numeric as w`;
  const rows = await sql<TotalRow>`
    with recursive edges(up, down, w) as (${edgesAsOf(opts.asOf)}),
    tree(top, id, w) as (
      ${start}
      union all
      select t.top, e.down, t.w * e.w from tree t join edges e on e.up = t.id
    ),
    members as (select top, id, max(w) as w from tree group by top, id)
    select m.top, v.element_id, v.period_id, v.category, sum(v.value * m.w) as total, bool_or(v.is_sample) as sample
      from members m join data_value v on v.org_unit_id = m.id
     where v.element_id in (${sql.join(opts.elementIds)}) and v.period_id in (${sql.join(opts.periodIds)})
       and v.category in (${sql.join(categories)}) ${opts.includeDrafts ? sql`` : sql`and not v.draft`}
     group by m.top, v.element_id, v.period_id, v.category`.execute(db);
  return present(rows.rows);
}

/** The same totals from the stored rollups: a unit's own values plus its rollup row. */
async function sumUpStored(db: Kysely<Database>, opts: SumUpOptions): Promise<ElementTotal[]> {
  const categories = opts.categories ?? [""];
  const tops = opts.childrenOf
    ? sql`select e.down as top, max(e.w) as w from (${edgesAsOf(opts.asOf)}) e where e.up = ${opts.rootId} group by e.down`
    : sql`select ${opts.rootId}::integer as top, 1::numeric as w`;
  const where = sql`element_id in (${sql.join(opts.elementIds)}) and period_id in (${sql.join(opts.periodIds)})
       and category in (${sql.join(categories)})`;
  const rows = await sql<TotalRow>`
    with tops(top, w) as (${tops})
    select t.top, x.element_id, x.period_id, x.category, sum(x.total * t.w) as total, sum(x.samples) > 0 as sample
      from tops t join (
        select ancestor_id as id, element_id, period_id, category, total, sample_count as samples
          from value_rollup where value_count > 0 and ancestor_id in (select top from tops) and ${where}
        union all
        select org_unit_id, element_id, period_id, category, value, case when is_sample then 1 else 0 end
          from data_value where org_unit_id in (select top from tops) and not draft and ${where}
      ) x on x.id = t.top
     group by t.top, x.element_id, x.period_id, x.category`.execute(db);
  return present(rows.rows);
}

export interface ValueRow {
  element_id: number;
  period_id: number;
  org_unit_id: number;
  /** '' (the whole figure) when absent. */
  category?: string;
  value: number;
}

/**
 * Bulk upsert of figures: one statement per batch, the rows passed as five arrays and unnested by the
 * server (far fewer parameters and round trips than a multi-row VALUES insert). Runs in the caller's
 * transaction. A figure given twice keeps the later value, as if the rows were applied in order.
 */
export async function bulkUpsertValues(
  db: Kysely<Database>,
  rows: ValueRow[],
  updatedBy: number | null,
  batch = 20_000,
): Promise<void> {
  const last = new Map<string, ValueRow>();
  for (const r of rows) {
    const key = `${r.element_id}|${r.period_id}|${r.org_unit_id}|${r.category ?? ""}`;
    last.delete(key);
    last.set(key, r);
  }
  if (last.size < rows.length) rows = [...last.values()];
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    await sql`insert into data_value (element_id, period_id, org_unit_id, category, value, updated_by)
      select e, p, u, c, v, ${updatedBy}::integer
        from unnest(${part.map((r) => r.element_id)}::integer[], ${part.map((r) => r.period_id)}::integer[],
                    ${part.map((r) => r.org_unit_id)}::integer[], ${part.map((r) => r.category ?? "")}::text[],
                    ${part.map((r) => r.value)}::numeric[]) as t(e, p, u, c, v)
      on conflict (element_id, period_id, org_unit_id, category)
      do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
  }
}

export interface FigureWrite {
  element_id: number;
  period_id: number;
  org_unit_id: number;
  category: string;
  /** null removes the value. */
  value: number | null;
  comment: string | null;
  draft: boolean;
}

/**
 * Writes checked figures (usecases/shared/writeFigures.ts): one statement for the removals and one per
 * batch for the rest, rows in a fixed order (unit, period, element, category) so that the rollup
 * triggers lock the totals above in the same order in every transaction (no deadlock between two
 * writers). An entered value is no longer sample data.
 */
export async function writeFigureRows(db: Kysely<Database>, rows: FigureWrite[], updatedBy: number | null) {
  const ordered = [...rows].sort(
    (a, b) =>
      a.org_unit_id - b.org_unit_id ||
      a.period_id - b.period_id ||
      a.element_id - b.element_id ||
      a.category.localeCompare(b.category),
  );
  const removed = ordered.filter((r) => r.value === null);
  if (removed.length > 0) {
    await sql`delete from data_value d
      using unnest(${removed.map((r) => r.element_id)}::integer[], ${removed.map((r) => r.period_id)}::integer[],
                   ${removed.map((r) => r.org_unit_id)}::integer[], ${removed.map((r) => r.category)}::text[])
            as t(e, p, u, c)
      where d.element_id = t.e and d.period_id = t.p and d.org_unit_id = t.u and d.category = t.c`.execute(
      db,
    );
  }
  const written = ordered.filter((r) => r.value !== null);
  for (let i = 0; i < written.length; i += 20_000) {
    const part = written.slice(i, i + 20_000);
    await sql`insert into data_value (element_id, period_id, org_unit_id, category, value, comment, draft, updated_by)
      select e, p, u, c, v, m, d, ${updatedBy}::integer
        from unnest(${part.map((r) => r.element_id)}::integer[], ${part.map((r) => r.period_id)}::integer[],
                    ${part.map((r) => r.org_unit_id)}::integer[], ${part.map((r) => r.category)}::text[],
                    ${part.map((r) => r.value)}::numeric[], ${part.map((r) => r.comment)}::text[],
                    ${part.map((r) => r.draft)}::boolean[]) as t(e, p, u, c, v, m, d)
       order by u, p, e, c
      on conflict (element_id, period_id, org_unit_id, category)
      do update set value = excluded.value, comment = excluded.comment, draft = excluded.draft,
                    updated_by = excluded.updated_by, updated_at = now(), is_sample = false`.execute(db);
  }
}

/**
 * How many of the units a target covers have sent figures: the units of `kinds` under the root on the
 * map of `asOf` (the root itself when it is one), and of them those with an official (not draft) value
 * of the element for the period — entered by themselves or by the older units merged into them.
 */
export async function coverageOf(
  db: Kysely<Database>,
  opts: {
    rootId: number;
    asOf: string;
    kinds: string[];
    elementId: number;
    periodId: number;
    /** Units never asked for the element (a school that does not teach its level): not counted. */
    notAsked?: readonly number[];
  },
): Promise<{ reported: number; total: number }> {
  const rows = await sql<{ reported: string; total: string }>`
    with recursive edges(up, down, w) as (${edgesAsOf(opts.asOf)}),
    tree(id) as (select ${opts.rootId}::integer union select e.down from tree t join edges e on e.up = t.id),
    covered(id) as (
      select u.id from org_unit u join tree t on t.id = u.id
       where u.kind in (${sql.join(opts.kinds)})
         and u.id <> all(${[...(opts.notAsked ?? [])]}::integer[])
         and (u.valid_from is null or u.valid_from <= ${opts.asOf})
         and (u.valid_to is null or u.valid_to > ${opts.asOf})
    ),
    reach(cover, id) as (
      select id, id from covered
      union
      select r.cover, e.down from reach r join edges e on e.up = r.id
    )
    select (select count(*) from covered) as total,
           (select count(distinct r.cover) from reach r
              join data_value v on v.org_unit_id = r.id
             where v.element_id = ${opts.elementId} and v.period_id = ${opts.periodId}
               and v.category = '' and not v.draft) as reported`.execute(db);
  const r = rows.rows[0];
  return { reported: Number(r?.reported ?? 0), total: Number(r?.total ?? 0) };
}
