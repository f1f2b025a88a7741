import type { Kysely } from "kysely";
import { visibleOccurrences } from "../db/repositories/bodyShareRepository.ts";
import type { Database } from "../db/schema.ts";
import { EVERY_UNIT, type Scope } from "../domain/policies/scope.ts";
import { type Clock, timelinessOf } from "../domain/status.ts";
import { parseTimeframe, type Timeframe } from "../domain/timeframe.ts";
import { allowedActions, type Relation } from "../domain/transitions.ts";
import { errors } from "../errors.ts";

/**
 * A task page: the plan row it came from, its bodies, its occurrences (each with its timeliness and
 * the actions the caller may take on it, from the transition table), the timeline of updates and changes.
 * A task shared out to a set of bodies shows an officer their own share (and the province everything).
 */
export async function getTaskDetail(
  db: Kysely<Database>,
  taskId: number,
  clock: Clock,
  by: Relation,
  scope: Scope = EVERY_UNIT,
) {
  const task = await db
    .selectFrom("plan_task as t")
    .innerJoin("document as d", "d.id", "t.document_id")
    .selectAll("t")
    .select(["d.number as document_number", "d.title as document_title", "d.doc_type as document_type"])
    .where("t.id", "=", taskId)
    .executeTakeFirst();
  if (!task) throw errors.notFound("nhiệm vụ");
  const [bodies, occurrences] = await Promise.all([
    db
      .selectFrom("task_body as b")
      .leftJoin("org_unit as u", "u.id", "b.unit_id")
      .select(["b.role", "b.text", "b.unit_id", "b.set_kind", "u.full_name as unit_name"])
      .where("b.task_id", "=", taskId)
      .orderBy("b.role")
      .orderBy("b.position")
      .execute(),
    visibleOccurrences(db, taskId, scope),
  ]);
  const occIds = occurrences.map((o) => o.id);
  const updates = occIds.length
    ? await db
        .selectFrom("occurrence_update")
        .selectAll()
        .where("occurrence_id", "in", occIds)
        .orderBy("created_at")
        .orderBy("id")
        .execute()
    : [];
  const attachments = updates.length
    ? await db
        .selectFrom("attachment")
        .select(["id", "update_id", "original_name", "mime", "size"])
        .where(
          "update_id",
          "in",
          updates.map((u) => u.id),
        )
        .execute()
    : [];
  const audit = await db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_name", "action", "before", "after"])
    .where((eb) =>
      eb.or([
        eb.and([eb("entity", "=", "plan_task"), eb("entity_id", "=", String(taskId))]),
        ...(occIds.length
          ? [eb.and([eb("entity", "=", "task_occurrence"), eb("entity_id", "in", occIds.map(String))])]
          : []),
      ]),
    )
    .orderBy("id")
    .execute();
  return {
    task: { ...task, timeframe: storedTimeframe(task.timeframe, task.timeframe_text) },
    bodies,
    occurrences: occurrences.map((o) => ({
      ...o,
      timeliness: timelinessOf({ state: o.state, due: o.due_on, completedOn: o.completed_on }, clock),
      actions: allowedActions(by, { state: o.state, resumeState: o.resume_state }),
      updates: updates
        .filter((u) => u.occurrence_id === o.id)
        .map((u) => ({
          ...u,
          links: u.links as string[] | null,
          attachments: attachments.filter((a) => a.update_id === u.id),
        })),
    })),
    audit,
  };
}

/** The time frame as read on import; one stored without its reading (an empty object) is read again from its text. */
function storedTimeframe(stored: unknown, text: string): Timeframe {
  const tf = stored as Partial<Timeframe> | null;
  return tf?.kind && Array.isArray(tf.milestones) ? (tf as Timeframe) : parseTimeframe(text);
}
