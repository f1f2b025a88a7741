import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { z } from "./shared/zod.ts";

export const TargetInput = z
  .object({
    indicatorId: z.number().int().positive(),
    /** The unit the target is set for (the province for "every commune"). */
    unitId: z.number().int().positive(),
    scope: z.enum(["unit", "each_commune"]).default("unit"),
    comparator: z.enum([">=", ">", "<=", "<", "="]).default(">="),
    value: z.number().finite(),
    dueYear: z.number().int().min(2020).max(2050),
    recurring: z.boolean().default(false),
    baselineValue: z.number().finite().nullable().default(null),
    baselineYear: z.number().int().min(2015).max(2050).nullable().default(null),
    label: z.string().trim().min(3).max(1000),
    /** The plan that sets it, when it comes from an imported document. */
    documentId: z.number().int().positive().nullable().default(null),
    version: z.number().int().positive().optional(),
  })
  .refine((v) => (v.baselineValue === null) === (v.baselineYear === null), {
    message: "Giá trị gốc và năm gốc phải nhập cùng nhau",
    path: ["baselineYear"],
  })
  .refine((v) => v.baselineYear === null || v.baselineYear <= v.dueYear, {
    message: "Năm gốc phải trước năm đích",
    path: ["baselineYear"],
  });

/** Adds a target to follow, or changes one (version checked); audited with before → after. */
export async function saveTarget(
  db: Kysely<Database>,
  actor: Actor,
  raw: z.input<typeof TargetInput>,
  id?: number,
) {
  const input = TargetInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const ind = await trx
      .selectFrom("indicator")
      .select(["id", "type"])
      .where("id", "=", input.indicatorId)
      .executeTakeFirst();
    if (!ind) throw errors.notFound("chỉ tiêu");
    const unit = await trx
      .selectFrom("org_unit")
      .select(["id", "kind", "valid_to"])
      .where("id", "=", input.unitId)
      .executeTakeFirst();
    if (!unit) throw errors.notFound("đơn vị");
    if (unit.valid_to)
      throw errors.validation("Đơn vị này không còn (đã sáp nhập); hãy chọn đơn vị hiện nay.");
    if (input.scope === "each_commune" && unit.kind !== "province" && unit.kind !== "district")
      throw errors.validation("Mục tiêu «mọi xã» đặt cho tỉnh, không đặt cho một xã.");
    if (input.documentId !== null) {
      const doc = await trx
        .selectFrom("document")
        .select("id")
        .where("id", "=", input.documentId)
        .executeTakeFirst();
      if (!doc) throw errors.notFound("văn bản");
    }
    const values = {
      indicator_id: input.indicatorId,
      org_unit_id: input.unitId,
      scope: input.scope,
      comparator: input.comparator,
      value: input.value,
      due_year: input.dueYear,
      recurring: input.recurring,
      baseline_value: input.baselineValue,
      baseline_year: input.baselineYear,
      label: input.label,
      document_id: input.documentId,
    };
    if (id === undefined) {
      const row = await trx
        .insertInto("indicator_target")
        .values(values)
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: "target.create",
        entity: "indicator_target",
        entityId: row.id,
        after: values,
      });
      return { id: row.id, version: 1 };
    }
    const before = await trx
      .selectFrom("indicator_target")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!before) throw errors.notFound("mục tiêu");
    if (input.version !== before.version) throw errors.conflict("Mục tiêu này");
    const result = await trx
      .updateTable("indicator_target")
      .set({ ...values, version: before.version + 1 })
      .where("id", "=", id)
      .where("version", "=", before.version)
      .executeTakeFirst();
    expectOneRow(result, "Mục tiêu này");
    await recordAudit(trx, actor, {
      action: "target.update",
      entity: "indicator_target",
      entityId: id,
      before,
      after: values,
    });
    return { id, version: before.version + 1 };
  });
}
