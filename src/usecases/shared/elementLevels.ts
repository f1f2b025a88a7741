import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import { defaultElementLevels } from "../../domain/educationLevels.ts";
import { systemActor } from "../../domain/roles.ts";

/**
 * Gives each data element whose levels are not decided yet (null) the catalog's default, read from its
 * name and the names of the indicators using it (domain/educationLevels.ts). Levels an administrator
 * set are left alone. Audited when anything changed; returns how many elements it decided.
 */
export async function fillElementLevels(trx: Kysely<Database>): Promise<number> {
  const open = await trx
    .selectFrom("data_element")
    .select(["id", "code", "name"])
    .where("education_levels", "is", null)
    .execute();
  if (open.length === 0) return 0;
  const indicators = await trx
    .selectFrom("indicator")
    .select(["name", "numerator_id", "denominator_id", "element_id"])
    .execute();
  const decided: Record<string, string[]> = {};
  for (const e of open) {
    const names = indicators
      .filter((i) => [i.numerator_id, i.denominator_id, i.element_id].includes(e.id))
      .map((i) => i.name);
    const levels = defaultElementLevels(e.name, names);
    await trx
      .updateTable("data_element")
      .set({ education_levels: JSON.stringify(levels) })
      .where("id", "=", e.id)
      .execute();
    decided[e.code] = levels;
  }
  await recordAudit(trx, systemActor(), {
    action: "reference.load",
    entity: "data_element",
    after: { educationLevels: decided },
  });
  return open.length;
}
