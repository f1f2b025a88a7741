import type { Kysely } from "kysely";
import { findUnitValidity } from "../../db/repositories/ceasedBodyRepository.ts";
import type { Database } from "../../db/schema.ts";
import { ceasedOn } from "../../domain/bodySets.ts";
import { errors } from "../../errors.ts";

/**
 * Refuses a ceased body where new work or a new person would be bound to it (a reassignment, a user's
 * unit): BODY_CEASED, naming the body and the day it ended. Its history stays readable.
 */
export async function assertUnitsActive(trx: Kysely<Database>, ids: number[], today: string): Promise<void> {
  for (const u of await findUnitValidity(trx, ids)) {
    if (ceasedOn({ validTo: u.valid_to }, today)) throw errors.bodyCeased(u.full_name, u.valid_to as string);
  }
}
