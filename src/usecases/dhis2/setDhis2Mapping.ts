import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import { expectOneRow } from "../../db/versioned.ts";
import { CATEGORY_OPTIONS } from "../../domain/breakdowns.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { z } from "../shared/zod.ts";

export const MappingInput = z.object({
  version: z.number().int().positive(),
  /** The Lộ Trình object: an element or unit id, a breakdown option ('' = whole figure); null = unmap. */
  target: z.union([z.number().int().positive(), z.string().max(40), z.null()]),
});

/** An administrator maps (or unmaps) one DHIS2 object by hand; kept over later metadata loads. */
export async function setDhis2Mapping(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  input: z.infer<typeof MappingInput>,
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("dhis2_mapping").selectAll().where("id", "=", id).executeTakeFirst();
    if (!before) throw errors.notFound("ánh xạ DHIS2");
    const t = input.target;
    const set = {
      element_id: null as number | null,
      org_unit_id: null as number | null,
      category: null as string | null,
    };
    if (t !== null && before.kind === "categoryOptionCombo") {
      if (typeof t !== "string" || (t !== "" && !CATEGORY_OPTIONS.some((o) => o.code === t)))
        throw errors.validation("Phân tổ không có trong Lộ Trình.");
      set.category = t;
    } else if (t !== null) {
      if (typeof t !== "number") throw errors.validation("Cần chọn một đối tượng của Lộ Trình.");
      const table = before.kind === "dataElement" ? "data_element" : "org_unit";
      const exists = await trx.selectFrom(table).select("id").where("id", "=", t).executeTakeFirst();
      if (!exists)
        throw errors.validation(
          before.kind === "dataElement" ? "Phần tử dữ liệu không có." : "Đơn vị không có.",
        );
      if (before.kind === "dataElement") set.element_id = t;
      else set.org_unit_id = t;
    }
    const result = await trx
      .updateTable("dhis2_mapping")
      .set((eb) => ({ ...set, matched_by: "manual" as const, version: eb("version", "+", 1) }))
      .where("id", "=", id)
      .where("version", "=", input.version)
      .executeTakeFirst();
    expectOneRow(result, "ánh xạ DHIS2");
    await recordAudit(trx, actor, {
      action: "dhis2.mapping",
      entity: "dhis2_mapping",
      entityId: id,
      before: { element_id: before.element_id, org_unit_id: before.org_unit_id, category: before.category },
      after: set,
    });
    return { id, version: before.version + 1, ...set };
  });
}
