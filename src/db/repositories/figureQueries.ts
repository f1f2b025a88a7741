import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import {
  coverageMany,
  type ElementTotal,
  type ManyTotalsOptions,
  type RootTotal,
  sumUpMany,
  sumUpManyLive,
} from "./figureTotals.ts";
import type { RollupState } from "./rollupRepository.ts";

export type { ElementTotal } from "./figureTotals.ts";

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
  /** The rollups' state when the caller has read it already; else read here. */
  state?: RollupState;
}

function manyOf(opts: SumUpOptions): ManyTotalsOptions {
  const childrenOf = opts.childrenOf ?? false;
  return {
    asOf: opts.asOf,
    asks: opts.elementIds.map((elementId) => ({ root: opts.rootId, childrenOf, elementId })),
    periodIds: opts.periodIds,
    categories: opts.categories,
    includeDrafts: opts.includeDrafts,
    state: opts.state,
  };
}

/** An indicator and the rollups' state (which form its totals take), in one statement. */
export async function indicatorForTotals(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom("indicator as i")
    .innerJoin("rollup_state as s", (j) => j.on("s.id", "=", 1))
    .selectAll("i")
    .select(["s.stale", "s.built_for", "s.map_from", "s.map_to"])
    .where("i.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const { stale, built_for, map_from, map_to, ...indicator } = row;
  const state: RollupState = { stale, builtFor: built_for, mapFrom: map_from, mapTo: map_to };
  return { indicator, state };
}

const one = (rows: RootTotal[]): ElementTotal[] => rows.map(({ root: _r, childrenOf: _c, ...x }) => x);

/**
 * Sums data values up the map as it stood on `asOf`: a unit gathers its subtree, plus the units that
 * were merged into it (weighted by the lineage, so a split shares its values). On 30/6/2025 an old
 * commune sits under its old district; today the same value counts inside the commune it joined.
 * One root of figureTotals.sumUpMany: the stored rollups when they describe the map of `asOf`, else
 * the live walk; both give the same totals (rollupRepository.test.ts holds them to it).
 */
export async function sumUp(db: Kysely<Database>, opts: SumUpOptions): Promise<ElementTotal[]> {
  return one(await sumUpMany(db, manyOf(opts)));
}

/** The aggregation from the values alone: a recursive walk of the map of `asOf`. */
export async function sumUpLive(db: Kysely<Database>, opts: SumUpOptions): Promise<ElementTotal[]> {
  return one(await sumUpManyLive(db, manyOf(opts)));
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
 * of the element for the period — entered by themselves or by the older units merged into them; a school
 * the element is not asked of is not counted.
 */
export async function coverageOf(
  db: Kysely<Database>,
  opts: {
    rootId: number;
    asOf: string;
    kinds: string[];
    elementId: number;
    periodId: number;
  },
): Promise<{ reported: number; total: number }> {
  const [c] = await coverageMany(db, opts.asOf, [opts]);
  return c ?? { reported: 0, total: 0 };
}
