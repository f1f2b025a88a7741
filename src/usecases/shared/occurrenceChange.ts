import type { Insertable, Kysely, Updateable } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database, OccurrenceUpdateTable, TaskOccurrenceTable } from "../../db/schema.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { assertNotSharedOut, syncParentFromShares } from "./shareRules.ts";

export type OccurrenceRow = Awaited<ReturnType<typeof lockOccurrence>>;

async function lockOccurrence(trx: Kysely<Database>, id: number) {
  const row = await trx.selectFrom("task_occurrence").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw errors.notFound("nhiệm vụ cần báo cáo");
  return row;
}

/**
 * One change to an occurrence, in one transaction: checks the version the person saw (a stale one is
 * refused, never overwritten), applies the patch, writes the timeline entry and the audit row.
 */
export async function changeOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  build: (current: OccurrenceRow) => {
    patch: Updateable<TaskOccurrenceTable>;
    entry: Omit<
      Insertable<OccurrenceUpdateTable>,
      "occurrence_id" | "author_id" | "author_name" | "author_unit_id"
    >;
    action: string;
  },
  after?: (trx: Kysely<Database>, updateId: number, current: OccurrenceRow) => Promise<void>,
) {
  return db.transaction().execute(async (trx) => {
    const current = await lockOccurrence(trx, id);
    if (current.version !== version) throw errors.conflict("Nhiệm vụ này");
    await assertNotSharedOut(trx, current);
    const { patch, entry, action } = build(current);
    const res = await trx
      .updateTable("task_occurrence")
      .set({ ...patch, version: version + 1, updated_at: new Date() })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw errors.conflict("Nhiệm vụ này");
    const update = await trx
      .insertInto("occurrence_update")
      .values({
        ...entry,
        occurrence_id: id,
        author_id: actor.id,
        author_name: actor.name,
        author_unit_id: actor.orgUnitId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (after) await after(trx, update.id, current);
    if (current.share_of !== null) await syncParentFromShares(trx, current.share_of);
    const next = await lockOccurrence(trx, id);
    await recordAudit(trx, actor, {
      action,
      entity: "task_occurrence",
      entityId: id,
      before: {
        state: current.state,
        percent: current.percent,
        due_on: current.due_on,
        version: current.version,
      },
      after: {
        state: next.state,
        percent: next.percent,
        due_on: next.due_on,
        version: next.version,
        text: entry.text,
      },
    });
    return { occurrence: next, updateId: update.id };
  });
}
