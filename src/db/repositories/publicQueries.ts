/**
 * Reads behind the public page (usecases/getPublicProgress) and its administration: which plans and
 * targets an administrator made public, the occurrences of the public plans with the bodies that lead
 * them, and the map with every unit's parents (so a school or an office is counted into its commune).
 */
import type { Kysely } from "kysely";
import { validOn } from "../../domain/orgUnits.ts";
import type { UnitOnMap } from "../../domain/publicView.ts";
import type { Database } from "../schema.ts";

export async function publicDocumentIds(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom("public_document").select("document_id").orderBy("document_id").execute();
  return rows.map((r) => r.document_id);
}

export async function publicTargetIds(db: Kysely<Database>): Promise<Set<number>> {
  const rows = await db.selectFrom("public_target").select("target_id").execute();
  return new Set(rows.map((r) => r.target_id));
}

export function documentsBrief(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("document")
    .select(["id", "number", "title", "doc_type", "issued_on", "issuer_text", "period_from", "period_to"])
    .where("id", "in", ids)
    .orderBy("issued_on")
    .orderBy("id")
    .execute();
}

/** "implements" links between the given documents only. */
export function linksBetween(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("document_link")
    .select(["from_id", "to_id"])
    .where("relation", "=", "implements")
    .where("from_id", "in", ids)
    .where("to_id", "in", ids)
    .execute();
}

/**
 * Occurrences of the given plans, each with the units that answer for it: its member for a share;
 * the task's lead bodies otherwise. A parent shared out to members has `shared` set (its shares speak
 * for the bodies; it counts once in totals).
 */
export async function occurrencesWithLeads(db: Kysely<Database>, documentIds: number[]) {
  if (documentIds.length === 0) return [];
  const [occurrences, leads] = await Promise.all([
    db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as t", "t.id", "o.task_id")
      .select([
        "o.id",
        "o.task_id",
        "t.document_id",
        "o.due_on",
        "o.state",
        "o.completed_on",
        "o.share_of",
        "o.share_unit_id",
      ])
      .select((eb) =>
        eb
          .exists(eb.selectFrom("task_occurrence as s").select("s.id").whereRef("s.share_of", "=", "o.id"))
          .as("shared"),
      )
      .where("t.document_id", "in", documentIds)
      .execute(),
    db
      .selectFrom("task_body as b")
      .innerJoin("plan_task as t", "t.id", "b.task_id")
      .select(["b.task_id", "b.unit_id"])
      .where("t.document_id", "in", documentIds)
      .where("b.role", "=", "lead")
      .where("b.unit_id", "is not", null)
      .execute(),
  ]);
  const leadsOf = new Map<number, number[]>();
  for (const l of leads) leadsOf.set(l.task_id, [...(leadsOf.get(l.task_id) ?? []), l.unit_id as number]);
  return occurrences.map((o) => ({
    ...o,
    shared: Boolean(o.shared),
    units: o.share_unit_id !== null ? [o.share_unit_id] : (leadsOf.get(o.task_id) ?? []),
  }));
}

export interface PublicMapUnit extends UnitOnMap {
  name: string;
}

/**
 * Every unit (ceased ones too: old plans name them) with its parents: the link in force on asOf, else
 * the unit's last link (an old commune sits under its old district).
 */
export async function publicMap(db: Kysely<Database>, asOf: string): Promise<Map<number, PublicMapUnit>> {
  const [units, links] = await Promise.all([
    db.selectFrom("org_unit").select(["id", "kind", "full_name"]).execute(),
    db
      .selectFrom("org_unit_parent")
      .select(["child_id", "parent_id", "valid_from", "valid_to"])
      .orderBy("valid_from")
      .execute(),
  ]);
  const parentOf = new Map<number, number>();
  const current = new Set<number>();
  for (const l of links) {
    const now = validOn(l.valid_from, l.valid_to, asOf);
    if (now) current.add(l.child_id);
    if (now || !current.has(l.child_id)) parentOf.set(l.child_id, l.parent_id);
  }
  const kindOf = new Map(units.map((u) => [u.id, u.kind as string]));
  const out = new Map<number, PublicMapUnit>();
  for (const u of units) {
    const ancestors: { id: number; kind: string }[] = [];
    let cur = parentOf.get(u.id);
    while (cur !== undefined && ancestors.length < 20 && !ancestors.some((a) => a.id === cur)) {
      ancestors.push({ id: cur, kind: kindOf.get(cur) ?? "" });
      cur = parentOf.get(cur);
    }
    out.set(u.id, { id: u.id, kind: u.kind, name: u.full_name, ancestors });
  }
  return out;
}

/** For the administrators' page: every held plan and every target, with whether each is public. */
export async function publicationChoices(db: Kysely<Database>) {
  const [documents, targets] = await Promise.all([
    db
      .selectFrom("document as d")
      .leftJoin("public_document as p", "p.document_id", "d.id")
      .select(["d.id", "d.number", "d.title", "d.doc_type", "d.issued_on", "p.published_at"])
      .where("d.held", "=", true)
      .orderBy("d.issued_on")
      .orderBy("d.id")
      .execute(),
    db
      .selectFrom("indicator_target as t")
      .innerJoin("org_unit as u", "u.id", "t.org_unit_id")
      .leftJoin("document as d", "d.id", "t.document_id")
      .leftJoin("public_target as p", "p.target_id", "t.id")
      .select([
        "t.id",
        "t.label",
        "t.org_unit_id",
        "u.full_name as unit_name",
        "d.number as document_number",
        "p.published_at",
      ])
      .orderBy("t.id")
      .execute(),
  ]);
  return { documents, targets };
}

export async function setDocumentPublic(
  trx: Kysely<Database>,
  documentId: number,
  on: boolean,
  by: number | null,
): Promise<boolean> {
  if (on) {
    const r = await trx
      .insertInto("public_document")
      .values({ document_id: documentId, published_by: by })
      .onConflict((oc) => oc.column("document_id").doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await trx.deleteFrom("public_document").where("document_id", "=", documentId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function setTargetPublic(
  trx: Kysely<Database>,
  targetId: number,
  on: boolean,
  by: number | null,
): Promise<boolean> {
  if (on) {
    const r = await trx
      .insertInto("public_target")
      .values({ target_id: targetId, published_by: by })
      .onConflict((oc) => oc.column("target_id").doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  const r = await trx.deleteFrom("public_target").where("target_id", "=", targetId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
