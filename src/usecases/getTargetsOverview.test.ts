import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { coverageOf } from "../db/repositories/figureQueries.ts";
import { readRollupState, rebuildRollups, rollupServes } from "../db/repositories/rollupRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { DEFAULT_THRESHOLDS, withCoverage } from "../domain/indicators.ts";
import { computeIndicator } from "./computeIndicator.ts";
import { getTargetsOverview } from "./getTargetsOverview.ts";
import { loadSampleFigures } from "./loadSampleFigures.ts";
import { loadSampleSchools } from "./loadSampleSchools.ts";

/**
 * The targets page reads every target's totals and coverage in a fixed number of statements; each
 * target must come out exactly as if it were read alone (computeIndicator, coverageOf), on the stored
 * rollups (today) and on the live walk (30/06/2025), with two targets on the same unit and indicator.
 */
let t: Db;
const TODAY = "2026-03-01";

beforeAll(async () => {
  t = await openTestDb();
  await loadSampleSchools(t.db);
  await loadSampleFigures(t.db);
  const province = (
    await t.db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
  ).id;
  const commune = (
    await t.db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "commune")
      .where("valid_to", "is", null)
      .orderBy("id")
      .executeTakeFirstOrThrow()
  ).id;
  const indicators = await t.db.selectFrom("indicator").select("id").orderBy("id").limit(8).execute();
  for (const [i, ind] of indicators.entries()) {
    for (const unit of [province, commune]) {
      await sql`insert into indicator_target (indicator_id, org_unit_id, comparator, value, due_year, label, scope)
        values (${ind.id}, ${unit}, ${i % 2 ? ">=" : "<="}, ${40 + 7 * i}, 2030, ${`Mục tiêu thử ${i}`},
                ${unit === province && i % 3 === 0 ? "each_commune" : "unit"})`.execute(t.db);
    }
  }
  // the same indicator on the same unit twice: its figures must not count twice
  const first = indicators[1]?.id as number;
  await sql`insert into indicator_target (indicator_id, org_unit_id, comparator, value, due_year, label)
    values (${first}, ${province}, '>=', 90, 2028, 'Mục tiêu thử trùng')`.execute(t.db);
  await rebuildRollups(t.db, TODAY);
});
afterAll(() => t.close());

describe("the targets page read in one go", () => {
  for (const asOf of [TODAY, "2025-06-30"]) {
    it(`gives each target the value and coverage it has when read alone, as of ${asOf}`, async () => {
      const stored = rollupServes(await readRollupState(t.db), asOf);
      expect(stored).toBe(asOf === TODAY);
      const page = await getTargetsOverview(t.db, asOf);
      expect(page.length).toBeGreaterThan(15);
      const periods = await t.db
        .selectFrom("period")
        .select(["id", "code"])
        .where("kind", "=", "school_year")
        .where("start_date", "<=", asOf)
        .execute();
      let judged = 0;
      for (const x of page) {
        if (x.scope === "each_commune") {
          const points = await computeIndicator(t.db, {
            indicatorId: x.indicator_id,
            unitId: x.org_unit_id,
            periodIds: periods.map((p) => p.id),
            asOf,
            childrenOf: true,
          });
          const period = periods.find((p) => p.code === x.current?.period);
          const values = points.filter((p) => p.periodId === period?.id && p.value !== null);
          expect(x.meeting?.reported ?? 0).toBe(values.length);
          continue;
        }
        if (x.current?.source !== "entered" && x.current?.source !== "sample") continue;
        const period = periods.find((p) => p.code === x.current?.period) as { id: number };
        const [alone] = await computeIndicator(t.db, {
          indicatorId: x.indicator_id,
          unitId: x.org_unit_id,
          periodIds: [period.id],
          asOf,
        });
        expect(x.current.value).toBeCloseTo(alone?.value as number, 9);
        expect(x.current.numerator).toBe(alone?.numerator);
        const element = (x.denominator_id ?? x.element_id) as number;
        const coverage = await coverageOf(t.db, {
          rootId: x.org_unit_id,
          asOf,
          kinds: x.level === "school" ? ["school"] : ["commune", "ward", "township"],
          elementId: element,
          periodId: period.id,
        });
        expect(x.coverage).toEqual(coverage);
        // "Chưa đủ số liệu" exactly when too few of the covered units sent figures
        if (coverage.total > 0 && coverage.reported / coverage.total < DEFAULT_THRESHOLDS.minCoverage)
          expect(x.status).toBe("not_enough_data");
        else expect(x.status).toBe(withCoverage(x.status, coverage, DEFAULT_THRESHOLDS.minCoverage));
        judged++;
      }
      expect(judged).toBeGreaterThan(3);
      // the repeated target reads the same figure as its twin
      const twins = page.filter(
        (x) =>
          x.indicator_id === page.find((y) => y.label === "Mục tiêu thử trùng")?.indicator_id &&
          x.org_unit_id === page.find((y) => y.label === "Mục tiêu thử trùng")?.org_unit_id &&
          x.scope === "unit",
      );
      expect(twins.length).toBeGreaterThanOrEqual(2);
      for (const twin of twins) expect(twin.current).toEqual(twins[0]?.current);
    });
  }
});
