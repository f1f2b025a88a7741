import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** An attachment with the occurrence it was reported on (whose task decides who may download it). */
export function findAttachment(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("attachment as a")
    .innerJoin("occurrence_update as u", "u.id", "a.update_id")
    .select(["a.original_name", "a.stored_name", "a.mime", "u.occurrence_id"])
    .where("a.id", "=", id)
    .executeTakeFirst();
}

/** The latest result text of each occurrence (progress, proposal or confirmation), for exports. */
export async function latestResults(
  db: Kysely<Database>,
  occurrenceIds: number[],
): Promise<Map<number, string>> {
  const latest = new Map<number, string>();
  if (occurrenceIds.length === 0) return latest;
  const rows = await db
    .selectFrom("occurrence_update")
    .select(["occurrence_id", "text", "product", "id"])
    .where("occurrence_id", "in", occurrenceIds)
    .where("kind", "in", ["progress", "propose_done", "confirm"])
    .orderBy("id", "desc")
    .execute();
  for (const u of rows)
    if (!latest.has(u.occurrence_id))
      latest.set(u.occurrence_id, [u.text, u.product].filter(Boolean).join(" — "));
  return latest;
}
