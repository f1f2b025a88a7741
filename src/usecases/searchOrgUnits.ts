import type { Kysely } from "kysely";
import { loadMap } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import type { OrgUnitSearchHit } from "../domain/orgUnits.ts";
import { asciiKey, compareVi, matchName, type NameMatch } from "../domain/text.ts";

const rank: Record<NameMatch, number> = { exact: 0, tone_placement: 1, no_diacritics: 2 };

/**
 * Finds units valid on asOf whose name or alias contains the query, ignoring case, tone placement
 * and, as a fallback, diacritics. Each hit says which of these matched.
 */
export async function searchOrgUnits(
  db: Kysely<Database>,
  query: string,
  asOf: string,
  limit = 50,
): Promise<OrgUnitSearchHit[]> {
  const map = await loadMap(db, asOf);
  const q = asciiKey(query);
  // better match kind first, then a name equal to the query, then the shorter (closer) name
  const score = (name: string, m: NameMatch) =>
    rank[m] * 10_000 + (asciiKey(name) === q ? 0 : 1000) + name.length;
  const hits: (OrgUnitSearchHit & { score: number })[] = [];
  for (const unit of map.units) {
    let best: { name: string; match: NameMatch; score: number } | null = null;
    for (const name of map.aliases.get(unit.id) ?? [unit.fullName]) {
      const m = matchName(name, query);
      if (!m) continue;
      const s = score(name, m);
      if (!best || s < best.score) best = { name, match: m, score: s };
    }
    if (best) hits.push({ unit, matchedName: best.name, match: best.match, score: best.score });
  }
  hits.sort((a, b) => a.score - b.score || compareVi(a.unit.name, b.unit.name));
  return hits.slice(0, limit).map(({ score: _s, ...hit }) => hit);
}
