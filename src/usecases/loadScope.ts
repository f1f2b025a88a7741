import type { Kysely } from "kysely";
import { listLineageLinks } from "../db/repositories/lineageRepository.ts";
import { subtreeOf } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { scopeRule } from "../domain/policies/role.ts";
import { EVERY_UNIT, NO_UNIT, officerScope, type Scope } from "../domain/policies/scope.ts";

/**
 * The units whose data a user may see, explicitly: every unit for province-wide roles; for an officer
 * the unit they are bound to, everything under it on today's map, and the older units merged into
 * those; nothing for anyone else.
 */
export async function loadScope(
  db: Kysely<Database>,
  user: { role: string; org_unit_id: number | null },
  today: string,
): Promise<Scope> {
  const rule = scopeRule(user);
  if (rule.kind === "all") return EVERY_UNIT;
  if (rule.kind === "nothing") return NO_UNIT;
  const [subtree, lineage] = await Promise.all([subtreeOf(db, rule.rootId, today), listLineageLinks(db)]);
  return officerScope(subtree, lineage);
}
