import { type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * True when the body answering for occurrence `o` (its member for a share, else a lead body of its
 * task `t`) has ceased on `today` — the register shows "đơn vị đã giải thể" beside it.
 */
export function ceasedLeadSql(today: string) {
  return sql<boolean>`(case when o.share_unit_id is not null
    then exists (select 1 from org_unit cu where cu.id = o.share_unit_id and cu.valid_to <= ${today})
    else exists (select 1 from task_body cb join org_unit cu on cu.id = cb.unit_id
      where cb.task_id = t.id and cb.role = 'lead' and cu.valid_to <= ${today}) end)`;
}

/** The units that answer for each occurrence: lead bodies of a task's own occurrences, members of shares. */
function answeringUnits(db: Kysely<Database>) {
  return db
    .selectFrom("task_occurrence as o")
    .innerJoin("task_body as b", (j) => j.onRef("b.task_id", "=", "o.task_id").on("b.role", "=", "lead"))
    .select(["o.id as occ_id", sql<number>`b.unit_id`.as("unit_id")])
    .where("o.share_of", "is", null)
    .where("b.unit_id", "is not", null)
    .unionAll(
      db
        .selectFrom("task_occurrence as o")
        .select(["o.id as occ_id", sql<number>`o.share_unit_id`.as("unit_id")])
        .where("o.share_of", "is not", null),
    );
}

export interface ScoreFilter {
  documentId?: number;
  scope: Set<number> | null;
  dueFrom?: string;
  dueTo?: string;
}

/**
 * The scoreboard's occurrences with the unit that answers for each: one row per (occurrence, unit) —
 * a member's share counts in its member's row. Totals must not add these rows up (see scoreTotals).
 */
export function scoreboardBase(db: Kysely<Database>, opts: ScoreFilter) {
  let q = db
    .selectFrom(answeringUnits(db).as("l"))
    .innerJoin("task_occurrence as o", "o.id", "l.occ_id")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("org_unit as u", "u.id", "l.unit_id");
  if (opts.documentId) q = q.where("t.document_id", "=", opts.documentId);
  if (opts.dueFrom) q = q.where("o.due_on", ">=", opts.dueFrom);
  if (opts.dueTo) q = q.where("o.due_on", "<=", opts.dueTo);
  if (opts.scope) q = q.where("l.unit_id", "in", [...opts.scope, -1]);
  return q;
}

/**
 * Totals over distinct occurrences, each counted once: a task led by two bodies once, a set-led task
 * once (its parent occurrence, never its 38 shares). An officer's total is the distinct work of the
 * units in their scope (their shares and the occurrences they lead).
 */
export async function scoreTotals(db: Kysely<Database>, asOf: string, opts: ScoreFilter) {
  let q = db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .where(sql<SqlBool>`exists (select 1 from task_body b where b.task_id = t.id and b.role = 'lead')`);
  if (opts.documentId) q = q.where("t.document_id", "=", opts.documentId);
  if (opts.dueFrom) q = q.where("o.due_on", ">=", opts.dueFrom);
  if (opts.dueTo) q = q.where("o.due_on", "<=", opts.dueTo);
  if (opts.scope) {
    const ids = [...opts.scope, -1];
    q = q.where(
      sql<SqlBool>`((o.share_of is null and exists (select 1 from task_body b where b.task_id = t.id
        and b.role = 'lead' and b.unit_id in (${sql.join(ids)}))) or o.share_unit_id in (${sql.join(ids)}))`,
    );
  } else q = q.where("o.share_of", "is", null);
  const doneThen = sql`(o.state = 'done' and o.completed_on <= ${asOf})`;
  const row = await q
    .select([
      sql<number>`count(*)`.as("assigned"),
      sql<number>`count(*) filter (where ${doneThen})`.as("done"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on < ${asOf})`.as("overdue"),
    ])
    .executeTakeFirstOrThrow();
  return { assigned: Number(row.assigned), done: Number(row.done), overdue: Number(row.overdue) };
}
