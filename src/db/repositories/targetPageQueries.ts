/**
 * The reads behind the pages that show every target at once (`/api/targets`, the leaders' overview):
 * a fixed, small number of statements whatever the number of targets — the school years, the rollups'
 * state and the province in one, every target with its officially reported results in another.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { RollupState } from "./rollupRepository.ts";

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

/** The columns of a FigureCalendar on `date`, selected from `rollup_state s` (read by calendarOf). */
export function calendarColumns(date: string): RawBuilder<unknown> {
  return sql`s.stale, s.built_for, s.map_from, s.map_to,
      (select json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name,
                'start_date', p.start_date, 'end_date', p.end_date) order by p.start_date)
         from period p where p.kind = 'school_year' and p.start_date <= ${date}) as school_years,
      (select json_build_object('id', u.id, 'full_name', u.full_name)
         from org_unit u where u.kind = 'province' order by u.id limit 1) as province`;
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
 */
export function targetRows(db: Kysely<Database>, unitId?: number) {
  let q = db
    .selectFrom("indicator_target as t")
    .innerJoin("indicator as i", "i.id", "t.indicator_id")
    .innerJoin("org_unit as u", "u.id", "t.org_unit_id")
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
    ]);
  if (unitId) q = q.where("t.org_unit_id", "=", unitId);
  return q.orderBy("t.id").execute();
}
