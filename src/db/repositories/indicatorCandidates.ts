import type { Kysely } from "kysely";
import type { IndicatorCandidate } from "../../import/grammar/indicatorMatch.ts";
import type { Database } from "../schema.ts";

/** The catalog as the importer matches indicator-table rows against it. */
export async function indicatorCandidates(db: Kysely<Database>): Promise<IndicatorCandidate[]> {
  return db.selectFrom("indicator").select(["id", "code", "name", "unit"]).orderBy("code").execute();
}
