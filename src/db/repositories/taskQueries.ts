import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import { type Clock, type Timeliness, URGENCY } from "../../domain/status.ts";
import type { Database } from "../schema.ts";
import { ceasedLeadSql } from "./bodyShareQueries.ts";

export interface RegisterFilter {
  documentId?: number;
  unitId?: number;
  state?: string;
  timeliness?: Timeliness;
  dueFrom?: string;
  dueTo?: string;
  /** Unaccented text; matched against "ref title". */
  text?: string;
  /** Only tasks where a unit in scope leads or coordinates (every task for { kind: "all" }). */
  scope: Scope;
  /** Only tasks where these units lead ("Việc của tôi" shows both roles). */
  role?: "lead" | "any";
  includeDone?: boolean;
  /** Only occurrences of this kind ("pending": waiting for a coordinator to set a date). */
  kind?: string;
  /** Only these occurrences (chosen by a first, lighter reading: "Việc của tôi" by horizon). */
  ids?: readonly number[];
}

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("document as d", "d.id", "t.document_id");
}

/** What timeliness reads, as SQL: whether done, the deadline, the day reported done. */
export interface TimelinessColumns {
  done: RawBuilder<SqlBool>;
  due: RawBuilder<string | null>;
  completed: RawBuilder<string | null>;
}

const CURRENT: TimelinessColumns = {
  done: sql<SqlBool>`o.state = 'done'`,
  due: sql<string | null>`o.due_on`,
  completed: sql<string | null>`o.completed_on`,
};

/** The clock timeliness reads: days as values, or columns (the kept scoreboard counts read each row's day). */
export interface SqlClock {
  today: string | RawBuilder<string>;
  soon: string | RawBuilder<string>;
}

/**
 * Timeliness as SQL — the same rule as domain/status.timelinessOf, written once here and used by the
 * register's filter and order, the scoreboard and the reminders (taskQueries.test.ts holds the two
 * forms equal on random data). Due on the day itself is not overdue.
 */
export function timelinessSql(clock: SqlClock, c: TimelinessColumns = CURRENT) {
  return sql<Timeliness>`(case
    when ${c.done} then (case
      when ${c.due} is null or ${c.completed} is null then 'done'
      when ${c.completed} <= ${c.due} then 'done_on_time'
      else 'done_late' end)
    when ${c.due} is null then 'no_deadline'
    when ${c.due} < ${clock.today} then 'overdue'
    when ${c.due} <= ${clock.soon} then 'due_soon'
    else 'in_time' end)`;
}

/** Most urgent first (domain/status.URGENCY), as a sort key over the same expression. */
function urgencySql(clock: Clock) {
  return sql<number>`array_position(array[${sql.join(URGENCY.map((u) => sql.lit(u)))}]::text[], ${timelinessSql(clock)}::text)`;
}

/** The deadlines a timeliness can have (implied by timelinessSql, stated so an index on due_on serves the filter). */
function dueBoundsOf(tl: Timeliness, clock: Clock): RawBuilder<SqlBool> {
  switch (tl) {
    case "overdue":
      return sql<SqlBool>`o.due_on < ${clock.today}`;
    case "due_soon":
      return sql<SqlBool>`o.due_on >= ${clock.today} and o.due_on <= ${clock.soon}`;
    case "in_time":
      return sql<SqlBool>`o.due_on > ${clock.soon}`;
    case "no_deadline":
      return sql<SqlBool>`o.due_on is null`;
    default:
      return sql<SqlBool>`o.state = 'done'`;
  }
}

/**
 * The register's filter as one condition on the occurrence `o` alone (plans and bodies through
 * sub-selects), so the page and its count can each read only what they need.
 */
function filterSql(f: RegisterFilter, clock: Clock): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (f.documentId)
    parts.push(sql`o.task_id in (select t.id from plan_task t where t.document_id = ${f.documentId})`);
  if (f.ids) {
    if (f.ids.length === 0) return sql<SqlBool>`false`;
    // one parameter, however many: the statement's text (and its prepared plan) stays the same
    parts.push(sql`o.id = any(string_to_array(${f.ids.join(",")}, ',')::int[])`);
  }
  if (f.kind) parts.push(sql`o.kind = ${f.kind}`);
  if (f.state) parts.push(sql`o.state = ${f.state}`);
  if (!f.includeDone && !f.state && !f.timeliness?.startsWith("done")) parts.push(sql`o.state <> 'done'`);
  if (f.dueFrom) parts.push(sql`o.due_on >= ${f.dueFrom}`);
  if (f.dueTo) parts.push(sql`o.due_on <= ${f.dueTo}`);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`o.task_id in (select t.id from plan_task t where t.search_key like ${like})`);
  }
  if (f.timeliness)
    parts.push(dueBoundsOf(f.timeliness, clock), sql`${timelinessSql(clock)} = ${f.timeliness}`);
  // a member's share of a set-led task is its own (bodyShareRepository); without a unit or a scope the
  // register lists each task's occurrence once, with "x/38 xong". Two index paths, not one OR over all.
  const ownOrShare = (ids: number[], leadOnly: boolean) =>
    sql<SqlBool>`o.id in (select own.id from task_occurrence own where own.share_of is null and own.task_id in (
        select b.task_id from task_body b where b.unit_id in (${sql.join(ids)})${leadOnly ? sql` and b.role = 'lead'` : sql``})
      union all select s.id from task_occurrence s where s.share_unit_id in (${sql.join(ids)}))`;
  const units = f.unitId !== undefined ? [f.unitId] : null;
  if (units) parts.push(ownOrShare(units, f.role === "lead"));
  if (f.scope.kind === "units") {
    if (f.scope.ids.size === 0) return sql<SqlBool>`false`;
    parts.push(ownOrShare([...f.scope.ids], false));
  }
  if (!units && f.scope.kind === "all") parts.push(sql`o.share_of is null`);
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** A task's bodies as the policies read them (role and unit), as one JSON column. */
type BodyRefs = { role: "lead" | "support"; unit_id: number | null }[];

/**
 * A listed task's bodies read once per row (lateral `bx`): the lead and support names, and with
 * `withBodies` the bodies as the policies read them; and its shares counted once (`sx`). Separate
 * subqueries per column scanned task_body four times per row. A body's unit name is a lookup by key
 * (a scalar subquery the planner cannot turn into a join): as a join, the planner hashed every unit
 * for each listed task.
 */
const bodiesLateral = (withBodies: boolean) => sql`(select
    string_agg(b.name, '; ' order by b.position) filter (where b.role = 'lead') as lead_names,
    string_agg(b.name, '; ' order by b.position) filter (where b.role = 'support') as support_names,
    ${withBodies ? sql`coalesce(json_agg(json_build_object('role', b.role, 'unit_id', b.unit_id) order by b.role, b.position), '[]')` : sql`null::json`} as refs
  from (select b.role, b.unit_id, b.position,
      coalesce((select u.full_name from org_unit u where u.id = b.unit_id), b.text) as name
    from task_body b where b.task_id = t.id) b)`;
const sharesLateral = sql`(select count(*) filter (where s.state = 'done') as done, count(*) as total
  from task_occurrence s where s.share_of = o.id)`;

/**
 * One page of the register and the count of every match (the count asked apart, only when the page is full). The page is
 * chosen first over the narrow ordering keys (by deadline, a walk along the open work's index; by
 * urgency, a bounded top-N sort), then its rows are read in full; `withBodies` also gives each
 * listed task's bodies (role, unit) for the policies, by task id.
 */
export async function searchRegister(
  db: Kysely<Database>,
  f: RegisterFilter,
  clock: Clock,
  page: { limit: number; offset: number; order?: "due" | "urgency"; withBodies?: boolean },
) {
  const where = filterSql(f, clock);
  const byUrgency = page.order === "urgency";
  // by deadline, the open work's index gives the order (nulls last, as ascending puts them): the page
  // is the first rows of a walk along it, not a sort of every match
  const chosen = db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .where(where)
    .select(["o.id", "o.due_on", "t.document_id", "t.position"])
    .$if(byUrgency, (x) => x.select(urgencySql(clock).as("urgency")).orderBy(urgencySql(clock)))
    .orderBy("o.due_on")
    .orderBy("t.document_id")
    .orderBy("t.position")
    .orderBy("o.id")
    .limit(page.limit)
    .offset(page.offset);
  const rowsQ = baseQuery(db)
    .innerJoin(chosen.as("p"), "p.id", "o.id")
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom(bodiesLateral(Boolean(page.withBodies)).as("x"))
          .select([
            sql<string | null>`x.lead_names`.as("lead_names"),
            sql<string | null>`x.support_names`.as("support_names"),
            sql<BodyRefs | null>`x.refs`.as("refs"),
          ])
          .as("bx"),
      (join) => join.onTrue(),
    )
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom(sharesLateral.as("y"))
          .select([sql<number>`y.done`.as("done"), sql<number>`y.total`.as("total")])
          .as("sx"),
      (join) => join.onTrue(),
    )
    .select([
      "o.id",
      "o.label",
      "o.kind",
      "o.due_on",
      "o.period_year",
      "o.original_due_on",
      "o.state",
      "o.percent",
      "o.completed_on",
      "o.version",
      "o.resume_state",
      "t.id as task_id",
      "t.ref",
      "t.title",
      "t.timeframe_text",
      "t.product",
      "d.id as document_id",
      "d.number as document_number",
      "d.title as document_title",
      timelinessSql(clock).as("timeliness"),
      sql<string>`coalesce((select su.full_name from org_unit su where su.id = o.share_unit_id), bx.lead_names)`.as(
        "lead",
      ),
      sql<string>`bx.support_names`.as("support"),
      "o.share_of",
      "o.share_unit_id",
      sql<number | null>`sx.done`.as("shares_done"),
      sql<number>`sx.total`.as("shares_total"),
      ceasedLeadSql(clock.today).as("lead_ceased"),
      sql<BodyRefs | null>`bx.refs`.as("bodies"),
    ])
    .orderBy(byUrgency ? sql`p.urgency` : sql`p.due_on is null`)
    .orderBy("p.due_on")
    .orderBy("p.document_id")
    .orderBy("p.position")
    .orderBy("p.id");
  const found = await rowsQ.execute();
  // a page that is not full tells the count itself; only a full one (or an empty one past the start)
  // asks for it
  const told = found.length < page.limit && (found.length > 0 || page.offset === 0);
  const total = told
    ? page.offset + found.length
    : Number(
        (
          await db
            .selectFrom("task_occurrence as o")
            .where(where)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
  const bodiesOf = new Map<number, BodyRefs>();
  const rows = found.map(({ bodies, ...row }) => {
    if (bodies) bodiesOf.set(row.task_id, bodies);
    return row;
  });
  return { rows, total, bodiesOf };
}

/**
 * What places each matching occurrence in time, and nothing else (no plan, bodies or shares): the first
 * reading of "Việc của tôi", which then reads in full only the rows it lists (domain/workHorizon.ts).
 * At most `limit` rows, most urgent first.
 */
export function registerTimes(db: Kysely<Database>, f: RegisterFilter, clock: Clock, limit: number) {
  return db
    .selectFrom("task_occurrence as o")
    .where(filterSql(f, clock))
    .select([
      "o.id",
      "o.task_id",
      "o.share_unit_id",
      "o.due_on",
      "o.period_year",
      timelinessSql(clock).as("timeliness"),
    ])
    .orderBy(urgencySql(clock))
    .orderBy("o.due_on")
    .orderBy("o.id")
    .limit(limit)
    .execute();
}

/** Occurrences to chase on `clock.today`: due soon or overdue, in a state a coordinator could chase. */
export function occurrencesToRemind(db: Kysely<Database>, clock: Clock, states: readonly string[]) {
  const tl = timelinessSql(clock);
  return baseQuery(db)
    .select([
      "o.id",
      "o.due_on",
      "o.label",
      "o.share_unit_id",
      "t.id as task_id",
      "t.ref",
      "t.title",
      "d.number",
      tl.as("timeliness"),
    ])
    .where("o.state", "in", states as never)
    .where(sql<SqlBool>`${tl} in ('overdue', 'due_soon')`)
    .orderBy("o.id")
    .execute();
}
