import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** Deterministic pseudo-random in [0, 1) from a number, so the sample is the same at every start. */
function rnd(n: number): number {
  const x = Math.sin(n * 9301 + 49297) * 233280;
  return x - Math.floor(x);
}

/**
 * Demo mode only: SAMPLE figures (not from any document, flagged is_sample and labelled as sample data
 * wherever they show) for the 38 communes in 2025–2026 and the 106 earlier communes in 2024–2025, for the
 * rates the plans target, so the targets page, drill-down and trend have something to show.
 */
export async function loadSampleFigures(db: Kysely<Database>): Promise<number> {
  const any = await db.selectFrom("data_value").select("id").limit(1).execute();
  if (any.length > 0) return 0;
  const indicators = await db
    .selectFrom("indicator")
    .select(["code", "numerator_id", "denominator_id"])
    .where("code", "in", ["KH5272-02", "NQ06-TH", "NQ06-THCS", "NQ06-THPT", "NQ06-KCH", "BL-THHP"])
    .execute();
  const periods = await db
    .selectFrom("period")
    .select(["id", "code"])
    .where("code", "in", ["2024SY", "2025SY"])
    .execute();
  const pid = (c: string) => periods.find((p) => p.code === c)?.id as number;
  const communes = await db
    .selectFrom("org_unit")
    .select(["id", "valid_to"])
    .where("kind", "in", ["commune", "ward", "township"])
    .execute();
  const rate: Record<string, [number, number]> = {
    "KH5272-02": [0.97, 0.03],
    "NQ06-TH": [0.985, 0.015],
    "NQ06-THCS": [0.93, 0.06],
    "NQ06-THPT": [0.45, 0.25],
    "NQ06-KCH": [0.8, 0.18],
    "BL-THHP": [0.2, 0.4],
  };
  const rows: {
    element_id: number;
    period_id: number;
    org_unit_id: number;
    value: number;
    is_sample: boolean;
  }[] = [];
  for (const c of communes) {
    const period = c.valid_to ? pid("2024SY") : pid("2025SY");
    for (const ind of indicators) {
      if (!ind.numerator_id || !ind.denominator_id) continue;
      const [base, spread] = rate[ind.code] as [number, number];
      const den = Math.round(
        ind.code === "BL-THHP" || ind.code === "NQ06-KCH" ? 4 + rnd(c.id) * 40 : 80 + rnd(c.id) * 600,
      );
      const share = Math.min(1, base + spread * rnd(c.id * 7 + ind.numerator_id));
      rows.push({
        element_id: ind.denominator_id,
        period_id: period,
        org_unit_id: c.id,
        value: den,
        is_sample: true,
      });
      rows.push({
        element_id: ind.numerator_id,
        period_id: period,
        org_unit_id: c.id,
        value: Math.round(den * share),
        is_sample: true,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("data_value")
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
