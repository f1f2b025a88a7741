/** Reporting rounds and the bodies' submissions: reads shared by the use cases and the routes. */
import type { Kysely } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database } from "../schema.ts";

export function findRound(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("report_round as r")
    .innerJoin("document as d", "d.id", "r.document_id")
    .innerJoin("org_unit as u", "u.id", "r.level_unit_id")
    .selectAll("r")
    .select(["d.number as document_number", "d.title as document_title", "u.full_name as level_name"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}

export function findSubmission(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("report_submission as s")
    .innerJoin("org_unit as u", "u.id", "s.unit_id")
    .selectAll("s")
    .select("u.full_name as unit_name")
    .where("s.id", "=", id)
    .executeTakeFirst();
}

export function submissionsOfRound(db: Kysely<Database>, roundId: number) {
  return db
    .selectFrom("report_submission as s")
    .innerJoin("org_unit as u", "u.id", "s.unit_id")
    .select([
      "s.id",
      "s.unit_id",
      "u.full_name as unit_name",
      "s.status",
      "s.content",
      "s.number",
      "s.issued_on",
      "s.submitted_at",
      "s.reviewed_at",
      "s.reason",
      "s.chased_at",
      "s.chase_count",
      "s.scan_name",
      "s.version",
    ])
    .where("s.round_id", "=", roundId)
    .orderBy("u.full_name")
    .execute();
}

/** Rounds, newest first; with unitScope, only rounds asking one of those units, and only their rows. */
export async function listRounds(db: Kysely<Database>, scope: Scope) {
  let q = db
    .selectFrom("report_round as r")
    .innerJoin("document as d", "d.id", "r.document_id")
    .innerJoin("org_unit as u", "u.id", "r.level_unit_id")
    .selectAll("r")
    .select(["d.number as document_number", "u.full_name as level_name"])
    .select((eb) => [
      eb
        .selectFrom("report_submission as s")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("s.round_id", "=", "r.id")
        .as("asked"),
      eb
        .selectFrom("report_submission as s")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("s.round_id", "=", "r.id")
        .where("s.status", "in", ["submitted", "accepted"])
        .as("received"),
    ]);
  if (scope.kind === "units") {
    if (scope.ids.size === 0) return [];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("report_submission as s")
          .select("s.id")
          .whereRef("s.round_id", "=", "r.id")
          .where("s.unit_id", "in", [...scope.ids]),
      ),
    );
  }
  const rows = await q.orderBy("r.created_at", "desc").orderBy("r.id", "desc").execute();
  return rows.map((r) => ({ ...r, asked: Number(r.asked ?? 0), received: Number(r.received ?? 0) }));
}

/** The submissions a body still owes (for "Việc của tôi" and the reminders). */
export function openSubmissionsFor(db: Kysely<Database>, unitIds: number[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("report_submission as s")
    .innerJoin("report_round as r", "r.id", "s.round_id")
    .innerJoin("org_unit as u", "u.id", "s.unit_id")
    .select(["s.id", "s.round_id", "s.status", "s.reason", "r.title", "r.due_on", "u.full_name as unit_name"])
    .where("r.status", "=", "open")
    .where("s.status", "in", ["pending", "draft", "returned"])
    .where("s.unit_id", "in", unitIds)
    .orderBy("r.due_on")
    .execute();
}
