import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { syncParentFromShares } from "../db/repositories/bodyShareRepository.ts";
import { findUnitValidity, openWorkOf, successorsOf } from "../db/repositories/ceasedBodyRepository.ts";
import type { Database } from "../db/schema.ts";
import { ceasedOn } from "../domain/bodySets.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { z } from "./shared/zod.ts";

export const MoveWorkInput = z.object({
  toUnitId: z.number().int().positive(),
});

/**
 * A coordinator moves a ceased body's open work to one of its successors, in one transaction with one
 * audit row listing every item moved: each task still open where the body leads or coordinates (the
 * task's version moves on), and each unfinished share it holds. A share whose successor already holds
 * one of the same occurrence is merged into it (its timeline entries follow; the successor answers for
 * the whole area now). Finished work stays with the ceased body as history.
 */
export async function moveCeasedBodyWork(
  db: Kysely<Database>,
  actor: Actor,
  fromId: number,
  raw: z.input<typeof MoveWorkInput>,
  today: string,
) {
  const input = MoveWorkInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const [from] = await findUnitValidity(trx, [fromId]);
    if (!from) throw errors.notFound("đơn vị");
    if (!ceasedOn({ validTo: from.valid_to }, today))
      throw errors.validation(`${from.full_name} còn hoạt động; chỉ chuyển việc của đơn vị đã giải thể.`);
    const to = (await successorsOf(trx, fromId)).find((s) => s.id === input.toUnitId);
    if (!to) {
      const [other] = await findUnitValidity(trx, [input.toUnitId]);
      throw errors.notASuccessor(other?.full_name ?? "Đơn vị được chọn");
    }
    if (ceasedOn({ validTo: to.valid_to }, today))
      throw errors.bodyCeased(to.full_name, to.valid_to as string);

    const work = await openWorkOf(trx, fromId);
    const tasks = await moveTaskBodies(trx, work.bodies, to.id);
    const shares = await moveShares(trx, work.shares, fromId, to.id);
    await recordAudit(trx, actor, {
      action: "org_unit.move_work",
      entity: "org_unit",
      entityId: fromId,
      before: { unit: from.full_name, validTo: from.valid_to },
      after: { to: { id: to.id, name: to.full_name }, tasks, shares },
    });
    return {
      to: { id: to.id, name: to.full_name },
      tasks: tasks.length,
      shares: shares.length,
      items: { tasks, shares },
    };
  });
}

type OpenBodies = Awaited<ReturnType<typeof openWorkOf>>["bodies"];
type OpenShares = Awaited<ReturnType<typeof openWorkOf>>["shares"];

async function moveTaskBodies(trx: Kysely<Database>, bodies: OpenBodies, toId: number) {
  const moved: { taskId: number; ref: string; document: string | null; role: string }[] = [];
  for (const b of bodies) {
    const already = await trx
      .selectFrom("task_body")
      .select("id")
      .where("task_id", "=", b.task_id)
      .where("role", "=", b.role)
      .where("unit_id", "=", toId)
      .executeTakeFirst();
    // the plan's own wording stays in `text`; the body answering for it changes
    if (already) await trx.deleteFrom("task_body").where("id", "=", b.id).execute();
    else await trx.updateTable("task_body").set({ unit_id: toId }).where("id", "=", b.id).execute();
    await trx
      .updateTable("plan_task")
      .set((eb) => ({ version: eb("version", "+", 1), updated_at: new Date() }))
      .where("id", "=", b.task_id)
      .execute();
    moved.push({ taskId: b.task_id, ref: b.ref, document: b.document_number, role: b.role });
  }
  return moved;
}

async function moveShares(trx: Kysely<Database>, shares: OpenShares, fromId: number, toId: number) {
  const moved: { occurrenceId: number; ref: string; label: string; mergedInto: number | null }[] = [];
  for (const s of shares) {
    const existing = await trx
      .selectFrom("task_occurrence")
      .select("id")
      .where("share_of", "=", s.share_of)
      .where("share_unit_id", "=", toId)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable("occurrence_update")
        .set({ occurrence_id: existing.id })
        .where("occurrence_id", "=", s.id)
        .execute();
      await trx
        .updateTable("notification")
        .set({ occurrence_id: existing.id })
        .where("occurrence_id", "=", s.id)
        .execute();
      await trx
        .deleteFrom("task_occurrence")
        .where("id", "=", s.id)
        .where("share_unit_id", "=", fromId)
        .execute();
    } else {
      await trx
        .updateTable("task_occurrence")
        .set((eb) => ({ share_unit_id: toId, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("id", "=", s.id)
        .execute();
    }
    if (s.share_of !== null) await syncParentFromShares(trx, s.share_of);
    moved.push({ occurrenceId: s.id, ref: s.ref, label: s.label, mergedInto: existing?.id ?? null });
  }
  return moved;
}
