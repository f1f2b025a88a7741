import { type Kysely, sql } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { indicatorSeeds, seedBreakdowns } from "../db/seed/indicators.ts";
import { targetSeeds } from "../db/seed/indicatorTargets.ts";
import { periodsFor } from "../domain/periods.ts";
import { systemActor } from "../domain/roles.ts";
import { asciiKey } from "../domain/text.ts";
import { fillElementLevels } from "./shared/elementLevels.ts";

const DATASET = "indicator-catalog";
const VERSION = "2025-09-09.3";

export function elementCode(name: string): string {
  return asciiKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80);
}

/**
 * The seeded value kinds: the element of a yes/no or "units meeting" indicator is 0 or 1 ("1 = đạt");
 * every other element counts people, schools or classes (whole numbers, 0 – 1.000.000 per unit, the
 * column defaults). Administrators change kinds and ranges in the catalog afterwards.
 */
async function applyElementKinds(trx: Kysely<Database>) {
  await trx
    .updateTable("data_element")
    .set({ value_kind: "yes_no", min_value: 0, max_value: 1 })
    .where("value_kind", "<>", "yes_no")
    .where("id", "in", (eb) =>
      eb
        .selectFrom("indicator")
        .select("element_id")
        .where("type", "in", ["yes_no", "units_meeting"])
        .where("element_id", "is not", null)
        .$narrowType<{ element_id: number }>(),
    )
    .execute();
}

/**
 * Loads the reporting periods (2023–2031), the indicator catalog with its data elements and the plans'
 * targets. Idempotent, in one transaction. Figures are not written here: the province's figures of
 * 5272/KH-UBND come from importing that plan (importIndicatorFigures.ts), the demo imports it.
 */
export async function loadIndicatorCatalog(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const have = await trx
      .selectFrom("reference_data")
      .selectAll()
      .where("name", "=", DATASET)
      .executeTakeFirst();
    if (have) {
      await fillElementLevels(trx);
      if (have.version === VERSION) return false;
      // an older catalog: add what this version brought (breakdowns), leaving admins' edits alone
      for (const [code, breakdowns] of Object.entries(seedBreakdowns)) {
        await trx
          .updateTable("indicator")
          .set({ breakdowns: JSON.stringify(breakdowns) })
          .where("code", "=", code)
          .where((eb) =>
            eb.or([eb("breakdowns", "is", null), eb(sql`jsonb_array_length(breakdowns)`, "=", 0)]),
          )
          .execute();
      }
      await applyElementKinds(trx);
      await trx.updateTable("reference_data").set({ version: VERSION }).where("name", "=", DATASET).execute();
      await recordAudit(trx, systemActor(), {
        action: "reference.load",
        entity: "indicator",
        before: { dataset: DATASET, version: have.version },
        after: { dataset: DATASET, version: VERSION, breakdowns: Object.keys(seedBreakdowns) },
      });
      return true;
    }
    for (const p of periodsFor(2023, 2031)) {
      await trx
        .insertInto("period")
        .values({
          code: p.code,
          kind: p.kind,
          name: p.name,
          start_date: p.start,
          end_date: p.end,
          cutoff_from: p.cutoffFrom,
          cutoff_to: p.cutoffTo,
        })
        .onConflict((oc) => oc.column("code").doNothing())
        .execute();
    }
    const elementIds = new Map<string, number>();
    const element = async (name: string, level: string) => {
      const code = elementCode(name);
      const known = elementIds.get(code);
      if (known) return known;
      const row = await trx
        .insertInto("data_element")
        .values({ code, name, level })
        .returning("id")
        .executeTakeFirstOrThrow();
      elementIds.set(code, row.id);
      return row.id;
    };
    const province = await trx
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "province")
      .executeTakeFirstOrThrow();
    const binhLu = await trx
      .selectFrom("org_unit")
      .select("id")
      .where("full_name", "=", "Xã Bình Lư")
      .where("valid_to", "is", null)
      .executeTakeFirstOrThrow();
    const indicatorIds = new Map<string, number>();
    for (const s of indicatorSeeds) {
      const row = await trx
        .insertInto("indicator")
        .values({
          code: s.code,
          name: s.name,
          definition: s.definition ?? "",
          unit: s.unit,
          type: s.type,
          level: s.level,
          multiplier: s.multiplier ?? 100,
          gross: s.gross ?? false,
          breakdowns: JSON.stringify(seedBreakdowns[s.code] ?? []),
          numerator_id: s.numerator ? await element(s.numerator, s.level) : null,
          denominator_id: s.denominator ? await element(s.denominator, s.level) : null,
          element_id: s.element ? await element(s.element, s.level) : null,
          source: s.code.startsWith("KH5272")
            ? "Phụ lục Kế hoạch 5272/KH-UBND ngày 09/9/2025"
            : "Mục tiêu 47-KH/ĐU và kế hoạch của xã Bình Lư",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      indicatorIds.set(s.code, row.id);
    }
    for (const t of targetSeeds) {
      const ind = indicatorIds.get(t.indicator) as number;
      await trx
        .insertInto("indicator_target")
        .values({
          indicator_id: ind,
          org_unit_id: t.unit === "province" ? province.id : binhLu.id,
          comparator: t.comparator,
          value: t.value,
          due_year: t.year,
          baseline_value: null,
          baseline_year: null,
          label: `${t.label} — ${t.plan}`,
        })
        .execute();
    }
    await applyElementKinds(trx);
    await fillElementLevels(trx);
    await trx.insertInto("reference_data").values({ name: DATASET, version: VERSION }).execute();
    await recordAudit(trx, systemActor(), {
      action: "reference.load",
      entity: "indicator",
      after: {
        dataset: DATASET,
        version: VERSION,
        indicators: indicatorSeeds.length,
        elements: elementIds.size,
      },
    });
    return true;
  });
}
