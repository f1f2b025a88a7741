import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database } from "../schema.ts";
import { keptScoreboard } from "./scoreCounts.ts";
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
 * - the state of that day: the state a later change left, else the current one (`st`).
 * Set-based: the later extensions, state changes and reassignments are each read once and joined
 * (`ext`, `st`, `lc`), the timeliness of the day computed once per occurrence (`j`), and the
 * (occurrence, lead body) pairs (`pairs`) come from three disjoint joins — a member's share, a task
 * reassigned later (its leads of the day), or the task's lead bodies now — so each pair is there once.
 * The one home of this reading in SQL: the scoreboard and the leaders' overview (overviewQueries) both
 * open their statement with these CTEs (`day`: the occurrences of the plans, `pairs`: who led them).
 */
export function occurrencesAsOf(
  asOf: string,
  documentIds: readonly number[] | undefined,
  dueFilter: RawBuilder<unknown> = sql`true`,
) {
  const due = sql<
    string | null
  >`(case when ext.occurrence_id is not null then ext.due_before else o.due_on end)`;
  const tl = timelinessSql(
    { today: asOf, soon: asOf },
    {
      done: sql<SqlBool>`(o.confirmed_on is not null and o.confirmed_on <= ${asOf})`,
      due,
      completed: sql<string | null>`o.completed_on`,
    },
  );
  return sql`ext as (select distinct on (e.occurrence_id) e.occurrence_id, e.due_before from occurrence_update e
      where e.kind in ('extend', 'set_due') and e.on_date > ${asOf} order by e.occurrence_id, e.id),
    lc as (select distinct on (c.task_id) c.task_id, c.before_unit_ids from task_lead_change c
      where c.on_date > ${asOf} order by c.task_id, c.id),
    st as (select distinct on (e.occurrence_id) e.occurrence_id, e.state_before from occurrence_update e
      where e.state_before is not null and e.state_after is distinct from e.state_before and e.on_date > ${asOf}
      order by e.occurrence_id, e.id),
    j as (select o.id, o.task_id, o.share_of, o.share_unit_id, o.kind, ${due} as due, ${tl} as tl,
        coalesce(st.state_before, o.state) as state
      from task_occurrence o
      left join ext on ext.occurrence_id = o.id
      left join st on st.occurrence_id = o.id
      ${
        documentIds
          ? sql`where o.task_id in (select t.id from plan_task t where t.document_id in (${sql.join([...documentIds])}))`
          : sql``
      }),
    day as materialized (select * from j where ${dueFilter}),
    pairs as (
      -- a member's share of a set-led task is led by that member (bodyShareRepository)
      select d.id, d.share_unit_id as unit_id, d.tl from day d where d.share_unit_id is not null
      union all
      select distinct d.id, l.unit_id, d.tl from day d join lc on lc.task_id = d.task_id
        cross join lateral unnest(lc.before_unit_ids) as l(unit_id) where d.share_unit_id is null
      union all
      select d.id, b.unit_id, d.tl from day d
        join (select distinct task_id, unit_id from task_body where role = 'lead' and unit_id is not null) b
          on b.task_id = d.task_id
       where d.share_unit_id is null and not exists (select 1 from lc where lc.task_id = d.task_id)
    )`;
}

/** The counts of countAsOf (domain/status.ts), over rows `k` of distinct occurrences with their timeliness `tl`. */
const COUNTS = sql`count(*) as assigned,
    count(*) filter (where k.tl in ('done', 'done_on_time', 'done_late')) as done,
    count(*) filter (where k.tl in ('done', 'done_on_time')) as done_on_time,
    count(*) filter (where k.tl = 'done_late') as done_late,
    count(*) filter (where k.tl = 'overdue') as overdue,
    count(*) filter (where k.tl in ('in_time', 'due_soon')) as in_time,
    count(*) filter (where k.tl = 'no_deadline') as no_deadline`;

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
 * in the list leads yet. One statement: the occurrences of the day are read once for both.
 */
export async function scoreboard(
  db: Kysely<Database>,
  asOf: string,
  opts: ScoreboardOptions,
): Promise<{ rows: ScoreRow[]; total: ScoreCounts }> {
  if (opts.scope.kind === "units" && opts.scope.ids.size === 0) return { rows: [], total: ZERO };
  // the province's board over every plan: the counts kept on write (scoreCounts.ts)
  if (opts.scope.kind === "all" && opts.documentId === undefined) {
    const kept = await keptScoreboard(db, asOf, { from: opts.dueFrom, to: opts.dueTo });
    const rows = kept.filter((r) => r.unit_id !== 0).map((r) => ({ ...r, unit_name: String(r.unit_name) }));
    const { unit_id, unit_name, ...total } = kept.find((r) => r.unit_id === 0) ?? {
      ...ZERO,
      unit_id: 0,
      unit_name: null,
    };
    return { rows, total };
  }
  return liveScoreboard(db, asOf, opts);
}

/** The board read live from every occurrence and its history: plans one by one, officers' scopes, and the reference for the kept counts. */
export async function liveScoreboard(
  db: Kysely<Database>,
  asOf: string,
  opts: ScoreboardOptions,
): Promise<{ rows: ScoreRow[]; total: ScoreCounts }> {
  if (opts.scope.kind === "units" && opts.scope.ids.size === 0) return { rows: [], total: ZERO };
  const dueFilter = sql.join(
    [
      sql`true`,
      ...(opts.dueFrom ? [sql`due >= ${opts.dueFrom}`] : []),
      ...(opts.dueTo ? [sql`due <= ${opts.dueTo}`] : []),
    ],
    sql` and `,
  );
  const scopeIds = opts.scope.kind === "units" ? sql.join([...opts.scope.ids]) : null;
  const documentIds = opts.documentId ? [opts.documentId] : undefined;
  const result = await sql<Record<string, unknown>>`with ${occurrencesAsOf(asOf, documentIds, dueFilter)}
    select * from (
      select u.id as unit_id, u.full_name as unit_name, g.assigned, g.done, g.done_on_time, g.done_late,
             g.overdue, g.in_time, g.no_deadline
        from (select k.unit_id, ${COUNTS} from pairs k
               ${scopeIds ? sql`where k.unit_id in (${scopeIds})` : sql``}
               group by k.unit_id) g
        join org_unit u on u.id = g.unit_id
      union all
      select null, null, ${COUNTS} from day k
       where ${
         scopeIds
           ? sql`k.id in (select p.id from pairs p where p.unit_id in (${scopeIds}))`
           : // province-wide, a set-led task counts once through its parent, not through each member's share
             sql`k.share_of is null`
       }
    ) board
    order by unit_id is null, unit_name, unit_id`.execute(db);
  const rows = result.rows.filter((r) => r.unit_id !== null);
  const total = result.rows.find((r) => r.unit_id === null);
  return {
    rows: rows.map((r) => ({
      unit_id: Number(r.unit_id),
      unit_name: String(r.unit_name),
      ...toCounts(r),
    })),
    total: total ? toCounts(total) : ZERO,
  };
}
