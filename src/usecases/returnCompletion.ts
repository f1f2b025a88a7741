import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { notifyLeadOfficers } from "./shared/notify.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const ReturnInput = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1, "Hãy ghi lý do trả lại").max(4000),
});

/** A coordinator returns a reported completion with a reason; the task is in progress again. */
export async function returnCompletion(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ReturnInput>,
  by: Relation,
  now: Date,
) {
  const today = todayIso(now);
  const input = ReturnInput.parse(raw);
  return changeOccurrence(
    db,
    actor,
    id,
    { action: "return", by, version: input.version, today },
    (cur) => ({
      patch: { completed_on: null, percent: Math.min(cur.percent, 90) },
      entry: { kind: "return", text: input.reason },
      audit: "occurrence.return",
    }),
    (trx, updateId) =>
      notifyLeadOfficers(trx, { kind: "return", occurrenceId: id, updateId, now, note: input.reason }),
  );
}
