import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { chaseUnits, hasShares } from "../db/repositories/bodyShareRepository.ts";
import { findOccurrence } from "../db/repositories/occurrenceRepository.ts";
import type { Database } from "../db/schema.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import type { Relation } from "../domain/transitions.ts";
import { errors } from "../errors.ts";
import { type ChaseOutcome, chaseOutcomeOf, unitIdsOf } from "./shared/chaseOutcome.ts";
import { notifyLeadOfficers } from "./shared/notify.ts";
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
): Promise<ChaseOutcome> {
  const today = todayIso(now);
  const input = ChaseInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const occ = await findOccurrence(trx, id);
    if (!occ) throw errors.notFound("nhiệm vụ");
    assertTransition("chase", by, occ);
    // a task shared out to a set of bodies is chased through the members whose share is still open
    const shared = occ.share_unit_id !== null || (await hasShares(trx, occ.id));
    const leads = shared
      ? (await chaseUnits(trx, occ)).map((u) => ({
          text: u.name,
          unit_id: u.id as number | null,
          full_name: u.name,
        }))
      : await trx
          .selectFrom("task_body as b")
          .leftJoin("org_unit as u", "u.id", "b.unit_id")
          .select(["b.text", "b.unit_id", "u.full_name"])
          .where("b.task_id", "=", occ.task_id)
          .where("b.role", "=", "lead")
          .orderBy("b.position")
          .execute();
    const outcome = await chaseOutcomeOf(trx, leads, today);
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
    outcome.notified = await notifyLeadOfficers(
      trx,
      {
        kind: "chase",
        occurrenceId: id,
        updateId: update.id,
        now,
        note: input.message,
        occurrence: occ,
      },
      unitIdsOf(leads),
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
