import type { Kysely } from "kysely";
import {
  claimKey,
  findKey,
  type IdempotencyKey,
  storeAnswer,
} from "../../db/repositories/idempotencyRepository.ts";
import type { Database } from "../../db/schema.ts";
import { errors } from "../../errors.ts";

export type { IdempotencyKey };

/** An answer given again for a repeated key carries `replayed: true`; nothing was written this time. */
export type Replayable<R> = R & { replayed?: true };

/**
 * Runs `change` in one transaction guarded by an idempotency key: the key is claimed first, in the same
 * transaction as the change and its answer, so a send repeated with the same key (a phone retrying
 * after a lost answer, or two sends racing) writes once and gets the first answer back. A change that
 * fails rolls its key back with it: the next send with that key runs again. Without a key, a plain
 * transaction.
 */
export async function idempotentTransaction<R extends object>(
  db: Kysely<Database>,
  key: IdempotencyKey | null,
  change: (trx: Kysely<Database>) => Promise<R>,
): Promise<Replayable<R>> {
  if (!key) return (await db.transaction().execute(change)) as Replayable<R>;
  return db.transaction().execute(async (trx) => {
    if (!(await claimKey(trx, key))) {
      const first = await findKey(trx, key);
      if (!first || first.request !== key.request) throw errors.keyReused();
      const answer = typeof first.response === "string" ? JSON.parse(first.response) : first.response;
      return { ...(answer as R), replayed: true as const };
    }
    const answer = await change(trx);
    await storeAnswer(trx, key, answer);
    return answer as Replayable<R>;
  });
}
