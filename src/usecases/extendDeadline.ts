import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { isoDate, z } from "./shared/zod.ts";

export const ExtendInput = z.object({
  version: z.number().int().positive(),
  due: isoDate,
  reason: z.string().trim().min(1, "Gia hạn phải có lý do").max(4000),
});

/**
 * Gia hạn: the only way a deadline changes. The first deadline is kept as the original; every change
 * is on the timeline with its reason. For an item waiting on an outside document it sets the date.
 */
export async function extendDeadline(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ExtendInput>,
) {
  const input = ExtendInput.parse(raw);
  return changeOccurrence(db, actor, id, input.version, (cur) => {
    if (cur.state === "done") throw errors.validation("Nhiệm vụ đã hoàn thành; không gia hạn.");
    if (cur.due_on === input.due) throw errors.validation("Thời hạn mới trùng thời hạn hiện tại.");
    return {
      patch: { due_on: input.due, original_due_on: cur.original_due_on ?? cur.due_on },
      entry: {
        kind: cur.due_on ? "extend" : "set_due",
        text: input.reason,
        due_before: cur.due_on,
        due_after: input.due,
      },
      action: cur.due_on ? "occurrence.extend" : "occurrence.set_due",
    };
  });
}
