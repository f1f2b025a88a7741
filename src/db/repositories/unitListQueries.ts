import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** Every unit and body ever, ceased ones included (to pick one when reviewing an old document). */
export function listEveryUnit(db: Kysely<Database>) {
  return db
    .selectFrom("org_unit")
    .select([
      "id",
      "kind",
      "full_name as fullName",
      "valid_from as validFrom",
      "valid_to as validTo",
      "is_sample as isSample",
    ])
    .orderBy("full_name")
    .execute();
}

/** Names of these units (and whether they are sample data). */
export async function unitNames(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("org_unit").select(["id", "full_name", "is_sample"]).where("id", "in", ids).execute();
}

/** A unit's kind, for policies that depend on it (a school is reviewed by its commune). */
export function unitKind(db: Kysely<Database>, id: number) {
  return db.selectFrom("org_unit").select(["id", "kind"]).where("id", "=", id).executeTakeFirst();
}

/** The reporting units (communes, wards, townships, schools) under a parent on a date, with their form status for a period. */
export function childFormStatuses(db: Kysely<Database>, parentId: number, periodId: number, onDate: string) {
  return db
    .selectFrom("org_unit_parent as p")
    .innerJoin("org_unit as u", "u.id", "p.child_id")
    .leftJoin("form_status as f", (j) =>
      j.onRef("f.org_unit_id", "=", "u.id").on("f.period_id", "=", periodId),
    )
    .select(["u.id", "u.full_name", "u.kind", "f.status", "f.submitted_at", "f.reviewed_at"])
    .where("p.parent_id", "=", parentId)
    .where("u.kind", "in", ["commune", "ward", "township", "school"])
    .where((eb) => eb.or([eb("p.valid_from", "is", null), eb("p.valid_from", "<=", onDate)]))
    .where((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">", onDate)]))
    .orderBy("u.full_name")
    .execute();
}
