import type { Kysely } from "kysely";
import { hasShares, syncParentFromShares } from "../../db/repositories/bodyShareRepository.ts";
import { selfAndAncestors } from "../../db/repositories/orgUnitRepository.ts";
import type { Database } from "../../db/schema.ts";
import { errors } from "../../errors.ts";

export { syncParentFromShares };

/**
 * A parent occurrence that was shared out to the members of a set is derived from its shares
 * (domain/bodySets.ts): nobody reports, proposes, confirms, pauses or extends it directly — each
 * member acts on its own share, and the coordinator on each share. Chasing it chases every member.
 */
export async function assertNotSharedOut(
  trx: Kysely<Database>,
  occ: { id: number; share_of: number | null; has_shares?: boolean },
) {
  if (occ.share_of !== null) return;
  if (occ.has_shares ?? (await hasShares(trx, occ.id))) throw errors.sharedOut();
}

/**
 * Who a chase reached, unit by unit: the units with at least one officer (the officer of a unit above
 * counts: a commune's officer answers for its offices) and those with none, which the coordinator
 * must reach another way.
 */
export async function reachOf(
  db: Kysely<Database>,
  units: { id: number; name: string }[],
  users: { id: number; org_unit_id: number | null }[],
  today: string,
) {
  const reached: string[] = [];
  const unreached: string[] = [];
  for (const u of units) {
    const above = await selfAndAncestors(db, [u.id], today);
    if (users.some((p) => p.org_unit_id !== null && above.has(p.org_unit_id))) reached.push(u.name);
    else unreached.push(u.name);
  }
  return { reached, unreached };
}
