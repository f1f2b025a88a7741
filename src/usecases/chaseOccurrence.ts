import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { chaseUnits } from "../db/repositories/bodyShareRepository.ts";
import { findOccurrence } from "../db/repositories/occurrenceRepository.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { officersFor } from "./shared/recipients.ts";
import { reachOf } from "./shared/shareRules.ts";
import { z } from "./shared/zod.ts";

export const ChaseInput = z.object({
  message: z.string().trim().min(1, "Hãy ghi nội dung đôn đốc").max(2000),
});

/** Đôn đốc: a coordinator's note to the lead body of one occurrence, as a notification to its officers. */
export async function chaseOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  raw: z.input<typeof ChaseInput>,
  today: string,
) {
  const input = ChaseInput.parse(raw);
  const occ = await findOccurrence(db, id);
  if (!occ) throw errors.notFound("nhiệm vụ");
  const units = await chaseUnits(db, occ);
  const users = await officersFor(
    db,
    units.map((u) => u.id),
    today,
  );
  const reach = await reachOf(db, units, users, today);
  return db.transaction().execute(async (trx) => {
    const update = await trx
      .insertInto("occurrence_update")
      .values({
        occurrence_id: id,
        author_id: actor.id,
        author_name: actor.name,
        author_unit_id: actor.orgUnitId,
        kind: "chase",
        text: input.message,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const u of users) {
      await trx
        .insertInto("notification")
        .values({
          user_id: u.id,
          kind: "chase",
          occurrence_id: id,
          message: `Đôn đốc nhiệm vụ ${occ.task_ref} (${occ.document_number ?? "kế hoạch"}): ${input.message}`,
          dedupe_key: `chase:${update.id}:${u.id}`,
        })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: "occurrence.chase",
      entity: "task_occurrence",
      entityId: id,
      after: { message: input.message, notified: users.length, ...reach },
    });
    return { notified: users.length, ...reach };
  });
}
