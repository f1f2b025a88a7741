import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { categoriesByElement } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { numberFrom } from "../domain/numbers.ts";
import type { Actor } from "../domain/roles.ts";
import { AppError } from "../errors.ts";
import { type FigureInput, writeFigures } from "./shared/writeFigures.ts";
import { z } from "./shared/zod.ts";

/**
 * Figures in DHIS2's dataValueSets JSON: dataElement (our element code), period (2025, 2025Q1,
 * 2025S1, or 2025SY for a school year), orgUnit (the unit's official code, else "LT" + our id), value,
 * and categoryOptionCombo for a breakdown ("sex.female", …; absent for the whole figure).
 */
export const DataValueSet = z.object({
  dataValues: z
    .array(
      z.object({
        dataElement: z.string().min(1).max(100),
        period: z.string().min(1).max(20),
        orgUnit: z.string().min(1).max(40),
        categoryOptionCombo: z.string().max(40).optional(),
        value: z.union([z.string(), z.number()]),
        comment: z.string().max(1000).optional(),
      }),
    )
    .max(1_000_000),
});
export type DataValueSet = z.infer<typeof DataValueSet>;

function unitKeyOf(u: { id: number; code: string | null; valid_to: string | null }): string {
  return u.code && !u.valid_to ? u.code : `LT${u.id}`;
}

export async function exportDataValueSets(
  db: Kysely<Database>,
  filter: { periodCodes?: string[] } = {},
): Promise<DataValueSet> {
  let q = db
    .selectFrom("data_value as v")
    .innerJoin("data_element as e", "e.id", "v.element_id")
    .innerJoin("period as p", "p.id", "v.period_id")
    .innerJoin("org_unit as u", "u.id", "v.org_unit_id")
    .select([
      "e.code as element",
      "p.code as period",
      "u.id",
      "u.code",
      "u.valid_to",
      "v.value",
      "v.comment",
      "v.category",
    ]);
  if (filter.periodCodes?.length) q = q.where("p.code", "in", filter.periodCodes);
  const rows = await q.orderBy("v.id").execute();
  return {
    dataValues: rows.map((r) => ({
      dataElement: r.element,
      period: r.period,
      orgUnit: unitKeyOf(r),
      ...(r.category ? { categoryOptionCombo: r.category } : {}),
      value: String(Number(r.value)),
      ...(r.comment ? { comment: r.comment } : {}),
    })),
  };
}

/**
 * Imports a dataValueSets document, all or nothing, through the one writer (shared/writeFigures.ts):
 * the same checks as the form, row by row, no write into a submitted or approved form, each value
 * audited before → after. Every bad row is reported with its position.
 */
export async function importDataValueSets(db: Kysely<Database>, actor: Actor, raw: unknown) {
  const parsed = DataValueSet.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      "VALIDATION_FAILED",
      "Tệp không đúng dạng dataValueSets của DHIS2 (cần mảng «dataValues»).",
    );
  const set = parsed.data;
  const [elements, periods, units, indicators] = await Promise.all([
    db.selectFrom("data_element").select(["id", "code"]).execute(),
    db.selectFrom("period").select(["id", "code"]).execute(),
    db.selectFrom("org_unit").select(["id", "code", "valid_to"]).execute(),
    db
      .selectFrom("indicator")
      .select(["numerator_id", "denominator_id", "element_id", "breakdowns"])
      .execute(),
  ]);
  const categories = categoriesByElement(indicators);
  const el = new Map(elements.map((e) => [e.code, e.id]));
  const pe = new Map(periods.map((p) => [p.code, p.id]));
  const un = new Map(units.map((u) => [unitKeyOf(u), u.id]));
  const rowErrors: { row: number; message: string }[] = [];
  const rows: FigureInput[] = [];
  set.dataValues.forEach((d, i) => {
    const e = el.get(d.dataElement);
    const p = pe.get(d.period);
    const u = un.get(d.orgUnit);
    const v = numberFrom(d.value);
    const category = d.categoryOptionCombo ?? "";
    const problems = [
      e &&
        category &&
        !categories.get(e)?.includes(category) &&
        `categoryOptionCombo "${category}" không phải phân tổ của "${d.dataElement}"`,
      !e && `dataElement "${d.dataElement}" không có trong danh mục`,
      !p && `period "${d.period}" không hợp lệ`,
      !u && `orgUnit "${d.orgUnit}" không có`,
      !v.ok && `value "${d.value}": ${v.reason}`,
    ].filter(Boolean);
    if (problems.length || !v.ok) rowErrors.push({ row: i + 1, message: problems.join("; ") });
    else
      rows.push({
        elementId: e as number,
        periodId: p as number,
        unitId: u as number,
        category,
        value: v.value,
        comment: d.comment ?? null,
        position: `dòng ${i + 1}`,
      });
  });
  if (rowErrors.length > 0) {
    throw new AppError("VALIDATION_FAILED", `${rowErrors.length} dòng không hợp lệ; không có gì được lưu.`, {
      rows: rowErrors.slice(0, 200),
    });
  }
  await db.transaction().execute(async (trx) => {
    await writeFigures(trx, actor, rows, { action: "figures.import" });
    await recordAudit(trx, actor, {
      action: "figures.import",
      entity: "data_value",
      after: { format: "dhis2-dataValueSets", rows: rows.length },
    });
  });
  return { imported: rows.length };
}
