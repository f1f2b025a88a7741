import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { targetStatus } from "../domain/indicators.ts";
import { computeIndicator } from "./computeIndicator.ts";

/**
 * Every target with its current value (aggregated from entered figures on today's map, else the
 * officially reported figure), the expected value on its trajectory, a status, and a trend by school year.
 */
export async function getTargetsOverview(db: Kysely<Database>, today: string, unitId?: number) {
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
      "u.full_name as unit_name",
      "i.id as indicator_id",
      "i.code",
      "i.name as indicator_name",
      "i.unit",
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
  for (const t of targets) {
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
    const year = latest ? Number(latest.period.slice(0, 4)) + 1 : Number(today.slice(0, 4));
    const trajectory = {
      baselineYear: t.baseline_year,
      baselineValue: t.baseline_value === null ? null : Number(t.baseline_value),
      targetYear: t.due_year,
      targetValue: Number(t.value),
      comparator: t.comparator,
    };
    out.push({
      ...t,
      value: Number(t.value),
      baseline_value: trajectory.baselineValue,
      current: latest,
      status: targetStatus(trajectory, latest?.value ?? null, year),
      trend,
    });
  }
  return out;
}
