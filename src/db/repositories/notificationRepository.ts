import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** A user's latest notifications, newest first, with the task each one is about. */
export function latestNotifications(db: Kysely<Database>, userId: number, limit = 100) {
  return db
    .selectFrom("notification as n")
    .leftJoin("task_occurrence as o", "o.id", "n.occurrence_id")
    .select(["n.id", "n.kind", "n.message", "n.created_at", "n.read_at", "o.task_id"])
    .where("n.user_id", "=", userId)
    .orderBy("n.id", "desc")
    .limit(limit)
    .execute();
}

/** Marks the user's own notifications among ids as read (others' ids are ignored). */
export async function markNotificationsRead(db: Kysely<Database>, userId: number, ids: number[], at: Date) {
  if (ids.length === 0) return;
  await db
    .updateTable("notification")
    .set({ read_at: at })
    .where("user_id", "=", userId)
    .where("id", "in", ids)
    .execute();
}
