import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import { EDUCATION_LEVELS } from "../domain/educationLevels.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { fillElementLevels } from "./shared/elementLevels.ts";
import { indicatorRow, insertIndicator } from "./shared/insertIndicator.ts";
import { z } from "./shared/zod.ts";

export const IndicatorInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{2,40}$/, "Mã gồm chữ, số, dấu chấm, gạch (2–40 ký tự)"),
    name: z.string().trim().min(3).max(300),
    definition: z.string().trim().max(4000).default(""),
    unit: z.string().trim().max(40),
    type: z.enum(["rate", "count", "units_meeting", "yes_no"]),
    direction: z.enum(["higher", "lower"]).default("higher"),
    level: z.enum(["commune", "school"]),
    multiplier: z.number().int().positive().default(100),
    gross: z.boolean().default(false),
    numerator: z.string().trim().max(300).optional(),
    denominator: z.string().trim().max(300).optional(),
    element: z.string().trim().max(300).optional(),
    breakdowns: z.array(z.enum(["education_level", "sex", "ethnic_minority"])).default([]),
    /** What one unit's figure may be: whole numbers or decimals (yes/no types are 0/1 by themselves). */
    valueKind: z.enum(["count", "decimal"]).default("count"),
    /** The plausible range of one unit's figure for each element of the indicator. */
    minValue: z.number().finite().min(-1e12).max(1e12).default(0),
    maxValue: z.number().finite().min(-1e12).max(1e12).default(1_000_000),
    /**
     * The education levels the indicator's elements are about ([] = none in particular): a school is
     * asked for them only if it teaches one. Left out: the catalog's default, read from the names.
     */
    educationLevels: z.array(z.enum(EDUCATION_LEVELS)).max(4).optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((v) => v.minValue < v.maxValue, {
    message: "Giá trị nhỏ nhất phải nhỏ hơn giá trị lớn nhất",
    path: ["maxValue"],
  })
  .refine((v) => (v.type === "rate" ? Boolean(v.numerator && v.denominator) : Boolean(v.element)), {
    message: "Tỷ lệ cần tên tử số và mẫu số; loại khác cần tên một chỉ số nhập",
  });

/** Adds an indicator to the catalog, or changes one (version checked); data elements are made as needed. */
export async function saveIndicator(
  db: Kysely<Database>,
  actor: Actor,
  raw: z.input<typeof IndicatorInput>,
  id?: number,
) {
  const input = IndicatorInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    if (id === undefined) return insertIndicator(trx, actor, input, "Quản trị viên thêm");
    const values = await indicatorRow(trx, input);
    const before = await trx.selectFrom("indicator").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw errors.notFound("chỉ tiêu");
    if (input.version !== before.version) throw errors.conflict("Chỉ tiêu này");
    const result = await trx
      .updateTable("indicator")
      .set({ ...values, version: before.version + 1 })
      .where("id", "=", id)
      .where("version", "=", before.version)
      .executeTakeFirst();
    expectOneRow(result, "Chỉ tiêu này");
    await recordAudit(trx, actor, {
      action: "indicator.update",
      entity: "indicator",
      entityId: id,
      before,
      after: values,
    });
    await fillElementLevels(trx);
    return { id, version: before.version + 1 };
  });
}
