/**
 * The scoreboard's counts kept on write (migration 0020_scoreboard). Each occurrence is cut into
 * segments: stretches of days over which what it counts for is fixed — the breakpoints are the days its
 * history records (an extension's or deadline's day, a reassignment of its task, its confirmation), read
 * from the rows, never from the database's clock. A segment counts for each body that led the
 * occurrence then (a member for its share) and once for the province's total (unit 0, set-led work once
 * through its parent), with its deadline of those days and its class: done, done on time, done late —
 * by taskQueries.timelinessSql, the one rule — or open. `score_count` holds the segments as a day-keyed
 * log (+1 from the first day, −1 from the day after the last), so as of D is the sum of the rows with
 * day ≤ D, and open work is overdue when its kept deadline is before D, decided when read.
 *
 * This is the same reading of history as scoreboardQueries.occurrencesAsOf (the live statement, kept
 * as the reference; scoreCounts.test.ts holds the two equal on random histories).
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { ScoreCounts } from "./scoreboardQueries.ts";
import { timelinessSql } from "./taskQueries.ts";

const DUE_CHANGES = sql`('extend', 'set_due')`;

/** Segments (day, until, occurrence, unit, due, cls) of the occurrences listed in `ids` (a CTE name). */
function segmentsOf(ids: RawBuilder<unknown>) {
  const due = sql<string | null>`(case when ext.found then ext.due_before else o.due_on end)`;
  const tl = timelinessSql(
    { today: sql<string>`s.day`, soon: sql<string>`s.day` },
    {
      done: sql<SqlBool>`(o.confirmed_on is not null and o.confirmed_on <= s.day)`,
      due,
      completed: sql<string | null>`o.completed_on`,
    },
  );
  return sql`o as (select o.* from task_occurrence o where o.id in (select occurrence_id from ${ids})),
    bp as (select o.id, b.day from o cross join lateral (
        select '-infinity'::date as day
        union select o.confirmed_on where o.confirmed_on is not null
        union select e.on_date from occurrence_update e where e.occurrence_id = o.id and e.kind in ${DUE_CHANGES}
        union select c.on_date from task_lead_change c where c.task_id = o.task_id) b),
    s as (select bp.id, bp.day, lead(bp.day) over (partition by bp.id order by bp.day) as until from bp),
    v as (select s.day, s.until, o.id, o.task_id, o.share_of, o.share_unit_id, lc.found as reassigned,
          lc.before_unit_ids, ${due} as due,
          (case when ${tl} in ('done', 'done_on_time', 'done_late') then ${tl} else 'open' end) as cls
        from s join o on o.id = s.id
        left join lateral (select true as found, e.due_before from occurrence_update e
          where e.occurrence_id = o.id and e.kind in ${DUE_CHANGES} and e.on_date > s.day
          order by e.id limit 1) ext on true
        left join lateral (select true as found, c.before_unit_ids from task_lead_change c
          where c.task_id = o.task_id and c.on_date > s.day order by c.id limit 1) lc on true),
    seg(day, until, id, unit_id, due, cls) as (
      -- a member's share of a set-led task is led by that member
      select v.day, v.until, v.id, v.share_unit_id, v.due, v.cls from v where v.share_unit_id is not null
      union all
      select distinct v.day, v.until, v.id, l.unit_id, v.due, v.cls
        from v cross join lateral unnest(v.before_unit_ids) as l(unit_id)
       where v.share_unit_id is null and v.reassigned and l.unit_id is not null
      union all
      select v.day, v.until, v.id, b.unit_id, v.due, v.cls
        from v cross join lateral (select distinct b.unit_id from task_body b
          where b.task_id = v.task_id and b.role = 'lead' and b.unit_id is not null) b
       where v.share_unit_id is null and v.reassigned is null
      union all
      -- the province's total counts each occurrence once, set-led work through its parent
      select v.day, v.until, v.id, 0, v.due, v.cls from v where v.share_of is null
    )`;
}

/**
 * Recomputes the occurrences listed dirty by the triggers (all of them after the migration or a
 * truncate of their history), in one transaction; refreshers take turns so an occurrence's segments
 * are never written twice. It takes only the listings its snapshot sees, and reads the occurrences
 * in that same snapshot: a writer still running keeps its listing for the next reader. Returns how
 * many occurrences were recomputed.
 */
export async function refreshScoreCounts(db: Kysely<Database>): Promise<number> {
  const pending = await sql<{ any: boolean }>`select exists (select 1 from score_dirty) as any`.execute(db);
  if (!pending.rows[0]?.any) return 0;
  const run = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(hashtext('lotrinh.score_counts'))`.execute(trx);
    const r = await sql<{ n: number }>`with taken as (delete from score_dirty returning occurrence_id),
      ${segmentsOf(sql`taken`)},
      gone as (delete from score_segment g where g.occurrence_id in (select occurrence_id from taken) returning g.*),
      fresh as (insert into score_segment (occurrence_id, unit_id, from_day, until_day, due, cls)
        select id, unit_id, day, until, due, cls from seg returning *),
      d(day, unit_id, due, cls, n) as (
        select from_day, unit_id, due, cls, 1 from fresh
        union all select until_day, unit_id, due, cls, -1 from fresh where until_day is not null
        union all select from_day, unit_id, due, cls, -1 from gone
        union all select until_day, unit_id, due, cls, 1 from gone where until_day is not null),
      kept as (insert into score_count as c (day, unit_id, due, cls, n)
        select day, unit_id, due, cls, sum(n) from d group by 1, 2, 3, 4 having sum(n) <> 0 order by 1, 2, 3, 4
        on conflict (day, unit_id, due, cls) do update set n = c.n + excluded.n returning 1)
      select (select count(distinct occurrence_id) from taken)::int as n, (select count(*) from kept)::int as kept`.execute(
      trx,
    );
    await sql`delete from score_count where n = 0`.execute(trx);
    return Number(r.rows[0]?.n ?? 0);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export interface KeptCounts extends ScoreCounts {
  unit_id: number;
  /** null for the total (unit 0). */
  unit_name: string | null;
}

/**
 * The province's board as it stood at the end of `asOf`, from the kept counts: one row per lead body
 * with work, and unit 0 for the total (each occurrence once). `due` filters on the deadline of that day.
 */
export async function keptScoreboard(
  db: Kysely<Database>,
  asOf: string,
  due: { from?: string; to?: string },
): Promise<KeptCounts[]> {
  await refreshScoreCounts(db);
  const tl = timelinessSql(
    { today: asOf, soon: asOf },
    { done: sql<SqlBool>`false`, due: sql<string | null>`c.due`, completed: sql<string | null>`null` },
  );
  const filter = sql.join(
    [
      sql`c.day <= ${asOf}::date`,
      ...(due.from ? [sql`c.due >= ${due.from}`] : []),
      ...(due.to ? [sql`c.due <= ${due.to}`] : []),
    ],
    sql` and `,
  );
  const counts = sql`
    select k.unit_id, sum(k.n) as assigned,
      coalesce(sum(k.n) filter (where k.tl in ('done', 'done_on_time', 'done_late')), 0) as done,
      coalesce(sum(k.n) filter (where k.tl in ('done', 'done_on_time')), 0) as done_on_time,
      coalesce(sum(k.n) filter (where k.tl = 'done_late'), 0) as done_late,
      coalesce(sum(k.n) filter (where k.tl = 'overdue'), 0) as overdue,
      coalesce(sum(k.n) filter (where k.tl in ('in_time', 'due_soon')), 0) as in_time,
      coalesce(sum(k.n) filter (where k.tl = 'no_deadline'), 0) as no_deadline
    from (select c.unit_id, c.n, (case when c.cls = 'open' then ${tl} else c.cls end) as tl
            from (select c.unit_id, c.due, c.cls, sum(c.n)::int as n from score_count c where ${filter}
                   group by 1, 2, 3) c
           where c.n <> 0) k
    group by k.unit_id having sum(k.n) > 0`;
  // the bodies by name, as the live board orders them; a body no longer on the map is left out, as there
  const { rows } = await sql<Record<string, unknown>>`select u.full_name as unit_name, g.*
    from (${counts}) g left join org_unit u on u.id = g.unit_id
   where g.unit_id = 0 or u.id is not null
   order by g.unit_id = 0, u.full_name, g.unit_id`.execute(db);
  return rows.map((r) => ({
    unit_id: Number(r.unit_id),
    unit_name: r.unit_name === null ? null : String(r.unit_name),
    assigned: Number(r.assigned),
    done: Number(r.done),
    done_on_time: Number(r.done_on_time),
    done_late: Number(r.done_late),
    overdue: Number(r.overdue),
    in_time: Number(r.in_time),
    no_deadline: Number(r.no_deadline),
  }));
}
