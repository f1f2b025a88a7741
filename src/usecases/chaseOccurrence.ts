import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { answeringBodies, chaseUnits } from "../db/repositories/bodyShareRepository.ts";
import {
  findOccurrenceWithBodies,
  type OccurrenceWithBodies,
} from "../db/repositories/occurrenceRepository.ts";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { errors } from "../errors.ts";
import { type ChaseOutcome, chaseReach } from "./shared/chaseOutcome.ts";
import { notifyUsers } from "./shared/notify.ts";
import { assertTransition } from "./shared/occurrenceChange.ts";
import { z } from "./shared/zod.ts";

export type { ChaseOutcome };

export const ChaseInput = z.object({
  message: z.string().trim().min(1, "Hãy ghi nội dung đôn đốc").max(2000),
});

/**
 * Đôn đốc: a coordinator's note to the lead bodies of one occurrence, as a notification to their
 * officers (and in their next e-mail digest). The answer says who was reached and who could not be —
 * a body with no account, or one named only as text — so the coordinator can call them instead.
 */
export async function chaseOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ChaseInput>,
  by: Relation,
  now: Date,
  /** The occurrence as the route read it for authorization (not read again). */
  loaded?: OccurrenceWithBodies,
): Promise<ChaseOutcome> {
  const today = todayIso(now);
  const input = ChaseInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const occ = loaded ?? (await findOccurrenceWithBodies(trx, id));
    if (!occ) throw errors.notFound("nhiệm vụ");
    assertTransition("chase", by, occ);
    // a task shared out to a set of bodies is chased through the members whose share is still open
    const shared = occ.share_unit_id !== null || occ.has_shares;
    const leads = shared
      ? (await chaseUnits(trx, occ, answeringBodies(occ.bodies, occ))).map((u) => ({
          text: u.name,
          unit_id: u.id as number | null,
          full_name: u.name as string | null,
        }))
      : occ.bodies
          .filter((b) => b.role === "lead")
          .map((b) => ({ text: b.text, unit_id: b.unit_id, full_name: b.full_name }));
    const { outcome, officerIds } = await chaseReach(trx, leads, today);
    const update = await trx
      .insertInto("occurrence_update")
      .values({
        occurrence_id: id,
        author_id: actor.id,
        author_name: actor.name,
        author_unit_id: actor.orgUnitId,
        kind: "chase",
        text: input.message,
        on_date: today,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // the officers the outcome names: the lead bodies' officers, found once
    outcome.notified = await notifyUsers(
      trx,
      {
        kind: "chase",
        occurrenceId: id,
        updateId: update.id,
        now,
        note: input.message,
        occurrence: occ,
      },
      officerIds,
    );
    await recordAudit(trx, actor, {
      action: "occurrence.chase",
      entity: "task_occurrence",
      entityId: id,
      after: { message: input.message, notified: outcome.notified, unreached: outcome.unreached },
    });
    return outcome;
  });
}
