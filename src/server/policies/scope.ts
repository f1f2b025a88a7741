import type { Kysely } from "kysely";
import { subtreeOf } from "../../db/repositories/orgUnitRepository.ts";
import type { PublicUser } from "../../db/repositories/userRepository.ts";
import type { Database } from "../../db/schema.ts";

/**
 * The units whose data a user may see: null means all (admin, coordinator, leader). An officer sees
 * the unit they are bound to, everything under it on today's map, and the older units that were
 * merged into those (their history belongs to the officer's unit now).
 */
export async function unitScope(
  db: Kysely<Database>,
  user: PublicUser,
  today: string,
): Promise<Set<number> | null> {
  if (user.role !== "officer") return null;
  if (user.org_unit_id === null) return new Set();
  const scope = await subtreeOf(db, user.org_unit_id, today);
  const lineage = await db.selectFrom("org_unit_lineage").select(["from_id", "to_id"]).execute();
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of lineage) {
      if (scope.has(l.to_id) && !scope.has(l.from_id)) {
        scope.add(l.from_id);
        grew = true;
      }
    }
  }
  return scope;
}
