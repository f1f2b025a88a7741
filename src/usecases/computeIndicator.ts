import type { Kysely } from "kysely";
import { type ElementTotal, indicatorForTotals, sumUp } from "../db/repositories/figureQueries.ts";
import type { Database } from "../db/schema.ts";
import { breakdownsOf, optionsOf } from "../domain/breakdowns.ts";
import { type IndicatorType, indicatorValue } from "../domain/indicators.ts";
import { errors } from "../errors.ts";

export interface IndicatorPoint {
  unitId: number;
  periodId: number;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  sample: boolean;
}

/**
 * An indicator for a unit (or each unit directly under it) and periods, on the map of `asOf`, for the
 * whole population or one breakdown option.
 */
export async function computeIndicator(
  db: Kysely<Database>,
  opts: {
    indicatorId: number;
    unitId: number;
    periodIds: number[];
    asOf: string;
    childrenOf?: boolean;
    /** A breakdown option of the indicator ('' or absent: the whole). */
    category?: string;
    /** Count figures of forms not yet submitted too (official totals leave them out). */
    includeDrafts?: boolean;
  },
): Promise<IndicatorPoint[]> {
  const found = await indicatorForTotals(db, opts.indicatorId);
  if (!found) throw errors.notFound("chỉ tiêu");
  const { indicator: ind, state } = found;
  const category = opts.category ?? "";
  if (category && !optionsOf(breakdownsOf(ind.breakdowns)).some((o) => o.code === category))
    throw errors.validation(`Chỉ tiêu «${ind.name}» không có phân tổ «${category}».`);
  const elements = [ind.numerator_id, ind.denominator_id, ind.element_id].filter(
    (x): x is number => x !== null,
  );
  const totals = await sumUp(db, {
    rootId: opts.unitId,
    asOf: opts.asOf,
    elementIds: elements,
    periodIds: opts.periodIds,
    childrenOf: opts.childrenOf,
    categories: [category],
    includeDrafts: opts.includeDrafts,
    state,
  });
  const tops = opts.childrenOf ? [...new Set(totals.map((t) => t.top))] : [opts.unitId];
  return indicatorPoints(ind, totals, tops, opts.periodIds);
}

/** What an indicator's arithmetic needs to know about it. */
export interface IndicatorShape {
  type: IndicatorType;
  multiplier: number;
  numerator_id: number | null;
  denominator_id: number | null;
  element_id: number | null;
}

/**
 * The indicator's value for each unit and period from the totals of its elements (rates from summed
 * numerators and denominators); a unit and period with no figure at all gives no point.
 */
export function indicatorPoints(
  ind: IndicatorShape,
  totals: ElementTotal[],
  tops: number[],
  periodIds: number[],
): IndicatorPoint[] {
  const byKey = new Map<string, ElementTotal>();
  const sampled = new Set<string>();
  for (const t of totals) {
    byKey.set(`${t.top}|${t.period_id}|${t.element_id}`, t);
    if (t.sample) sampled.add(`${t.top}|${t.period_id}`);
  }
  const out: IndicatorPoint[] = [];
  for (const top of tops) {
    for (const periodId of periodIds) {
      const get = (el: number | null) =>
        el === null ? null : (byKey.get(`${top}|${periodId}|${el}`)?.total ?? null);
      const numerator = get(ind.numerator_id);
      const denominator = get(ind.denominator_id);
      const value = indicatorValue(ind.type, ind.multiplier, {
        numerator,
        denominator,
        value: get(ind.element_id),
      });
      if (numerator === null && denominator === null && value === null) continue;
      const sample = sampled.has(`${top}|${periodId}`);
      out.push({ unitId: top, periodId, numerator, denominator, value, sample });
    }
  }
  return out;
}
