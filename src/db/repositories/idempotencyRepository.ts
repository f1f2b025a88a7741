import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export interface IdempotencyKey {
  userId: number;
  /** The device's key for one send (a UUID). */
  key: string;
  /** What it is for ("PUT /api/forms/12/3"): a key is good for one request only. */
  request: string;
}

/**
 * Takes the key for this transaction: true when it is new. When another transaction holds it, PostgreSQL
 * makes this insert wait on the primary key until that one ends: committed, the key is taken (false);
 * rolled back, this insert goes through (true).
 */
export async function claimKey(trx: Kysely<Database>, k: IdempotencyKey): Promise<boolean> {
  const row = await trx
    .insertInto("idempotent_request")
    .values({ user_id: k.userId, key: k.key, request: k.request, response: null })
    .onConflict((oc) => oc.columns(["user_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  return row !== undefined;
}

export async function findKey(trx: Kysely<Database>, k: IdempotencyKey) {
  return trx
    .selectFrom("idempotent_request")
    .select(["request", "response"])
    .where("user_id", "=", k.userId)
    .where("key", "=", k.key)
    .executeTakeFirst();
}

export async function storeAnswer(trx: Kysely<Database>, k: IdempotencyKey, answer: unknown): Promise<void> {
  await trx
    .updateTable("idempotent_request")
    .set({ response: JSON.stringify(answer) })
    .where("user_id", "=", k.userId)
    .where("key", "=", k.key)
    .execute();
}

/** Forgets keys older than `before`: a device retries within days, never after weeks. */
export async function forgetKeysBefore(db: Kysely<Database>, before: Date): Promise<number> {
  const res = await db.deleteFrom("idempotent_request").where("created_at", "<", before).executeTakeFirst();
  return Number(res.numDeletedRows);
}
