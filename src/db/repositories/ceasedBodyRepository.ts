import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** A unit with its validity, for the checks on ceased bodies. */
export function findUnitValidity(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("org_unit")
    .select(["id", "full_name", "valid_from", "valid_to"])
    .where("id", "in", ids)
    .execute();
}

/** The units a ceased unit passed its work to (org_unit_lineage), with their validity. */
export function successorsOf(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom("org_unit_lineage as l")
    .innerJoin("org_unit as u", "u.id", "l.to_id")
    .select(["u.id", "u.full_name", "u.valid_to", "l.weight", "l.note", "l.effective_on"])
    .where("l.from_id", "=", unitId)
    .orderBy("u.full_name")
    .execute();
}

/**
 * A body's open work: the task bodies naming it on tasks with an unfinished occurrence, and the
 * unfinished shares it holds. Finished work stays with it — it is history.
 */
export async function openWorkOf(db: Kysely<Database>, unitId: number) {
  const [bodies, shares] = await Promise.all([
    db
      .selectFrom("task_body as b")
      .innerJoin("plan_task as t", "t.id", "b.task_id")
      .innerJoin("document as d", "d.id", "t.document_id")
      .select(["b.id", "b.task_id", "b.role", "t.ref", "t.version", "d.number as document_number"])
      .where("b.unit_id", "=", unitId)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom("task_occurrence as o")
            .select("o.id")
            .whereRef("o.task_id", "=", "t.id")
            .where("o.share_of", "is", null)
            .where("o.state", "<>", "done"),
        ),
      )
      .orderBy("d.id")
      .orderBy("t.position")
      .execute(),
    db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select(["o.id", "o.share_of", "o.label", "t.ref"])
      .where("o.share_unit_id", "=", unitId)
      .where("o.state", "<>", "done")
      .orderBy("o.id")
      .execute(),
  ]);
  return { bodies, shares };
}
