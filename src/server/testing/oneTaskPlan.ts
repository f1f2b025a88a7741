import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * A held plan with one task due 31/12/2026, led by one body (a unit, or a set of bodies with no unit),
 * and the task's one occurrence: the smallest piece of work a test can report on, chase or race on.
 */
export async function insertOneTaskPlan(
  db: Kysely<Database>,
  key: string,
  ref: string,
  lead: { unit: number | null; text: string; setKind?: string },
): Promise<{ taskId: number; occurrenceId: number }> {
  const doc = await db
    .insertInto("document")
    .values({ identity_key: `t:${key}-${ref}`, held: true, title: `Kế hoạch ${ref}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  const task = await db
    .insertInto("plan_task")
    .values({
      document_id: doc.id,
      ref,
      group_ref: null,
      group_title: null,
      title: `Nhiệm vụ ${ref}`,
      timeframe_text: "Tháng 12/2026",
      timeframe: "{}",
      timeframe_kind: "deadline",
      due_on: "2026-12-31",
      product: null,
      note: null,
      source: "table",
      position: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("task_body")
    .values({
      task_id: task.id,
      role: "lead",
      text: lead.text,
      unit_id: lead.unit,
      set_kind: lead.setKind ?? null,
      position: 0,
    })
    .execute();
  const occ = await db
    .insertInto("task_occurrence")
    .values({
      task_id: task.id,
      label: "Hạn hoàn thành",
      kind: "deadline",
      period_year: 2026,
      due_on: "2026-12-31",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { taskId: task.id, occurrenceId: occ.id };
}
