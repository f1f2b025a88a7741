import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const ConfirmInput = z.object({
  version: z.number().int().positive(),
  text: z.string().trim().max(2000).default(""),
});

/** A coordinator confirms: done, dated the day the lead body reported it (on time or late by that date). */
export async function confirmCompletion(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ConfirmInput>,
) {
  const input = ConfirmInput.parse(raw);
  return changeOccurrence(db, actor, id, input.version, (cur) => {
    if (cur.state !== "awaiting_confirmation") {
      throw errors.validation("Chỉ xác nhận được nhiệm vụ mà cơ quan chủ trì đã báo cáo hoàn thành.");
    }
    return {
      patch: { state: "done", confirmed_by: actor.id },
      entry: { kind: "confirm", text: input.text || "Xác nhận hoàn thành." },
      action: "occurrence.confirm",
    };
  });
}
