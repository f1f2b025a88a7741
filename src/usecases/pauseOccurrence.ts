import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const PauseInput = z.object({
  version: z.number().int().positive(),
  paused: z.boolean(),
  reason: z.string().trim().min(1, "Hãy ghi lý do").max(4000),
});

/** Tạm dừng / tiếp tục, by a coordinator, with a reason. */
export async function pauseOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof PauseInput>,
) {
  const input = PauseInput.parse(raw);
  return changeOccurrence(db, actor, id, input.version, (cur) => {
    if (cur.state === "done") throw errors.validation("Nhiệm vụ đã hoàn thành.");
    if (input.paused === (cur.state === "paused"))
      throw errors.validation(input.paused ? "Nhiệm vụ đang tạm dừng." : "Nhiệm vụ không tạm dừng.");
    return {
      patch: { state: input.paused ? "paused" : cur.percent > 0 ? "in_progress" : "not_started" },
      entry: { kind: input.paused ? "pause" : "resume", text: input.reason },
      action: input.paused ? "occurrence.pause" : "occurrence.resume",
    };
  });
}
