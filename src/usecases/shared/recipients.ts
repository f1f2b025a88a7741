import type { Kysely } from "kysely";
import { selfAndAncestors } from "../../db/repositories/orgUnitRepository.ts";
import type { Database } from "../../db/schema.ts";

/**
 * Who answers for a body's work: the active officers bound to that body or to a unit above it
 * (a commune's officer sees and answers for the commune's offices).
 */
export async function officersFor(db: Kysely<Database>, unitIds: number[], today: string) {
  if (unitIds.length === 0) return [];
  const units = await selfAndAncestors(db, unitIds, today);
  return db
    .selectFrom("app_user")
    .select(["id", "display_name", "email", "org_unit_id"])
    .where("active", "=", true)
    .where("role", "=", "officer")
    .where("org_unit_id", "in", [...units])
    .execute();
}
