import type { Kysely } from "kysely";
import { listLineageLinks } from "../db/repositories/lineageRepository.ts";
import { mapGeneration, subtreeOf } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { scopeRule } from "../domain/policies/role.ts";
import { EVERY_UNIT, NO_UNIT, officerScope, type Scope } from "../domain/policies/scope.ts";

/**
 * An officer's scope is kept in memory per database, unit and day for SCOPE_CACHE_MS: every request
 * of an officer needs it, and it is read from the whole map. A map written by this process is read
 * again at once (orgUnitRepository.mapChanged); one written by another process within SCOPE_CACHE_MS.
 * Map writes only add units and links (a restore forgets everything), so a scope read while one was
 * being committed can only be narrower than the truth, never wider.
 */
export const SCOPE_CACHE_MS = 30_000;
const MAX_ENTRIES = 5_000;

interface Kept {
  at: number;
  generation: number;
  scope: Promise<Scope>;
}
const kept = new WeakMap<Kysely<Database>, Map<string, Kept>>();

async function readOfficerScope(db: Kysely<Database>, rootId: number, today: string): Promise<Scope> {
  const [subtree, lineage] = await Promise.all([subtreeOf(db, rootId, today), listLineageLinks(db)]);
  return officerScope(subtree, lineage);
}

/**
 * The units whose data a user may see, explicitly: every unit for province-wide roles; for an officer
 * the unit they are bound to, everything under it on today's map, and the older units merged into
 * those; nothing for anyone else.
 */
export async function loadScope(
  db: Kysely<Database>,
  user: { role: string; org_unit_id: number | null },
  today: string,
  nowMs: number = Date.now(),
): Promise<Scope> {
  const rule = scopeRule(user);
  if (rule.kind === "all") return EVERY_UNIT;
  if (rule.kind === "nothing") return NO_UNIT;
  let byKey = kept.get(db);
  if (!byKey) {
    byKey = new Map();
    kept.set(db, byKey);
  }
  const key = `${rule.rootId}@${today}`;
  const now = nowMs;
  const hit = byKey.get(key);
  if (hit && hit.generation === mapGeneration() && now >= hit.at && now - hit.at < SCOPE_CACHE_MS)
    return hit.scope;
  const entry: Kept = {
    at: now,
    generation: mapGeneration(),
    scope: readOfficerScope(db, rule.rootId, today),
  };
  if (byKey.size >= MAX_ENTRIES) byKey.clear();
  byKey.set(key, entry);
  // a failed read (the database away) is not kept
  entry.scope.catch(() => {
    if (byKey.get(key) === entry) byKey.delete(key);
  });
  return entry.scope;
}
