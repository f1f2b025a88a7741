import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { vnDate } from "../reports/format.ts";
import { officersFor } from "./shared/recipients.ts";
import { changeSubmission } from "./shared/submissionChange.ts";
import { z } from "./shared/zod.ts";

export const ChaseReportInput = z.object({ version: z.number().int().positive() });

/** Đôn đốc: the coordinator chases a body whose report is not in; its officers get a notification. */
export async function chaseReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ChaseReportInput>,
  now: Date,
) {
  const input = ChaseReportInput.parse(raw);
  let notified = 0;
  const sub = await changeSubmission(
    db,
    actor,
    id,
    input.version,
    "chase",
    (cur) => ({ chased_at: now, chase_count: cur.chase_count + 1 }),
    async (trx, cur) => {
      const round = await trx
        .selectFrom("report_round")
        .select(["title", "due_on"])
        .where("id", "=", cur.round_id)
        .executeTakeFirstOrThrow();
      const users = await officersFor(trx, [cur.unit_id], todayIso(now));
      for (const u of users) {
        await trx
          .insertInto("notification")
          .values({
            user_id: u.id,
            kind: "report_chase",
            occurrence_id: null,
            message: `Đôn đốc: ${cur.unit_name} chưa gửi ${round.title} (hạn ${vnDate(round.due_on)}).`,
            dedupe_key: `report_chase:${cur.id}:${u.id}:${cur.chase_count + 1}`,
          })
          .execute();
        notified++;
      }
    },
  );
  return { submission: sub, notified };
}
