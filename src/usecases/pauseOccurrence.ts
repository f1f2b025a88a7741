import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const PauseInput = z.object({
  version: z.number().int().positive(),
  paused: z.boolean(),
  reason: z.string().trim().min(1, "Hãy ghi lý do").max(4000),
});

/**
 * Tạm dừng / tiếp tục, by a coordinator, with a reason. Resuming gives back the state the pause
 * interrupted (the transition table keeps it), so a completion awaiting confirmation stays proposed.
 */
export async function pauseOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof PauseInput>,
  by: Relation,
  today: string,
) {
  const input = PauseInput.parse(raw);
  const action = input.paused ? "pause" : "resume";
  return changeOccurrence(db, actor, id, { action, by, version: input.version, today }, () => ({
    patch: {},
    entry: { kind: action, text: input.reason },
    audit: `occurrence.${action}`,
  }));
}
