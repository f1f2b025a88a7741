import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { notifyCoordinators } from "./shared/notify.ts";
import { changeOccurrence } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export const ProposeInput = z.object({
  version: z.number().int().positive(),
  text: z.string().trim().min(1, "Hãy ghi kết quả đã đạt").max(10_000),
  product: z.string().trim().max(2000).optional(),
});

/** The lead body reports the occurrence done; it waits for a coordinator's confirmation. */
export async function proposeCompletion(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ProposeInput>,
  by: Relation,
  now: Date,
) {
  const today = todayIso(now);
  const input = ProposeInput.parse(raw);
  return changeOccurrence(
    db,
    actor,
    id,
    { action: "propose", by, version: input.version, today },
    () => ({
      patch: { percent: 100, completed_on: today },
      entry: { kind: "propose_done", text: input.text, product: input.product ?? null, percent: 100 },
      audit: "occurrence.propose_done",
    }),
    (trx, updateId) => notifyCoordinators(trx, { kind: "propose_done", occurrenceId: id, updateId, now }),
  );
}
