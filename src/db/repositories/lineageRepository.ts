import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Every old → new lineage link (mergers and splits), for widening an officer's scope. */
export function listLineageLinks(db: Kysely<Database>) {
  return db.selectFrom("org_unit_lineage").select(["from_id", "to_id"]).execute();
}
