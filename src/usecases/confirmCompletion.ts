import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { notifyLeadOfficers } from "./shared/notify.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const ConfirmInput = z.object({
  version: z.number().int().positive(),
  text: z.string().trim().max(2000).default(""),
});

/**
 * A coordinator confirms: done from today (confirmed_on), on time or late by the day the lead body
 * reported it (completed_on).
 */
export async function confirmCompletion(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ConfirmInput>,
  by: Relation,
  now: Date,
) {
  const today = todayIso(now);
  const input = ConfirmInput.parse(raw);
  return changeOccurrence(
    db,
    actor,
    id,
    { action: "confirm", by, version: input.version, today },
    () => ({
      patch: { confirmed_by: actor.id, confirmed_on: today },
      entry: { kind: "confirm", text: input.text || "Xác nhận hoàn thành." },
      audit: "occurrence.confirm",
    }),
    (trx, updateId) =>
      notifyLeadOfficers(trx, { kind: "confirm", occurrenceId: id, updateId, now, note: input.text }),
  );
}
