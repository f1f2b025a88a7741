import type { Kysely } from "kysely";
import {
  type CoverageAsk,
  coverageMany,
  type RootTotal,
  sumUpMany,
} from "../db/repositories/figureTotals.ts";
import { type FigureCalendar, type SchoolYear, targetRows } from "../db/repositories/targetPageQueries.ts";
import type { Database } from "../db/schema.ts";
import {
  type Coverage,
  DEFAULT_THRESHOLDS,
  meets,
  type StatusThresholds,
  type Trajectory,
  targetStatus,
  withCoverage,
} from "../domain/indicators.ts";
import type { OrgUnitKind } from "../domain/orgUnits.ts";
import { type IndicatorShape, indicatorPoints } from "./computeIndicator.ts";

const COMMUNE_KINDS: OrgUnitKind[] = ["commune", "ward", "township"];

type Row = Awaited<ReturnType<typeof targetRows>>["targets"][number];

const shapeOf = (t: Row): IndicatorShape => ({
  type: t.indicator_type,
  multiplier: t.indicator_multiplier,
  numerator_id: t.numerator_id,
  denominator_id: t.denominator_id,
  element_id: t.element_id,
});
const elementsOf = (t: Row) =>
  [t.numerator_id, t.denominator_id, t.element_id].filter((x): x is number => x !== null);

/** The target as the page shows it: its row without the indicator's arithmetic. */
function shown(t: Row) {
  const {
    indicator_type: _type,
    indicator_multiplier: _multiplier,
    reported: _reported,
    communes: _communes,
    ...rest
  } = t;
  return rest;
}

/**
 * Every target with its current value (aggregated from entered figures on today's map, else the
 * officially reported figure), the expected value on its trajectory, a status, and a trend by school year.
 * A target for every commune is read at its weakest commune, with how many communes meet it.
 * A fixed number of statements whatever the number of targets: the targets with their reported
 * results, the communes under the "every commune" targets' units and the calendar of `today` (school
 * years, the rollups' state) in one read (or the caller's `calendar`, read for `today`), every total
 * in one grouped read (figureTotals.sumUpMany), every coverage in another; the rules are applied here,
 * in TypeScript.
 */
export async function getTargetsOverview(
  db: Kysely<Database>,
  today: string,
  unitId?: number,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
  calendar?: FigureCalendar,
) {
  const read = await targetRows(db, { unitId, today, withCalendar: !calendar });
  const { targets } = read;
  if (targets.length === 0) return [];
  const { schoolYears, rollupState } = (calendar ?? read.calendar) as FigureCalendar;
  const periodIds = schoolYears.map((p) => p.id);
  const own = targets.filter((t) => t.scope !== "each_commune");
  const each = targets.filter((t) => t.scope === "each_commune");
  const reported = reportedValues(own);
  const totals = await sumUpMany(db, {
    asOf: today,
    state: rollupState,
    periodIds,
    asks: targets.flatMap((t) =>
      elementsOf(t).map((elementId) => ({
        root: t.org_unit_id,
        childrenOf: t.scope === "each_commune",
        elementId,
      })),
    ),
  });
  const byRoot = new Map<string, RootTotal[]>();
  for (const x of totals) {
    const key = `${x.root}|${x.childrenOf}`;
    byRoot.set(key, [...(byRoot.get(key) ?? []), x]);
  }
  const totalsOf = (t: Row) => {
    const elements = new Set(elementsOf(t));
    return (byRoot.get(`${t.org_unit_id}|${t.scope === "each_commune"}`) ?? []).filter((x) =>
      elements.has(x.element_id),
    );
  };
  const ownRead = own.map((t) => unitTarget(t, totalsOf(t), reported, schoolYears, today));
  // a school that does not teach an element's level is never asked for it: coverageMany leaves it out
  const coverages = await coverageMany(
    db,
    today,
    ownRead.flatMap((r) => (r.coverageAsk ? [r.coverageAsk] : [])),
    rollupState,
  );
  let next = 0;
  const byId = new Map<number, ReturnType<typeof judgeUnit> | ReturnType<typeof eachCommune>>();
  for (const r of ownRead) {
    const coverage = r.coverageAsk ? (coverages[next++] ?? null) : null;
    byId.set(r.target.id, judgeUnit(r, coverage, thresholds));
  }
  for (const t of each)
    byId.set(t.id, eachCommune(t, totalsOf(t), schoolYears, today, thresholds, Number(t.communes ?? 0)));
  return targets.map((t) => byId.get(t.id) as NonNullable<ReturnType<typeof byId.get>>);
}

/** The officially reported results of the targets' indicators for their units (read with the targets). */
function reportedValues(targets: Row[]) {
  const out = new Map<string, number>();
  for (const t of targets)
    for (const [periodId, value] of t.reported ?? [])
      out.set(`${t.indicator_id}|${t.org_unit_id}|${periodId}`, Number(value));
  return out;
}

/** A target for one unit: its trend (entered figures first, then reported ones) and what its coverage needs. */
function unitTarget(
  t: Row,
  totals: RootTotal[],
  reported: Map<string, number>,
  schoolYears: SchoolYear[],
  today: string,
) {
  const computed = indicatorPoints(
    shapeOf(t),
    totals,
    [t.org_unit_id],
    schoolYears.map((p) => p.id),
  );
  const trend = schoolYears
    .map((p) => {
      const c = computed.find((x) => x.periodId === p.id);
      const r = reported.get(`${t.indicator_id}|${t.org_unit_id}|${p.id}`);
      // real figures first: entered (non-sample) figures, then the officially reported one, then sample data
      const useEntered = c !== undefined && c.value !== null && (!c.sample || r === undefined);
      const value = useEntered ? c.value : r !== undefined ? r : null;
      return {
        period: p.code,
        name: p.name,
        value,
        source: useEntered ? (c.sample ? "sample" : "entered") : r !== undefined ? "reported" : null,
        numerator: useEntered ? c.numerator : null,
        denominator: useEntered ? c.denominator : null,
      };
    })
    .filter((x) => x.value !== null);
  const latest = trend[trend.length - 1] ?? null;
  // an officially reported figure speaks for the whole unit; a total of entered figures only for
  // the units that sent theirs
  const periodId = schoolYears.find((p) => p.code === latest?.period)?.id;
  const element = t.denominator_id ?? t.element_id;
  const coverageAsk: CoverageAsk | null =
    latest && latest.source !== "reported" && periodId !== undefined && element !== null
      ? {
          rootId: t.org_unit_id,
          kinds: t.level === "school" ? ["school"] : COMMUNE_KINDS,
          elementId: element,
          periodId,
        }
      : null;
  return { target: t, trend, latest, year: measuredYear(latest, today), coverageAsk };
}

function judgeUnit(
  r: ReturnType<typeof unitTarget>,
  coverage: Coverage | null,
  thresholds: StatusThresholds,
) {
  const trajectory = trajectoryOf(r.target);
  const judged = targetStatus(trajectory, r.latest?.value ?? null, r.year, thresholds);
  return {
    ...shown(r.target),
    value: Number(r.target.value),
    baseline_value: trajectory.baselineValue,
    current: r.latest,
    status: withCoverage(judged, coverage, thresholds.minCoverage),
    coverage,
    trend: r.trend,
    meeting: null as { count: number; reported: number; total: number } | null,
  };
}

type TargetRow = {
  indicator_id: number;
  recurring: boolean;
  org_unit_id: number;
  comparator: string;
  value: string;
  due_year: number;
  baseline_value: string | null;
  baseline_year: number | null;
};

function trajectoryOf(t: TargetRow): Trajectory {
  return {
    baselineYear: t.baseline_year,
    baselineValue: t.baseline_value === null ? null : Number(t.baseline_value),
    targetYear: t.due_year,
    targetValue: Number(t.value),
    comparator: t.comparator,
    recurring: t.recurring,
  };
}

/** A school year's figure is judged in the calendar year it ends ("2025SY" → 2026); none yet: this year. */
function measuredYear(latest: { period: string } | null, today: string): number {
  return latest ? Number(latest.period.slice(0, 4)) + 1 : Number(today.slice(0, 4));
}

/** "Every commune": per school year the weakest commune's value, and how many communes meet the target. */
function eachCommune(
  t: Row,
  totals: RootTotal[],
  schoolYears: SchoolYear[],
  today: string,
  thresholds: StatusThresholds,
  total: number,
) {
  const tops = [...new Set(totals.map((x) => x.top))];
  const points = indicatorPoints(
    shapeOf(t),
    totals,
    tops,
    schoolYears.map((p) => p.id),
  );
  const target = Number(t.value);
  const lowerIsBetter = t.comparator === "<" || t.comparator === "<=";
  const trend = schoolYears
    .map((p) => {
      const values = points
        .filter((x) => x.periodId === p.id && x.value !== null)
        .map((x) => x.value as number);
      const worst = values.length === 0 ? null : lowerIsBetter ? Math.max(...values) : Math.min(...values);
      return {
        period: p.code,
        name: p.name,
        value: worst,
        source: points.some((x) => x.periodId === p.id && x.sample) ? "sample" : "entered",
        numerator: null,
        denominator: null,
        meeting: {
          count: values.filter((v) => meets(t.comparator, v, target)).length,
          reported: values.length,
          total,
        },
      };
    })
    .filter((x) => x.value !== null);
  const latest = trend[trend.length - 1] ?? null;
  const year = measuredYear(latest, today);
  const trajectory = trajectoryOf(t);
  // judged by the weakest commune; it is met only when every commune has a figure that meets it
  const judged = targetStatus(trajectory, latest?.value ?? null, year, thresholds);
  const meeting = latest?.meeting ?? { count: 0, reported: 0, total };
  const coverage = { reported: meeting.reported, total };
  // met only when every commune has a figure that meets it; judged at all only with enough of them
  const status =
    judged === "achieved" && meeting.reported < total
      ? "not_enough_data"
      : withCoverage(judged, coverage, thresholds.minCoverage);
  return {
    ...shown(t),
    value: target,
    baseline_value: trajectory.baselineValue,
    current: latest,
    status,
    coverage: coverage as Coverage | null,
    trend,
    meeting: latest?.meeting ?? { count: 0, reported: 0, total },
  };
}
