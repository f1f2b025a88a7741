import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Ties targets followed before their plan was held to the plan, by their exact labels, when they are
 * tied to none yet: the catalog's targets of 47-KH/ĐU and of Bình Lư's plan are loaded with the map,
 * before the demo imports those plans. Returns how many were tied.
 */
export async function tieTargetsToPlan(
  db: Kysely<Database>,
  labels: string[],
  documentId: number,
): Promise<number> {
  if (labels.length === 0) return 0;
  const res = await db
    .updateTable("indicator_target")
    .set({ document_id: documentId })
    .where("document_id", "is", null)
    .where("label", "in", labels)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
