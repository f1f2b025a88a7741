import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Reporting periods (of one kind when given), in calendar order. */
export function listPeriods(db: Kysely<Database>, kind?: string) {
  let q = db.selectFrom("period").selectAll();
  if (kind) q = q.where("kind", "=", kind);
  return q.orderBy("start_date").orderBy("end_date").execute();
}

export function findPeriod(db: Kysely<Database>, id: number) {
  return db.selectFrom("period").selectAll().where("id", "=", id).executeTakeFirst();
}
