import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from "kysely";
import type { OccurrenceSpec } from "../../domain/occurrences.ts";
import type { Database, OccurrenceUpdateTable, TaskBodyTable, TaskOccurrenceTable } from "../schema.ts";

/**
 * Brings a task's occurrences in line with its time frame, keeping history: an occurrence is matched
 * by its label; a changed due date follows the plan unless a coordinator extended it; one that is no
 * longer due is removed only if nobody reported on it.
 */
export async function syncTaskOccurrences(
  trx: Kysely<Database>,
  taskId: number,
  specs: OccurrenceSpec[],
): Promise<void> {
  const existing = await trx
    .selectFrom("task_occurrence")
    .selectAll()
    .where("task_id", "=", taskId)
    .where("share_of", "is", null)
    .execute();
  const byLabel = new Map(existing.map((o) => [o.label, o]));
  // a deadline a coordinator extended or set (for work waiting on a document) is theirs, not the plan's
  const dated = new Set(
    existing.length === 0
      ? []
      : (
          await trx
            .selectFrom("occurrence_update")
            .select("occurrence_id")
            .where(
              "occurrence_id",
              "in",
              existing.map((o) => o.id),
            )
            .where("kind", "in", ["extend", "set_due"])
            .execute()
        ).map((r) => r.occurrence_id),
  );
  for (const s of specs) {
    const old = byLabel.get(s.label);
    if (!old) {
      await trx
        .insertInto("task_occurrence")
        .values({ task_id: taskId, label: s.label, kind: s.kind, period_year: s.year, due_on: s.due })
        .execute();
    } else if (
      old.kind !== s.kind ||
      old.period_year !== s.year ||
      (!dated.has(old.id) && old.due_on !== s.due)
    ) {
      await trx
        .updateTable("task_occurrence")
        .set({
          kind: s.kind,
          period_year: s.year,
          due_on: dated.has(old.id) ? old.due_on : s.due,
          version: old.version + 1,
          updated_at: new Date(),
        })
        .where("id", "=", old.id)
        .execute();
    }
  }
  const wanted = new Set(specs.map((s) => s.label));
  const gone = existing.filter((o) => !wanted.has(o.label)).map((o) => o.id);
  if (gone.length > 0) {
    // a share's reports keep its parent too (bodyShareRepository)
    const reported = await trx
      .selectFrom("occurrence_update as u")
      .innerJoin("task_occurrence as o", "o.id", "u.occurrence_id")
      .select(sql<number>`coalesce(o.share_of, o.id)`.as("occurrence_id"))
      .where((eb) => eb.or([eb("o.id", "in", gone), eb("o.share_of", "in", gone)]))
      .execute();
    const keep = new Set(reported.map((r) => Number(r.occurrence_id)));
    const drop = gone.filter((id) => !keep.has(id));
    if (drop.length > 0) await trx.deleteFrom("task_occurrence").where("id", "in", drop).execute();
  }
}

export function findOccurrence(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("document as d", "d.id", "t.document_id")
    .selectAll("o")
    .select(["t.ref as task_ref", "t.title as task_title", "t.document_id", "d.number as document_number"])
    .where("o.id", "=", id)
    .executeTakeFirst();
}

export function bodiesOfTask(db: Kysely<Database>, taskId: number) {
  return db
    .selectFrom("task_body")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("role")
    .orderBy("position")
    .execute();
}

/** A task body as read with an occurrence: the row and the name of its unit (null: named only as text). */
export type BodyWithName = Selectable<TaskBodyTable> & { full_name: string | null };

/**
 * An occurrence with all that an action on it needs, in one statement: its row, its task and plan,
 * the task's bodies (with their units' names), its member's name when it is a share, and whether it
 * was shared out (then nobody acts on it directly).
 */
export async function findOccurrenceWithBodies(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("document as d", "d.id", "t.document_id")
    .selectAll("o")
    .select([
      "t.ref as task_ref",
      "t.title as task_title",
      "t.document_id",
      "d.number as document_number",
      sql<BodyWithName[]>`(select coalesce(json_agg(json_build_object('id', b.id, 'task_id', b.task_id,
          'role', b.role, 'text', b.text, 'unit_id', b.unit_id, 'set_kind', b.set_kind,
          'position', b.position, 'full_name', u.full_name) order by b.role, b.position), '[]')
        from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = o.task_id)`.as("bodies"),
      sql<string | null>`(select su.full_name from org_unit su where su.id = o.share_unit_id)`.as(
        "share_unit_name",
      ),
      sql<boolean>`exists (select 1 from task_occurrence s where s.share_of = o.id)`.as("has_shares"),
    ])
    .where("o.id", "=", id)
    .executeTakeFirst();
  return row;
}

export type OccurrenceWithBodies = NonNullable<Awaited<ReturnType<typeof findOccurrenceWithBodies>>>;

/**
 * A versioned change of an occurrence and its timeline entry, in one statement: the update applies
 * only at the version the person saw, and gives the row as it now is. The entry is written in the
 * same statement whatever the update did; without a changed row the caller throws 409 and the
 * transaction takes the entry back with it.
 */
export async function applyOccurrenceChange(
  trx: Kysely<Database>,
  id: number,
  version: number,
  patch: Updateable<TaskOccurrenceTable>,
  entry: Insertable<OccurrenceUpdateTable>,
) {
  const row = await trx
    .with("changed", (db) =>
      db
        .updateTable("task_occurrence")
        .set({ ...patch, version: version + 1, updated_at: new Date() })
        .where("id", "=", id)
        .where("version", "=", version)
        .returningAll(),
    )
    .with("entry", (db) => db.insertInto("occurrence_update").values(entry).returning("id"))
    .selectFrom("entry")
    .leftJoin("changed", (join) => join.onTrue())
    .selectAll("changed")
    .select("entry.id as update_id")
    .executeTakeFirstOrThrow();
  const { update_id, ...changed } = row;
  return {
    changed: changed.id === null ? [] : [changed as Selectable<TaskOccurrenceTable>],
    updateId: update_id,
  };
}
