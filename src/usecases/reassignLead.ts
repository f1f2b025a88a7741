import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import { todayIso } from "../domain/dates.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { assertUnitsActive } from "./shared/activeUnits.ts";
import { notifyLeadOfficers } from "./shared/notify.ts";
import { z } from "./shared/zod.ts";

export const ReassignInput = z.object({
  version: z.number().int().positive(),
  unitIds: z.array(z.number().int().positive()).min(1, "Chọn ít nhất một cơ quan chủ trì").max(10),
  reason: z.string().trim().min(1, "Hãy ghi lý do giao lại").max(4000),
});

/**
 * A coordinator gives the task to other lead bodies. The change is dated (task_lead_change) so a past
 * day is still counted under the bodies that led the task then; the new bodies' officers are told.
 */
export async function reassignLead(
  db: Kysely<Database>,
  actor: Actor,
  taskId: number,
  raw: z.input<typeof ReassignInput>,
  now: Date,
) {
  const today = todayIso(now);
  const input = ReassignInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const task = await trx.selectFrom("plan_task").selectAll().where("id", "=", taskId).executeTakeFirst();
    if (!task) throw errors.notFound("nhiệm vụ");
    if (task.version !== input.version) throw errors.conflict("Nhiệm vụ này");
    const units = await trx
      .selectFrom("org_unit")
      .select(["id", "full_name"])
      .where("id", "in", input.unitIds)
      .execute();
    if (units.length !== new Set(input.unitIds).size)
      throw errors.validation("Có cơ quan được chọn không tồn tại.");
    await assertUnitsActive(trx, input.unitIds, today);
    // the versioned write first: it holds the task's row, so a concurrent reassignment waits, then gets 409
    expectOneRow(
      await trx
        .updateTable("plan_task")
        .set({ version: task.version + 1, updated_at: new Date() })
        .where("id", "=", taskId)
        .where("version", "=", input.version)
        .executeTakeFirst(),
      "Nhiệm vụ này",
    );
    const before = await trx
      .selectFrom("task_body")
      .select(["text", "unit_id"])
      .where("task_id", "=", taskId)
      .where("role", "=", "lead")
      .execute();
    await trx.deleteFrom("task_body").where("task_id", "=", taskId).where("role", "=", "lead").execute();
    await trx
      .insertInto("task_body")
      .values(
        input.unitIds.map((id, i) => ({
          task_id: taskId,
          role: "lead" as const,
          text: units.find((u) => u.id === id)?.full_name ?? "",
          unit_id: id,
          set_kind: null,
          position: i,
        })),
      )
      .execute();
    const change = await trx
      .insertInto("task_lead_change")
      .values({
        task_id: taskId,
        on_date: today,
        before_unit_ids: before.filter((b) => b.unit_id !== null).map((b) => b.unit_id as number),
        after_unit_ids: input.unitIds,
        reason: input.reason,
        author_id: actor.id,
        author_name: actor.name,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const open = await trx
      .selectFrom("task_occurrence")
      .select("id")
      .where("task_id", "=", taskId)
      .where("state", "<>", "done")
      .orderBy("due_on")
      .orderBy("id")
      .executeTakeFirst();
    if (open)
      await notifyLeadOfficers(
        trx,
        { kind: "reassign", occurrenceId: open.id, updateId: change.id, now, note: input.reason },
        input.unitIds,
      );
    await recordAudit(trx, actor, {
      action: "task.reassign",
      entity: "plan_task",
      entityId: taskId,
      before: { lead: before, version: task.version },
      after: { lead: units, reason: input.reason, version: task.version + 1 },
    });
    return { version: task.version + 1 };
  });
}
