import type { Kysely } from "kysely";
import { coverageOf } from "../db/repositories/figureQueries.ts";
import { schoolsNotAskedFor } from "../db/repositories/formRepository.ts";
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
import { computeIndicator } from "./computeIndicator.ts";

/**
 * Every target with its current value (aggregated from entered figures on today's map, else the
 * officially reported figure), the expected value on its trajectory, a status, and a trend by school year.
 * A target for every commune is read at its weakest commune, with how many communes meet it.
 */
export async function getTargetsOverview(
  db: Kysely<Database>,
  today: string,
  unitId?: number,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
) {
  let q = db
    .selectFrom("indicator_target as t")
    .innerJoin("indicator as i", "i.id", "t.indicator_id")
    .innerJoin("org_unit as u", "u.id", "t.org_unit_id")
    .select([
      "t.id",
      "t.label",
      "t.comparator",
      "t.value",
      "t.due_year",
      "t.baseline_value",
      "t.baseline_year",
      "t.org_unit_id",
      "t.scope",
      "t.recurring",
      "t.document_id",
      "t.version",
      "u.full_name as unit_name",
      "i.id as indicator_id",
      "i.code",
      "i.name as indicator_name",
      "i.unit",
      "i.level",
      "i.numerator_id",
      "i.denominator_id",
      "i.element_id",
    ]);
  if (unitId) q = q.where("t.org_unit_id", "=", unitId);
  const targets = await q.orderBy("t.id").execute();
  const schoolYears = await db
    .selectFrom("period")
    .select(["id", "code", "name", "end_date"])
    .where("kind", "=", "school_year")
    .where("start_date", "<=", today)
    .orderBy("start_date")
    .execute();
  const out = [];
  const communesUnder = async (id: number) =>
    (
      await db
        .selectFrom("org_unit_parent as p")
        .innerJoin("org_unit as u", "u.id", "p.child_id")
        .select("u.id")
        .where("p.parent_id", "=", id)
        .where("u.kind", "in", ["commune", "ward", "township"])
        .where((eb) => eb.or([eb("p.valid_from", "is", null), eb("p.valid_from", "<=", today)]))
        .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">", today)]))
        .execute()
    ).length;
  for (const t of targets) {
    if (t.scope === "each_commune") {
      out.push(await eachCommune(db, t, schoolYears, today, thresholds, await communesUnder(t.org_unit_id)));
      continue;
    }
    const computed = await computeIndicator(db, {
      indicatorId: t.indicator_id,
      unitId: t.org_unit_id,
      periodIds: schoolYears.map((p) => p.id),
      asOf: today,
    });
    const reported = await db
      .selectFrom("reported_value")
      .select(["period_id", "value", "kind"])
      .where("indicator_id", "=", t.indicator_id)
      .where("org_unit_id", "=", t.org_unit_id)
      .where("kind", "=", "result")
      .execute();
    const trend = schoolYears
      .map((p) => {
        const c = computed.find((x) => x.periodId === p.id);
        const r = reported.find((x) => x.period_id === p.id);
        // real figures first: entered (non-sample) figures, then the officially reported one, then sample data
        const useEntered = c !== undefined && c.value !== null && (!c.sample || !r);
        const value = useEntered ? c.value : r ? Number(r.value) : null;
        return {
          period: p.code,
          name: p.name,
          value,
          source: useEntered ? (c.sample ? "sample" : "entered") : r ? "reported" : null,
          numerator: useEntered ? c.numerator : null,
          denominator: useEntered ? c.denominator : null,
        };
      })
      .filter((x) => x.value !== null);
    const latest = trend[trend.length - 1] ?? null;
    const year = measuredYear(latest, today);
    const trajectory = trajectoryOf(t);
    // an officially reported figure speaks for the whole unit; a total of entered figures only for
    // the units that sent theirs
    const periodId = schoolYears.find((p) => p.code === latest?.period)?.id;
    const element = t.denominator_id ?? t.element_id;
    const coverage: Coverage | null =
      latest && latest.source !== "reported" && periodId !== undefined && element !== null
        ? await coverageOf(db, {
            rootId: t.org_unit_id,
            asOf: today,
            kinds: t.level === "school" ? ["school"] : ["commune", "ward", "township"],
            elementId: element,
            periodId,
            notAsked: t.level === "school" ? await schoolsNotAskedFor(db, element) : [],
          })
        : null;
    const judged = targetStatus(trajectory, latest?.value ?? null, year, thresholds);
    out.push({
      ...t,
      value: Number(t.value),
      baseline_value: trajectory.baselineValue,
      current: latest,
      status: withCoverage(judged, coverage, thresholds.minCoverage),
      coverage,
      trend,
      meeting: null as { count: number; reported: number; total: number } | null,
    });
  }
  return out;
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
async function eachCommune<T extends TargetRow>(
  db: Kysely<Database>,
  t: T,
  schoolYears: { id: number; code: string; name: string }[],
  today: string,
  thresholds: StatusThresholds,
  total: number,
) {
  const points = await computeIndicator(db, {
    indicatorId: t.indicator_id,
    unitId: t.org_unit_id,
    periodIds: schoolYears.map((p) => p.id),
    asOf: today,
    childrenOf: true,
  });
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
    ...t,
    value: target,
    baseline_value: trajectory.baselineValue,
    current: latest,
    status,
    coverage: coverage as Coverage | null,
    trend,
    meeting: latest?.meeting ?? { count: 0, reported: 0, total },
  };
}
