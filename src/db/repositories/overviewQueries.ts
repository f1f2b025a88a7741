/**
 * Reads behind the leaders' overview: each occurrence of the plans' tasks counted ONCE (whatever
 * number of bodies lead it), as things stood on "as of": done means confirmed done on or before that
 * day; an item not done is overdue from the day after its deadline.
 */
import { type Kysely, type SqlBool, sql } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database } from "../schema.ts";

/**
 * The occurrences a reader counts, as the task register lists them: a task led by a set of bodies has
 * one occurrence and a share per member (`share_of` → it); the whole province counts the occurrence
 * once (not again with its shares), a unit counts the occurrences it leads and its own shares.
 */
function inScope(scope: Scope) {
  if (scope.kind === "all") return sql<SqlBool>`o.share_of is null`;
  if (scope.ids.size === 0) return sql<SqlBool>`false`;
  const ids = sql.join([...scope.ids]);
  return sql<SqlBool>`((o.share_of is null and exists (select 1 from task_body b where b.task_id = t.id
    and b.role = 'lead' and b.unit_id in (${ids}))) or o.share_unit_id in (${ids}))`;
}

export async function occurrenceCounts(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
) {
  if (documentIds.length === 0) return null;
  const doneThen = sql`(o.state = 'done' and o.completed_on <= ${asOf})`;
  const row = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .where("t.document_id", "in", documentIds)
    .where(inScope(scope))
    .select([
      sql<number>`count(*)`.as("total"),
      sql<number>`count(*) filter (where ${doneThen} and (o.due_on is null or o.completed_on <= o.due_on))`.as(
        "done_on_time",
      ),
      sql<number>`count(*) filter (where ${doneThen} and o.completed_on > o.due_on)`.as("done_late"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on < ${asOf})`.as("overdue"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on >= ${asOf})`.as("in_time"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on is null and o.kind <> 'pending')`.as(
        "no_deadline",
      ),
      sql<number>`count(*) filter (where not ${doneThen} and o.kind = 'pending' and o.due_on is null)`.as(
        "awaiting_date",
      ),
      sql<number>`count(*) filter (where o.state = 'awaiting_confirmation')`.as("awaiting_confirmation"),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<
    keyof typeof row,
    number
  >;
}

/** The items furthest past their deadline on asOf, with the bodies that lead them. */
export async function mostOverdue(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
  limit = 10,
) {
  if (documentIds.length === 0) return [];
  const rows = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("document as d", "d.id", "t.document_id")
    .where("t.document_id", "in", documentIds)
    .where(inScope(scope))
    .where("o.due_on", "<", asOf)
    .where(sql<SqlBool>`not (o.state = 'done' and o.completed_on <= ${asOf})`)
    .select([
      "o.id",
      "o.label",
      "o.due_on",
      "t.id as task_id",
      "t.ref",
      "t.title",
      "d.number as document_number",
      sql<number>`(${asOf}::date - o.due_on)`.as("days_late"),
      sql<string>`(select string_agg(coalesce(u.full_name, b.text), '; ' order by b.position)
        from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = t.id and b.role = 'lead')`.as(
        "lead",
      ),
    ])
    .orderBy("o.due_on")
    .orderBy("o.id")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, days_late: Number(r.days_late) }));
}

/** Per lead body: its overdue items on asOf (a body counted once per item it leads). */
export async function overdueByBody(db: Kysely<Database>, documentIds: number[], asOf: string, scope: Scope) {
  if (documentIds.length === 0) return [];
  const rows = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("task_body as b", (j) => j.onRef("b.task_id", "=", "t.id").on("b.role", "=", "lead"))
    .innerJoin("org_unit as u", "u.id", "b.unit_id")
    .where("t.document_id", "in", documentIds)
    .where(inScope(scope))
    .where("o.due_on", "<", asOf)
    .where(sql<SqlBool>`not (o.state = 'done' and o.completed_on <= ${asOf})`)
    .select([
      "u.id as unit_id",
      "u.full_name as unit_name",
      "u.kind",
      sql<number>`count(distinct o.id)`.as("overdue"),
    ])
    .groupBy(["u.id", "u.full_name", "u.kind"])
    .orderBy(sql`count(distinct o.id)`, "desc")
    .orderBy("u.full_name")
    .execute();
  return rows.map((r) => ({ ...r, overdue: Number(r.overdue) }));
}

/**
 * Per commune or ward: the overdue items led by it or by a body under it (its offices, its schools) on
 * asOf, each item counted once per commune.
 */
export async function overdueByCommune(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
) {
  if (documentIds.length === 0) return [];
  const rows = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("task_body as b", (j) => j.onRef("b.task_id", "=", "t.id").on("b.role", "=", "lead"))
    .innerJoin("org_unit as u", "u.id", "b.unit_id")
    .leftJoin("org_unit_parent as p", (j) =>
      j
        .onRef("p.child_id", "=", "u.id")
        .on((eb) => eb.or([eb("p.valid_from", "is", null), eb("p.valid_from", "<=", asOf)]))
        .on((eb) => eb.or([eb("p.valid_to", "is", null), eb("p.valid_to", ">", asOf)])),
    )
    .innerJoin("org_unit as c", (j) =>
      j
        .on(sql<SqlBool>`c.id = case when u.kind in ('commune', 'ward') then u.id else p.parent_id end`)
        .on("c.kind", "in", ["commune", "ward"]),
    )
    .where("t.document_id", "in", documentIds)
    .where(inScope(scope))
    .where("o.due_on", "<", asOf)
    .where(sql<SqlBool>`not (o.state = 'done' and o.completed_on <= ${asOf})`)
    .select(["c.id as unit_id", sql<number>`count(distinct o.id)`.as("overdue")])
    .groupBy("c.id")
    .execute();
  return rows.map((r) => ({ unit_id: r.unit_id, overdue: Number(r.overdue) }));
}

/** The school-year period in force on a date (the latest one started by then). */
export function schoolYearOn(db: Kysely<Database>, date: string) {
  return db
    .selectFrom("period")
    .select(["id", "code", "name", "start_date", "end_date"])
    .where("kind", "=", "school_year")
    .where("start_date", "<=", date)
    .orderBy("start_date", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function provinceUnit(db: Kysely<Database>) {
  return db
    .selectFrom("org_unit")
    .select(["id", "full_name"])
    .where("kind", "=", "province")
    .executeTakeFirst();
}
