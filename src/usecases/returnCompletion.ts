import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
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
) {
  const input = ReturnInput.parse(raw);
  return changeOccurrence(db, actor, id, input.version, (cur) => {
    if (cur.state !== "awaiting_confirmation")
      throw errors.validation("Nhiệm vụ không ở trạng thái chờ xác nhận.");
    return {
      patch: { state: "in_progress", completed_on: null, percent: Math.min(cur.percent, 90) },
      entry: { kind: "return", text: input.reason },
      action: "occurrence.return",
    };
  });
}
