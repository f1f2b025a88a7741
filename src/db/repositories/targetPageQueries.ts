/**
 * The reads behind the pages that show every target at once (`/api/targets`, the leaders' overview):
 * a fixed, small number of statements whatever the number of targets — the school years, the rollups'
 * state and the province in one, every target with its officially reported results in another.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { RollupState } from "./rollupRepository.ts";

/** The kinds of unit a target "for every commune" counts. */
export const COMMUNE_KINDS = ["commune", "ward", "township"] as const;

export interface SchoolYear {
  id: number;
  code: string;
  name: string;
  start_date: string;
  end_date: string;
}

/** What a page of figures needs to know about the calendar and the stored rollups on one date. */
export interface FigureCalendar {
  /** The school years started by `date`, oldest first (the last one is the school year on `date`). */
  schoolYears: SchoolYear[];
  rollupState: RollupState;
  province: { id: number; full_name: string } | null;
}

export type CalendarRow = {
  stale: boolean;
  built_for: string | null;
  map_from: string | null;
  map_to: string | null;
  school_years: SchoolYear[] | null;
  province: { id: number; full_name: string } | null;
};

/** The school years started by `date` as a JSON list, oldest first. */
const schoolYearsJson = (date: string) => sql<SchoolYear[] | null>`(select json_agg(json_build_object(
      'id', p.id, 'code', p.code, 'name', p.name, 'start_date', p.start_date, 'end_date', p.end_date)
      order by p.start_date) from period p where p.kind = 'school_year' and p.start_date <= ${date})`;

const provinceJson = sql<{ id: number; full_name: string } | null>`(select json_build_object(
      'id', u.id, 'full_name', u.full_name) from org_unit u where u.kind = 'province' order by u.id limit 1)`;

/**
 * The columns of a FigureCalendar on `date`, selected from `rollup_state s` (read by calendarOf); the
 * two lists are uncorrelated subqueries, computed once per statement whatever the rows beside them.
 */
export function calendarColumns(date: string): RawBuilder<unknown> {
  return sql`s.stale, s.built_for, s.map_from, s.map_to, ${schoolYearsJson(date)} as school_years,
    ${provinceJson} as province`;
}

export function calendarOf(r: CalendarRow | undefined): FigureCalendar {
  if (!r) throw new Error("rollup_state has no row 1");
  return {
    schoolYears: r.school_years ?? [],
    rollupState: { stale: r.stale, builtFor: r.built_for, mapFrom: r.map_from, mapTo: r.map_to },
    province: r.province,
  };
}

/** The school years started by `date`, the rollups' state and the province, in one statement. */
export async function figureCalendar(db: Kysely<Database>, date: string): Promise<FigureCalendar> {
  const { rows } = await sql<CalendarRow>`select ${calendarColumns(date)}
    from rollup_state s where s.id = 1`.execute(db);
  return calendarOf(rows[0]);
}

/**
 * Every target (of one unit, or all) with its indicator, in id order, and the officially reported
 * results of its indicator for its unit as [period id, value] pairs (an index lookup per target).
 * A target for every commune also carries how many communes sit directly under its unit on `today`'s
 * map (its "x/38"). With `withCalendar`, each row also carries the calendar of `today` (CalendarRow's
 * columns): one statement for the whole targets page.
 */
export async function targetRows(
  db: Kysely<Database>,
  opts: { unitId?: number; today: string; withCalendar: boolean },
) {
  const { unitId, today } = opts;
  let q = db
    .selectFrom("indicator_target as t")
    .innerJoin("indicator as i", "i.id", "t.indicator_id")
    .innerJoin("org_unit as u", "u.id", "t.org_unit_id")
    .innerJoin("rollup_state as s", (j) => j.on("s.id", "=", 1))
    .select([
      "t.id",
      "t.label",
      "t.comparator",
      "t.value",
      "t.due_year",
      "t.baseline_value",
      "t.baseline_year",
      "t.org_unit_id",
      "t.scope",
      "t.recurring",
      "t.document_id",
      "t.version",
      "u.full_name as unit_name",
      "i.id as indicator_id",
      "i.code",
      "i.name as indicator_name",
      "i.unit",
      "i.level",
      "i.numerator_id",
      "i.denominator_id",
      "i.element_id",
      "i.type as indicator_type",
      "i.multiplier as indicator_multiplier",
      sql<[number, number | string][] | null>`(select json_agg(json_build_array(r.period_id, r.value))
        from reported_value r where r.kind = 'result' and r.indicator_id = t.indicator_id
         and r.org_unit_id = t.org_unit_id)`.as("reported"),
      sql<number | string | null>`case when t.scope = 'each_commune' then
        (select count(*) from org_unit_parent p join org_unit c on c.id = p.child_id
          where p.parent_id = t.org_unit_id and c.kind in (${sql.join(COMMUNE_KINDS)})
            and (p.valid_from is null or p.valid_from <= ${today})
            and (p.valid_to is null or p.valid_to > ${today})) end`.as("communes"),
    ]);
  if (unitId) q = q.where("t.org_unit_id", "=", unitId);
  if (!opts.withCalendar) return { targets: await q.orderBy("t.id").execute(), calendar: null };
  const rows = await q
    .select([
      "s.stale",
      "s.built_for",
      "s.map_from",
      "s.map_to",
      schoolYearsJson(today).as("school_years"),
      provinceJson.as("province"),
    ])
    .orderBy("t.id")
    .execute();
  return {
    targets: rows.map(
      ({ stale: _s, built_for: _b, map_from: _f, map_to: _t, school_years: _y, province: _p, ...t }) => t,
    ),
    calendar: rows[0] ? calendarOf(rows[0]) : null,
  };
}
