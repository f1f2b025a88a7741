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
 * rates the plans target, with their breakdowns (girls, ethnic minority children, education levels), so
 * the targets page, drill-down and trend have something to show.
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
    category: string;
    value: number;
    is_sample: boolean;
  }[] = [];
  const LEVELS: [string, number][] = [
    ["level.preschool", 0.3],
    ["level.primary", 0.35],
    ["level.lower_secondary", 0.25],
    ["level.upper_secondary", 0.1],
  ];
  for (const c of communes) {
    const period = c.valid_to ? pid("2024SY") : pid("2025SY");
    for (const ind of indicators) {
      if (!ind.numerator_id || !ind.denominator_id) continue;
      const [base, spread] = rate[ind.code] as [number, number];
      const byLevel = ind.code === "BL-THHP" || ind.code === "NQ06-KCH";
      const den = Math.round(byLevel ? 4 + rnd(c.id) * 40 : 80 + rnd(c.id) * 600);
      const share = Math.min(1, base + spread * rnd(c.id * 7 + ind.numerator_id));
      const push = (category: string, d: number, n: number) => {
        const common = { period_id: period, org_unit_id: c.id, category, is_sample: true };
        rows.push({ ...common, element_id: ind.denominator_id as number, value: d });
        rows.push({ ...common, element_id: ind.numerator_id as number, value: Math.min(d, n) });
      };
      if (byLevel) {
        // education levels split the whole: the parts add up to it exactly
        let denLeft = den;
        let numTotal = 0;
        LEVELS.forEach(([code, w], i) => {
          const d = i === LEVELS.length - 1 ? denLeft : Math.floor(den * w);
          denLeft -= d;
          const n = Math.min(d, Math.round(d * share));
          numTotal += n;
          push(code, d, n);
        });
        push("", den, numTotal);
      } else {
        const num = Math.round(den * share);
        push("", den, num);
        // of which girls (about half) and ethnic minority children (most of Lai Châu's population)
        const girls = Math.round(den * (0.47 + 0.04 * rnd(c.id * 3)));
        push("sex.female", girls, Math.round(girls * Math.max(0, share - 0.01)));
        const minority = Math.round(den * (0.75 + 0.2 * rnd(c.id * 5)));
        push("ethnic.minority", minority, Math.round(minority * Math.max(0, share - 0.03)));
      }
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("data_value")
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.length;
}
