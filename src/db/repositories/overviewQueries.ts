/**
 * Reads behind the leaders' overview, as things stood at the end of "as of", through the one reading
 * of history the scoreboard uses (scoreboardQueries.occurrencesAsOf: the deadline, the lead bodies and
 * the state of that day, and timeliness by taskQueries.timelinessSql). Each occurrence of the plans'
 * tasks counts ONCE in the totals, whatever number of bodies lead it; per body and per commune, a
 * member's share of a set-led task counts for that member.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database } from "../schema.ts";
import { occurrencesAsOf } from "./scoreboardQueries.ts";

/**
 * The occurrences (rows of `day`, alias `k`) a reader counts, as the task register lists them: the whole
 * province counts a set-led occurrence once (not again with its shares) — unless `withShares`, for the
 * lists per body —; a unit counts the occurrences it led that day and its own shares.
 */
function inScope(scope: Scope, withShares = false): RawBuilder<SqlBool> {
  if (scope.kind === "all") return withShares ? sql<SqlBool>`true` : sql<SqlBool>`k.share_of is null`;
  if (scope.ids.size === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`k.id in (select p.id from pairs p where p.unit_id in (${sql.join([...scope.ids])}))`;
}

/** The statement's opening: the occurrences of the day (`day`), who led them (`pairs`), those in scope (`k`). */
function dayOf(documentIds: number[], asOf: string, scope: Scope, withShares = false) {
  return sql`with ${occurrencesAsOf(asOf, documentIds)},
    k as (select * from day k where ${inScope(scope, withShares)})`;
}

export async function occurrenceCounts(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
) {
  if (documentIds.length === 0) return null;
  const { rows } = await sql<Record<string, unknown>>`${dayOf(documentIds, asOf, scope)}
    select count(*) as total,
      count(*) filter (where k.tl in ('done', 'done_on_time')) as done_on_time,
      count(*) filter (where k.tl = 'done_late') as done_late,
      count(*) filter (where k.tl = 'overdue') as overdue,
      count(*) filter (where k.tl in ('in_time', 'due_soon')) as in_time,
      count(*) filter (where k.tl = 'no_deadline' and k.kind <> 'pending') as no_deadline,
      count(*) filter (where k.tl = 'no_deadline' and k.kind = 'pending') as awaiting_date,
      count(*) filter (where k.state = 'awaiting_confirmation') as awaiting_confirmation
    from k`.execute(db);
  const n = (key: string) => Number(rows[0]?.[key] ?? 0);
  return {
    total: n("total"),
    done_on_time: n("done_on_time"),
    done_late: n("done_late"),
    overdue: n("overdue"),
    in_time: n("in_time"),
    no_deadline: n("no_deadline"),
    awaiting_date: n("awaiting_date"),
    awaiting_confirmation: n("awaiting_confirmation"),
  };
}

/** The lead bodies of that day as text: the member for a share, the leads before a later reassignment, else the task's leads now. */
const leadOfDay = sql<string | null>`(case
  when k.share_unit_id is not null or exists (select 1 from lc where lc.task_id = k.task_id)
    then (select string_agg(u.full_name, '; ' order by u.full_name)
            from pairs p join org_unit u on u.id = p.unit_id where p.id = k.id)
  else (select string_agg(coalesce(u.full_name, b.text), '; ' order by b.position)
          from task_body b left join org_unit u on u.id = b.unit_id where b.task_id = k.task_id and b.role = 'lead')
  end)`;

/** The items furthest past their deadline of that day on asOf, with the bodies that led them. */
export async function mostOverdue(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
  limit = 10,
) {
  if (documentIds.length === 0) return [];
  const { rows } = await sql<{
    id: number;
    label: string;
    due_on: string | null;
    task_id: number;
    ref: string;
    title: string;
    document_number: string | null;
    days_late: number | string;
    lead: string | null;
  }>`${dayOf(documentIds, asOf, scope)}
    select o.id, o.label, k.due as due_on, t.id as task_id, t.ref, t.title, d.number as document_number,
      (${asOf}::date - k.due) as days_late, ${leadOfDay} as lead
    from k
    join task_occurrence o on o.id = k.id
    join plan_task t on t.id = k.task_id
    join document d on d.id = t.document_id
    where k.tl = 'overdue'
    order by k.due, k.id
    limit ${limit}`.execute(db);
  return rows.map((r) => ({ ...r, days_late: Number(r.days_late) }));
}

/** Per lead body of that day: its overdue items on asOf (a body counted once per item it led, a member once per share). */
export async function overdueByBody(db: Kysely<Database>, documentIds: number[], asOf: string, scope: Scope) {
  if (documentIds.length === 0) return [];
  const { rows } = await sql<{
    unit_id: number;
    unit_name: string;
    kind: string;
    overdue: number | string;
  }>`${dayOf(documentIds, asOf, scope, true)}
    select u.id as unit_id, u.full_name as unit_name, u.kind, count(distinct k.id) as overdue
    from k
    join pairs p on p.id = k.id
    join org_unit u on u.id = p.unit_id
    where k.tl = 'overdue'
    group by u.id, u.full_name, u.kind
    order by count(distinct k.id) desc, u.full_name`.execute(db);
  return rows.map((r) => ({ ...r, overdue: Number(r.overdue) }));
}

/**
 * Per commune or ward: the overdue items on asOf led that day by it or by a body under it (its offices,
 * its schools), its shares of set-led tasks included, each item counted once per commune.
 */
export async function overdueByCommune(
  db: Kysely<Database>,
  documentIds: number[],
  asOf: string,
  scope: Scope,
) {
  if (documentIds.length === 0) return [];
  const { rows } = await sql<{
    unit_id: number;
    overdue: number | string;
  }>`${dayOf(documentIds, asOf, scope, true)}
    select c.id as unit_id, count(distinct k.id) as overdue
    from k
    join pairs pr on pr.id = k.id
    join org_unit u on u.id = pr.unit_id
    left join org_unit_parent p on p.child_id = u.id
      and (p.valid_from is null or p.valid_from <= ${asOf}) and (p.valid_to is null or p.valid_to > ${asOf})
    join org_unit c on c.id = (case when u.kind in ('commune', 'ward') then u.id else p.parent_id end)
      and c.kind in ('commune', 'ward')
    where k.tl = 'overdue'
    group by c.id`.execute(db);
  return rows.map((r) => ({ unit_id: r.unit_id, overdue: Number(r.overdue) }));
}
