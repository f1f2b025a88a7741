import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { todayIso } from "../../domain/dates.ts";
import { vnDate } from "../../reports/format.ts";
import { officersFor } from "./recipients.ts";

/**
 * Reports as for tasks: the officers of each body whose report in an open round is not in get a
 * notification when the due date is near and again once it has passed — once per body, person and
 * due date (the dedupe key), whatever how often the reminder run goes; stamped with the injected clock.
 */
export async function remindReportRounds(db: Kysely<Database>, now: Date, soon: string): Promise<number> {
  const today = todayIso(now);
  const owed = await db
    .selectFrom("report_submission as s")
    .innerJoin("report_round as r", "r.id", "s.round_id")
    .select(["s.id", "s.unit_id", "r.title", "r.due_on"])
    .where("r.status", "=", "open")
    .where("s.status", "in", ["pending", "draft", "returned"])
    .where("r.due_on", "<=", soon)
    .execute();
  let created = 0;
  for (const s of owed) {
    const overdue = s.due_on < today;
    const kind = overdue ? "report_overdue" : "report_due_soon";
    for (const u of await officersFor(db, [s.unit_id], today)) {
      const row = await db
        .insertInto("notification")
        .values({
          user_id: u.id,
          kind,
          occurrence_id: null,
          message: `${overdue ? "Quá hạn" : "Sắp đến hạn"} gửi báo cáo: ${s.title} — hạn ${vnDate(s.due_on)}`,
          dedupe_key: `${kind}:${s.id}:${u.id}:${s.due_on}`,
          created_at: now,
        })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (row) created++;
    }
  }
  return created;
}
