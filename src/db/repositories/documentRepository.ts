import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export function findDocumentByIdentity(db: Kysely<Database>, identityKey: string) {
  return db.selectFrom("document").selectAll().where("identity_key", "=", identityKey).executeTakeFirst();
}

export function findDocumentByNumberKey(db: Kysely<Database>, numberKey: string) {
  return db
    .selectFrom("document")
    .selectAll()
    .where("number_key", "=", numberKey)
    .orderBy("held", "desc")
    .executeTakeFirst();
}

export function tasksOfDocument(db: Kysely<Database>, documentId: number) {
  return db
    .selectFrom("plan_task")
    .selectAll()
    .where("document_id", "=", documentId)
    .orderBy("position")
    .execute();
}

export function bodiesOfTasks(db: Kysely<Database>, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("task_body as b")
    .leftJoin("org_unit as u", "u.id", "b.unit_id")
    .select([
      "b.task_id",
      "b.role",
      "b.text",
      "b.unit_id",
      "b.set_kind",
      "b.position",
      "u.full_name as unit_name",
    ])
    .where("b.task_id", "in", taskIds)
    .orderBy("b.task_id")
    .orderBy("b.role")
    .orderBy("b.position")
    .execute();
}

export function listDocuments(db: Kysely<Database>) {
  return db
    .selectFrom("document as d")
    .select([
      "d.id",
      "d.held",
      "d.doc_type",
      "d.number",
      "d.issued_on",
      "d.date_text",
      "d.issuer_text",
      "d.title",
      "d.imported_at",
      "d.version",
      (eb) =>
        eb
          .selectFrom("plan_task")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("plan_task.document_id", "=", "d.id")
          .as("task_count"),
      (eb) =>
        eb
          .selectFrom("plan_target")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("plan_target.document_id", "=", "d.id")
          .as("target_count"),
    ])
    .orderBy("d.held", "desc")
    .orderBy(sql`d.issued_on desc nulls last`)
    .orderBy("d.id")
    .execute();
}

export function documentLinks(db: Kysely<Database>) {
  return db.selectFrom("document_link").select(["from_id", "to_id", "relation"]).execute();
}

export function getDocumentById(db: Kysely<Database>, id: number) {
  return db.selectFrom("document").selectAll().where("id", "=", id).executeTakeFirst();
}
