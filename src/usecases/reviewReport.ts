import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { notifySubmissionStep } from "./shared/reportNotifications.ts";
import { changeSubmission } from "./shared/submissionChange.ts";
import { z } from "./shared/zod.ts";

export const ReturnReportInput = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, "Hãy ghi lý do trả lại").max(4000),
});
export const AcceptReportInput = z.object({ version: z.number().int().positive() });

/** The coordinator returns a submitted report with a reason (told to the body's officers); they edit and submit again. */
export async function returnReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ReturnReportInput>,
  now: Date,
) {
  const input = ReturnReportInput.parse(raw);
  return changeSubmission(
    db,
    actor,
    id,
    input.version,
    "return",
    now,
    () => ({ status: "returned", reason: input.reason, reviewed_at: now, reviewed_by: actor.id }),
    async (trx, _cur, fresh) => ({
      notified: await notifySubmissionStep(trx, "returned", fresh, now, input.reason),
    }),
  );
}

/** The coordinator accepts a submitted report (the body's officers are told): it counts in the compiled report as the body's word. */
export async function acceptReport(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof AcceptReportInput>,
  now: Date,
) {
  const input = AcceptReportInput.parse(raw);
  return changeSubmission(
    db,
    actor,
    id,
    input.version,
    "accept",
    now,
    () => ({ status: "accepted", reason: null, reviewed_at: now, reviewed_by: actor.id }),
    async (trx, _cur, fresh) => ({ notified: await notifySubmissionStep(trx, "accepted", fresh, now) }),
  );
}
