/** Reads for the alignment of a plan with the plans above and below it (usecases/getPlanAlignment). */
import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

export function allDocumentsBrief(db: Kysely<Database>) {
  return db
    .selectFrom("document")
    .select(["id", "held", "number", "title", "doc_type", "issuer_text", "issuer_unit_id"])
    .execute();
}

export function implementsLinks(db: Kysely<Database>) {
  return db
    .selectFrom("document_link")
    .select(["from_id", "to_id"])
    .where("relation", "=", "implements")
    .execute();
}

export async function targetsOf(db: Kysely<Database>, documentId: number) {
  const rows = await db
    .selectFrom("plan_target")
    .select(["id", "ref", "measure", "comparator", "value", "unit", "year"])
    .where("document_id", "=", documentId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}

export function tasksWithBodies(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom("plan_task as t")
    .leftJoin("task_body as b", "b.task_id", "t.id")
    .select(["t.id", "t.ref", "t.title", "b.role", "b.unit_id", "b.set_kind", "b.text"])
    .where("t.document_id", "=", documentId)
    .orderBy("t.position")
    .execute();
}

export function unitNames(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("org_unit").select(["id", "full_name", "kind"]).where("id", "in", ids).execute();
}
