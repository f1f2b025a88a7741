/**
 * Totals and coverage of figures up the map, for any number of units in ONE statement: a page that
 * shows 35 targets asks once, not 35 times. Each comes in two forms that must agree
 * (rollupRepository.test.ts): from the stored rollups when they describe the map of the date asked
 * for, else by walking the map live.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { educationLevelsOf, elementApplies, levelsOfMask } from "../../domain/educationLevels.ts";
import type { Database } from "../schema.ts";
import { schoolsNotAskedForMany } from "./formRepository.ts";
import { edgesAsOf, type RollupState, readRollupState, rollupServes } from "./rollupRepository.ts";

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

/** One total asked for: the unit `root` itself, or (childrenOf) each unit directly under it. */
export interface TotalAsk {
  root: number;
  childrenOf: boolean;
  elementId: number;
}

export interface RootTotal extends ElementTotal {
  root: number;
  childrenOf: boolean;
}

export interface ManyTotalsOptions {
  asOf: string;
  asks: TotalAsk[];
  periodIds: number[];
  /** Breakdown options to sum; [""] (the whole figure) when absent. */
  categories?: string[];
  /** Count drafts too (a unit looking at its own unsent figures); official totals leave them out. */
  includeDrafts?: boolean;
  /** The rollups' state when the caller has read it already (a page reads it once); else read here. */
  state?: RollupState;
}

type TotalRow = {
  root: number;
  children: boolean;
  top: number;
  element_id: number;
  period_id: number;
  category: string;
  total: string;
  sample: boolean;
};

function present(rows: TotalRow[]): RootTotal[] {
  return rows.map((r) => ({
    root: Number(r.root),
    childrenOf: Boolean(r.children),
    top: Number(r.top),
    element_id: r.element_id,
    period_id: r.period_id,
    category: r.category,
    total: Number(r.total),
    sample: Boolean(r.sample),
  }));
}

/** The asks as a relation (root, children, element), each once, passed as three arrays. */
function asksSql(asks: TotalAsk[]): RawBuilder<unknown> {
  return sql`select distinct * from unnest(${asks.map((a) => a.root)}::integer[], ${asks.map((a) => a.childrenOf)}::boolean[],
    ${asks.map((a) => a.elementId)}::integer[]) as x(root, children, element)`;
}

/**
 * Sums data values up the map as it stood on `asOf` for every ask at once: a unit gathers its subtree,
 * plus the units merged into it (weighted by the lineage, so a split shares its values). Reads the
 * stored rollups when they describe the map of `asOf`, else walks the map live; both give the same
 * totals.
 */
export async function sumUpMany(db: Kysely<Database>, opts: ManyTotalsOptions): Promise<RootTotal[]> {
  if (opts.asks.length === 0 || opts.periodIds.length === 0) return [];
  const stored = !opts.includeDrafts && rollupServes(opts.state ?? (await readRollupState(db)), opts.asOf);
  return stored ? sumUpManyStored(db, opts) : sumUpManyLive(db, opts);
}

/** The aggregation from the values alone: a recursive walk of the map of `asOf`. */
export async function sumUpManyLive(db: Kysely<Database>, opts: ManyTotalsOptions): Promise<RootTotal[]> {
  if (opts.asks.length === 0 || opts.periodIds.length === 0) return [];
  const categories = opts.categories ?? [""];
  const rows = await sql<TotalRow>`
    with recursive edges(up, down, w) as (${edgesAsOf(opts.asOf)}),
    asks(root, children, element) as (${asksSql(opts.asks)}),
    roots as (select distinct root, children from asks),
    start(root, children, top, w) as (
      select r.root, r.children, r.root, 1::numeric from roots r where not r.children
      union all
      select r.root, r.children, e.down, e.w from roots r join edges e on e.up = r.root where r.children
    ),
    tree(root, children, top, id, w) as (
      select root, children, top, top, w from start
      union all
      select t.root, t.children, t.top, e.down, t.w * e.w from tree t join edges e on e.up = t.id
    ),
    members as (select root, children, top, id, max(w) as w from tree group by root, children, top, id)
    select m.root, m.children, m.top, v.element_id, v.period_id, v.category, sum(v.value * m.w) as total,
           bool_or(v.is_sample) as sample
      from members m
      join data_value v on v.org_unit_id = m.id
      join asks a on a.root = m.root and a.children = m.children and a.element = v.element_id
     where v.period_id in (${sql.join(opts.periodIds)}) and v.category in (${sql.join(categories)})
       ${opts.includeDrafts ? sql`` : sql`and not v.draft`}
     group by m.root, m.children, m.top, v.element_id, v.period_id, v.category`.execute(db);
  return present(rows.rows);
}

/**
 * The same totals from the stored rollups: each unit's own values plus its rollup row, looked up by
 * index for each unit asked (a root, or each unit directly under it) with the elements asked of it.
 */
async function sumUpManyStored(db: Kysely<Database>, opts: ManyTotalsOptions): Promise<RootTotal[]> {
  const categories = opts.categories ?? [""];
  const where = sql`element_id = any(t.elements) and period_id in (${sql.join(opts.periodIds)})
         and category in (${sql.join(categories)})`;
  const rows = await sql<TotalRow>`
    with asks(root, children, element) as (${asksSql(opts.asks)}),
    roots as (select root, children, array_agg(element) as elements from asks group by root, children),
    tops(root, children, elements, top, w) as (
      select r.root, r.children, r.elements, r.root, 1::numeric from roots r where not r.children
      union all
      select r.root, r.children, r.elements, e.down, e.w from roots r
        cross join lateral (select e.down, max(e.w) as w from (${edgesAsOf(opts.asOf)}) e
                             where e.up = r.root group by e.down) e
       where r.children
    )
    select t.root, t.children, t.top, x.element_id, x.period_id, x.category, sum(x.total * t.w) as total,
           sum(x.samples) > 0 as sample
      from tops t cross join lateral (
        select element_id, period_id, category, total, sample_count as samples
          from value_rollup where ancestor_id = t.top and value_count > 0 and ${where}
        union all
        select element_id, period_id, category, value, case when is_sample then 1 else 0 end
          from data_value where org_unit_id = t.top and not draft and ${where}
      ) x
     group by t.root, t.children, t.top, x.element_id, x.period_id, x.category`.execute(db);
  return present(rows.rows);
}

/** How many of the units a target covers have sent figures (see coverageMany). */
export interface CoverageAsk {
  rootId: number;
  /** Kinds of unit the target counts (communes, or schools). */
  kinds: string[];
  elementId: number;
  periodId: number;
}

export interface CoverageCount {
  reported: number;
  total: number;
}

/** The coverage asks as a relation (k, root, kinds, element, period); k is the ask's index. */
function coverageAsksSql(asks: CoverageAsk[]): RawBuilder<unknown> {
  return sql`select * from unnest(${asks.map((_, i) => i)}::integer[], ${asks.map((a) => a.rootId)}::integer[],
    ${asks.map((a) => a.kinds.join(","))}::text[], ${asks.map((a) => a.elementId)}::integer[],
    ${asks.map((a) => a.periodId)}::integer[]) as x(k, root, kinds, element, period)`;
}

/**
 * For each ask, in order: the units of `kinds` under the root on the map of `asOf` (the root itself
 * when it is one), and of them those with an official (not draft) value of the element for the period
 * — entered by themselves or by the older units merged into them. A school is counted only when the
 * element is asked of it (domain/educationLevels.elementApplies: it teaches one of the element's
 * levels). Reads the counts kept on write (migration 0018) when the stored map describes `asOf`, else
 * walks the map live; both give the same counts (rollupRepository.test.ts).
 */
export async function coverageMany(
  db: Kysely<Database>,
  asOf: string,
  asks: CoverageAsk[],
  /** The rollups' state when the caller has read it already; else read here. */
  state?: RollupState,
): Promise<CoverageCount[]> {
  if (asks.length === 0) return [];
  const stored = rollupServes(state ?? (await readRollupState(db)), asOf);
  return stored ? coverageManyStored(db, asks) : coverageManyLive(db, asOf, asks);
}

type BucketRow = { k: number; reported: boolean; teaches: number; n: string; levels: unknown };

/**
 * From the kept counts: per ask, the root's counts for each kind of school (levels mask), summed over
 * the masks the element is asked of — the rule is applied to at most 16 masks, not to every school.
 */
async function coverageManyStored(db: Kysely<Database>, asks: CoverageAsk[]): Promise<CoverageCount[]> {
  const rows = await sql<BucketRow>`
    with asks(k, root, kinds, element, period) as (${coverageAsksSql(asks)})
    select a.k, false as reported, c.teaches, sum(c.total) as n, e.education_levels as levels
      from asks a
      join coverage_total c on c.ancestor_id = a.root and c.kind = any(string_to_array(a.kinds, ','))
      left join data_element e on e.id = a.element
     group by a.k, c.teaches, e.education_levels
    union all
    select a.k, true, c.teaches, sum(c.reported), e.education_levels
      from asks a
      join coverage_rollup c on c.ancestor_id = a.root and c.element_id = a.element
                            and c.period_id = a.period and c.kind = any(string_to_array(a.kinds, ','))
      left join data_element e on e.id = a.element
     group by a.k, c.teaches, e.education_levels`.execute(db);
  const out = asks.map(() => ({ reported: 0, total: 0 }));
  for (const r of rows.rows) {
    const asked = elementApplies(educationLevelsOf(r.levels), {
      entersAs: "school",
      levels: levelsOfMask(Number(r.teaches)),
    });
    const c = out[Number(r.k)];
    if (!asked || !c) continue;
    if (r.reported) c.reported += Number(r.n);
    else c.total += Number(r.n);
  }
  return out;
}

/** The units each element is not asked of, as a relation (element, id); one list per element. */
function notAskedSql(notAsked: Map<number, number[]>): RawBuilder<unknown> {
  const pairs = [...notAsked].flatMap(([element, ids]) => ids.map((id) => [element, id] as const));
  return sql`select * from unnest(${pairs.map((p) => p[0])}::integer[], ${pairs.map((p) => p[1])}::integer[])
    as x(element, id)`;
}

const validOn = (asOf: string) =>
  sql`(u.valid_from is null or u.valid_from <= ${asOf}) and (u.valid_to is null or u.valid_to > ${asOf})`;

type CoverageRow = { k: number; total: string; reported: string };

/**
 * The same counts by walking the map of `asOf` live (a date the stored map does not describe), with
 * the schools each element is not asked of read school by school (formRepository.schoolsNotAskedForMany).
 */
export async function coverageManyLive(db: Kysely<Database>, asOf: string, asks: CoverageAsk[]) {
  if (asks.length === 0) return [];
  const notAsked = await schoolsNotAskedForMany(
    db,
    asks.filter((a) => a.kinds.includes("school")).map((a) => a.elementId),
  );
  const rows = await sql<CoverageRow>`
    with recursive edges(up, down, w) as (${edgesAsOf(asOf)}),
    asks(k, root, kinds, element, period) as (${coverageAsksSql(asks)}),
    not_asked(element, id) as (${notAskedSql(notAsked)}),
    tree(k, id) as (select k, root from asks union select t.k, e.down from tree t join edges e on e.up = t.id),
    covered(k, id) as (
      select t.k, u.id from tree t join asks a on a.k = t.k join org_unit u on u.id = t.id
       where u.kind = any(string_to_array(a.kinds, ',')) and ${validOn(asOf)}
         and not exists (select 1 from not_asked n where n.element = a.element and n.id = u.id)
    ),
    reach(k, cover, id) as (
      select k, id, id from covered
      union
      select r.k, r.cover, e.down from reach r join edges e on e.up = r.id
    ),
    hits(k, cover) as (
      select distinct r.k, r.cover from reach r
        join asks a on a.k = r.k
        join data_value v on v.org_unit_id = r.id and v.element_id = a.element and v.period_id = a.period
       where v.category = '' and not v.draft
    )
    select a.k, (select count(*) from covered c where c.k = a.k) as total,
           (select count(*) from hits h where h.k = a.k) as reported
      from asks a`.execute(db);
  const byK = new Map(rows.rows.map((r) => [Number(r.k), r]));
  return asks.map((_, i) => {
    const r = byK.get(i);
    return { reported: Number(r?.reported ?? 0), total: Number(r?.total ?? 0) };
  });
}
