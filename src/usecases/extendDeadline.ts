import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { errors } from "../errors.ts";
import { notifyLeadOfficers } from "./shared/notify.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { isoDate, z } from "./shared/zod.ts";

export const ExtendInput = z.object({
  version: z.number().int().positive(),
  due: isoDate,
  reason: z.string().trim().min(1, "Gia hạn phải có lý do").max(4000),
});

/**
 * Gia hạn: the only way a deadline changes. The first deadline is kept as the original; every change
 * is on the timeline, dated, with the deadline it replaced — so a past day is still judged by the
 * deadline of that day. For an item waiting on an outside document it sets the date.
 */
export async function extendDeadline(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ExtendInput>,
  by: Relation,
  now: Date,
) {
  const today = todayIso(now);
  const input = ExtendInput.parse(raw);
  return changeOccurrence(
    db,
    actor,
    id,
    { action: "extend", by, version: input.version, today },
    (cur) => {
      if (cur.due_on === input.due) throw errors.validation("Thời hạn mới trùng thời hạn hiện tại.");
      return {
        patch: { due_on: input.due, original_due_on: cur.original_due_on ?? cur.due_on },
        entry: {
          kind: cur.due_on ? "extend" : "set_due",
          text: input.reason,
          due_before: cur.due_on,
          due_after: input.due,
        },
        audit: cur.due_on ? "occurrence.extend" : "occurrence.set_due",
      };
    },
    (trx, updateId, cur) =>
      notifyLeadOfficers(trx, {
        kind: cur.due_on ? "extend" : "set_due",
        occurrenceId: id,
        updateId,
        now,
        note: input.reason,
      }),
  );
}
