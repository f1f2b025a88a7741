import { type Kysely, type SqlBool, sql } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database } from "../schema.ts";
import { timelinessSql } from "./taskQueries.ts";

export interface ScoreCounts {
  assigned: number;
  done: number;
  done_on_time: number;
  done_late: number;
  overdue: number;
  in_time: number;
  no_deadline: number;
}

export interface ScoreRow extends ScoreCounts {
  unit_id: number;
  unit_name: string;
}

export interface ScoreboardOptions {
  documentId?: number;
  /** Officers: only the work of these lead bodies; null: all. */
  scope: Scope;
  dueFrom?: string;
  dueTo?: string;
}

/**
 * Every occurrence as it stood at the end of `asOf`, read from its history (domain/status.ts has the
 * same reading in TypeScript: dueAsOf, leadsAsOf, timelinessAsOf):
 * - the deadline of that day: the current one unless an extension was made later, then the deadline
 *   the first later extension replaced;
 * - the lead bodies of that day: the current ones unless a reassignment took effect later;
 * - done only if a coordinator had confirmed it by then.
 */
function occurrencesAsOf(asOf: string, documentId?: number) {
  return sql`select o.id, o.completed_on, o.share_of,
      (case when ext.found then ext.due_before else o.due_on end) as due,
      (o.confirmed_on is not null and o.confirmed_on <= ${asOf}) as done,
      -- a member's share of a set-led task is led by that member (bodyShareRepository)
      case when o.share_unit_id is not null then array[o.share_unit_id]
        else coalesce(lc.before_unit_ids, array(select b.unit_id from task_body b
          where b.task_id = t.id and b.role = 'lead' and b.unit_id is not null)) end as leads
    from task_occurrence o
    join plan_task t on t.id = o.task_id
    left join lateral (select true as found, e.due_before from occurrence_update e
      where e.occurrence_id = o.id and e.kind in ('extend', 'set_due') and e.on_date > ${asOf}
      order by e.id limit 1) ext on true
    left join lateral (select c.before_unit_ids from task_lead_change c
      where c.task_id = t.id and c.on_date > ${asOf} order by c.id limit 1) lc on true
    ${documentId ? sql`where t.document_id = ${documentId}` : sql``}`;
}

/** The counts of countAsOf (domain/status.ts), over the timeliness of the day. */
function countsSql(asOf: string) {
  const tl = timelinessSql(
    { today: asOf, soon: asOf },
    {
      done: sql<SqlBool>`j.done`,
      due: sql<string | null>`j.due`,
      completed: sql<string | null>`j.completed_on`,
    },
  );
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(distinct j.id) filter (where ${cond})`;
  return sql`count(distinct j.id) as assigned,
    ${n(sql`${tl} in ('done', 'done_on_time', 'done_late')`)} as done,
    ${n(sql`${tl} in ('done', 'done_on_time')`)} as done_on_time,
    ${n(sql`${tl} = 'done_late'`)} as done_late,
    ${n(sql`${tl} = 'overdue'`)} as overdue,
    ${n(sql`${tl} in ('in_time', 'due_soon')`)} as in_time,
    ${n(sql`${tl} = 'no_deadline'`)} as no_deadline`;
}

function toCounts(r: Record<string, unknown>): ScoreCounts {
  return {
    assigned: Number(r.assigned),
    done: Number(r.done),
    done_on_time: Number(r.done_on_time),
    done_late: Number(r.done_late),
    overdue: Number(r.overdue),
    in_time: Number(r.in_time),
    no_deadline: Number(r.no_deadline),
  };
}

const ZERO: ScoreCounts = {
  assigned: 0,
  done: 0,
  done_on_time: 0,
  done_late: 0,
  overdue: 0,
  in_time: 0,
  no_deadline: 0,
};

/**
 * The scoreboard as it stood at the end of `asOf`: one row per lead body (an occurrence led by two
 * bodies is in both rows), and a total that counts each occurrence once — including work no body
 * in the list leads yet.
 */
export async function scoreboard(
  db: Kysely<Database>,
  asOf: string,
  opts: ScoreboardOptions,
): Promise<{ rows: ScoreRow[]; total: ScoreCounts }> {
  if (opts.scope.kind === "units" && opts.scope.ids.size === 0) return { rows: [], total: ZERO };
  const dueFilter = sql.join(
    [
      sql`true`,
      ...(opts.dueFrom ? [sql`j.due >= ${opts.dueFrom}`] : []),
      ...(opts.dueTo ? [sql`j.due <= ${opts.dueTo}`] : []),
    ],
    sql` and `,
  );
  const scopeIds = opts.scope.kind === "units" ? sql.join([...opts.scope.ids]) : null;
  const base = occurrencesAsOf(asOf, opts.documentId);
  const rows = await sql<Record<string, unknown>>`with j as (${base})
    select u.id as unit_id, u.full_name as unit_name, ${countsSql(asOf)}
    from j cross join lateral unnest(j.leads) as l(unit_id)
    join org_unit u on u.id = l.unit_id
    where ${dueFilter} ${scopeIds ? sql`and l.unit_id in (${scopeIds})` : sql``}
    group by u.id, u.full_name
    order by u.full_name, u.id`.execute(db);
  const total = await sql<Record<string, unknown>>`with j as (${base})
    select ${countsSql(asOf)} from j
    where ${dueFilter} ${
      scopeIds
        ? sql`and exists (select 1 from unnest(j.leads) as x(unit_id) where x.unit_id in (${scopeIds}))`
        : // province-wide, a set-led task counts once through its parent, not through each member's share
          sql`and j.share_of is null`
    }`.execute(db);
  return {
    rows: rows.rows.map((r) => ({
      unit_id: Number(r.unit_id),
      unit_name: String(r.unit_name),
      ...toCounts(r),
    })),
    total: total.rows[0] ? toCounts(total.rows[0]) : ZERO,
  };
}
