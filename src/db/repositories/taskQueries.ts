import { type Kysely, type SqlBool, sql } from "kysely";
import type { Timeliness } from "../../domain/status.ts";
import type { Database } from "../schema.ts";
import { ceasedLeadSql, scoreboardBase } from "./bodyShareQueries.ts";

export interface RegisterFilter {
  documentId?: number;
  unitId?: number;
  state?: string;
  timeliness?: Timeliness;
  dueFrom?: string;
  dueTo?: string;
  /** Unaccented text; matched against "ref title". */
  text?: string;
  /** Officers: only tasks where one of these units leads or coordinates. */
  scope: Set<number> | null;
  /** Only tasks where these units lead ("Việc của tôi" shows both roles). */
  role?: "lead" | "any";
  includeDone?: boolean;
  /** Only occurrences of this kind ("pending": waiting for a coordinator to set a date). */
  kind?: string;
}

export interface Clock {
  today: string;
  soon: string;
}

type QB = ReturnType<typeof baseQuery>;

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom("task_occurrence as o")
    .innerJoin("plan_task as t", "t.id", "o.task_id")
    .innerJoin("document as d", "d.id", "t.document_id");
}

/** Timeliness as SQL, from dates at query time (never stored). */
export function timelinessSql(clock: Clock) {
  return sql<Timeliness>`case
    when o.state = 'done' and o.due_on is not null and o.completed_on > o.due_on then 'done_late'
    when o.state = 'done' and o.due_on is not null then 'done_on_time'
    when o.state = 'done' then 'done'
    when o.due_on is null then 'no_deadline'
    when o.due_on < ${clock.today} then 'overdue'
    when o.due_on <= ${clock.soon} then 'due_soon'
    else 'in_time' end`;
}

/** The same rule as timelinessSql, as plain predicates the (state, due_on) index can serve. */
function timelinessWhere(t: Timeliness, clock: Clock) {
  switch (t) {
    case "overdue":
      return sql<SqlBool>`o.state <> 'done' and o.due_on < ${clock.today}`;
    case "due_soon":
      return sql<SqlBool>`o.state <> 'done' and o.due_on >= ${clock.today} and o.due_on <= ${clock.soon}`;
    case "in_time":
      return sql<SqlBool>`o.state <> 'done' and o.due_on > ${clock.soon}`;
    case "no_deadline":
      return sql<SqlBool>`o.state <> 'done' and o.due_on is null`;
    case "done_late":
      return sql<SqlBool>`o.state = 'done' and o.completed_on > o.due_on`;
    case "done_on_time":
      return sql<SqlBool>`o.state = 'done' and o.due_on is not null and o.completed_on <= o.due_on`;
    default:
      return sql<SqlBool>`o.state = 'done' and o.due_on is null`;
  }
}

function applyFilter(q: QB, f: RegisterFilter, clock: Clock): QB {
  let r = q;
  if (f.documentId) r = r.where("t.document_id", "=", f.documentId);
  if (f.kind) r = r.where("o.kind", "=", f.kind);
  if (f.state) r = r.where("o.state", "=", f.state as never);
  if (!f.includeDone && !f.state && !f.timeliness?.startsWith("done")) r = r.where("o.state", "<>", "done");
  if (f.dueFrom) r = r.where("o.due_on", ">=", f.dueFrom);
  if (f.dueTo) r = r.where("o.due_on", "<=", f.dueTo);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    r = r.where("t.search_key", "like", like);
  }
  if (f.timeliness) r = r.where(timelinessWhere(f.timeliness, clock));
  const units = f.unitId !== undefined ? [f.unitId] : null;
  const bodyExists = (ids: number[], leadOnly: boolean) =>
    sql<SqlBool>`exists (select 1 from task_body b where b.task_id = t.id and b.unit_id in (${sql.join(ids)})${
      leadOnly ? sql` and b.role = 'lead'` : sql``
    })`;
  // a member's share of a set-led task is its own (bodyShareRepository); without a unit or a scope the
  // register lists each task's occurrence once, with "x/38 xong"
  const ownOrShare = (ids: number[], leadOnly: boolean) =>
    sql<SqlBool>`((o.share_of is null and ${bodyExists(ids, leadOnly)}) or o.share_unit_id in (${sql.join(ids)}))`;
  if (units) r = r.where(ownOrShare(units, f.role === "lead"));
  if (f.scope) {
    if (f.scope.size === 0) return r.where(sql<SqlBool>`false`);
    r = r.where(ownOrShare([...f.scope], false));
  }
  if (!units && !f.scope) r = r.where("o.share_of", "is", null);
  return r;
}

const leadNames = sql<string>`(select string_agg(coalesce(u.full_name, b.text), '; ' order by b.position)
  from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = t.id and b.role = 'lead')`;
const supportNames = sql<string>`(select string_agg(coalesce(u.full_name, b.text), '; ' order by b.position)
  from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = t.id and b.role = 'support')`;

export async function searchRegister(
  db: Kysely<Database>,
  f: RegisterFilter,
  clock: Clock,
  page: { limit: number; offset: number; order?: "due" | "urgency" },
) {
  const q = applyFilter(baseQuery(db), f, clock);
  const rowsQ = q
    .select([
      "o.id",
      "o.label",
      "o.kind",
      "o.due_on",
      "o.original_due_on",
      "o.state",
      "o.percent",
      "o.completed_on",
      "o.version",
      "t.id as task_id",
      "t.ref",
      "t.title",
      "t.timeframe_text",
      "t.product",
      "d.id as document_id",
      "d.number as document_number",
      "d.title as document_title",
      timelinessSql(clock).as("timeliness"),
      sql<string>`coalesce((select su.full_name from org_unit su where su.id = o.share_unit_id), ${leadNames})`.as(
        "lead",
      ),
      supportNames.as("support"),
      "o.share_of",
      "o.share_unit_id",
      sql<
        number | null
      >`(select count(*) filter (where s.state = 'done') from task_occurrence s where s.share_of = o.id)`.as(
        "shares_done",
      ),
      sql<number>`(select count(*) from task_occurrence s where s.share_of = o.id)`.as("shares_total"),
      ceasedLeadSql(clock.today).as("lead_ceased"),
    ])
    .orderBy(
      page.order === "urgency"
        ? sql`case when o.due_on is null then 3 when o.due_on < ${clock.today} then 0 when o.due_on <= ${clock.soon} then 1 else 2 end`
        : sql`o.due_on is null`,
    )
    .orderBy("o.due_on")
    .orderBy("d.id")
    .orderBy("t.position")
    .orderBy("o.id")
    .limit(page.limit)
    .offset(page.offset);
  const [rows, total] = await Promise.all([
    rowsQ.execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface ScoreRow {
  unit_id: number;
  unit_name: string;
  assigned: number;
  done: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  in_time: number;
  no_deadline: number;
}

/**
 * Per lead body, as the map of tasks stood on asOf (done = confirmed done on or before asOf); a
 * member's share of a set-led task counts in the member's row (bodyShareQueries.scoreboardBase).
 */
export async function scoreboard(
  db: Kysely<Database>,
  asOf: string,
  opts: { documentId?: number; scope: Set<number> | null; dueFrom?: string; dueTo?: string },
) {
  if (opts.scope && opts.scope.size === 0) return [];
  const q = scoreboardBase(db, opts);
  const doneThen = sql`(o.state = 'done' and o.completed_on <= ${asOf})`;
  const rows = await q
    .select([
      "u.id as unit_id",
      "u.full_name as unit_name",
      sql<number>`count(*)`.as("assigned"),
      sql<number>`count(*) filter (where ${doneThen})`.as("done"),
      sql<number>`count(*) filter (where ${doneThen} and (o.due_on is null or o.completed_on <= o.due_on))`.as(
        "done_on_time",
      ),
      sql<number>`count(*) filter (where ${doneThen} and o.completed_on > o.due_on)`.as("done_late"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on < ${asOf})`.as("overdue"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on >= ${asOf})`.as("in_time"),
      sql<number>`count(*) filter (where not ${doneThen} and o.due_on is null)`.as("no_deadline"),
    ])
    .groupBy(["u.id", "u.full_name"])
    .orderBy("u.full_name")
    .execute();
  return rows.map(
    (r): ScoreRow => ({
      unit_id: r.unit_id,
      unit_name: r.unit_name,
      assigned: Number(r.assigned),
      done: Number(r.done),
      done_on_time: Number(r.done_on_time),
      done_late: Number(r.done_late),
      overdue: Number(r.overdue),
      in_time: Number(r.in_time),
      no_deadline: Number(r.no_deadline),
    }),
  );
}
