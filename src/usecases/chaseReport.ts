import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { type ChaseOutcome, chaseOutcomeOf } from "./shared/chaseOutcome.ts";
import { notifySubmissionStep } from "./shared/reportNotifications.ts";
import { changeSubmission } from "./shared/submissionChange.ts";
import { z } from "./shared/zod.ts";

export const ChaseReportInput = z.object({ version: z.number().int().positive() });

/**
 * Đôn đốc: the coordinator chases a body whose report is not in; its officers get a notification (and
 * it goes in their next digest). The answer says who was reached and who could not be — a body with no
 * active officer — in the same shape as a task's chase, so the coordinator can call them instead.
 */
export async function chaseReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ChaseReportInput>,
  now: Date,
) {
  const input = ChaseReportInput.parse(raw);
  let outcome: ChaseOutcome = { notified: 0, reached: [], unreached: [] };
  const sub = await changeSubmission(
    db,
    actor,
    id,
    input.version,
    "chase",
    now,
    (cur) => ({ chased_at: now, chase_count: cur.chase_count + 1 }),
    async (trx, _cur, fresh) => {
      const body = { text: fresh.unit_name, unit_id: fresh.unit_id, full_name: fresh.unit_name };
      outcome = await chaseOutcomeOf(trx, [body], todayIso(now));
      outcome.notified = await notifySubmissionStep(trx, "chased", fresh, now);
      return { notified: outcome.notified, unreached: outcome.unreached };
    },
  );
  return { submission: sub, ...outcome };
}
