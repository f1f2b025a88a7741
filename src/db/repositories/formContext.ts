/**
 * Everything a form read or a figure write needs about its forms, in one statement: the units, the
 * periods and the period before each (a form's "last time"), the forms' statuses, their values and the
 * previous periods' values, and the catalog (catalogSnapshot.ts: its rows only when not held). It was
 * ten statements for a form read and thirteen before a save wrote anything.
 */
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, FormStatusTable, PeriodTable } from "../schema.ts";
import { type Catalog, catalogSource, knownStamps, resolveCatalog } from "./catalogSnapshot.ts";

export type PeriodRow = Selectable<PeriodTable>;
export type FormStatusRow = Selectable<FormStatusTable>;

export interface FormUnit {
  id: number;
  kind: string;
  full_name: string;
  is_sample: boolean;
  education_levels: unknown;
}

/** One stored value of a form (numeric as text, as a plain select gives it). */
export interface StoredValue {
  org_unit_id: number;
  period_id: number;
  element_id: number;
  category: string;
  value: string;
  comment: string | null;
  draft: boolean;
  is_sample: boolean;
}

export interface FormContext {
  units: Map<number, FormUnit>;
  periods: Map<number, PeriodRow>;
  /** For each period asked, the one before it of the same kind (absent: none). */
  previous: Map<number, PeriodRow>;
  /** By `formKey`. */
  statuses: Map<string, FormStatusRow>;
  /** The values of every form asked and of the same units in the previous periods, by `formKey`. */
  valuesByForm: Map<string, StoredValue[]>;
  catalog: Catalog;
}

export const formKey = (unitId: number, periodId: number) => `${unitId}|${periodId}`;

interface Raw {
  stamp: string;
  content: unknown;
  units: FormUnit[];
  periods: { period: PeriodRow; previous: PeriodRow | null }[];
  statuses: (Omit<FormStatusRow, "submitted_at" | "reviewed_at"> & {
    submitted_at: number | null;
    reviewed_at: number | null;
  })[];
  vals: [number, number, number, string, string, string | null, boolean, boolean][];
}

const when = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * The context of the forms of `unitIds` × `periodIds` (a form save asks for one of each; an import
 * for the units and periods its rows name).
 */
export async function loadFormContext(
  db: Kysely<Database>,
  unitIds: readonly number[],
  periodIds: readonly number[],
): Promise<FormContext> {
  const units = [...new Set(unitIds)];
  const periods = [...new Set(periodIds)];
  const raw = (
    await sql<Raw>`with pp as (
        select p.id, prev.id as prev_id, row_to_json(p) as period, row_to_json(prev) as previous
        from period p
        left join lateral (select q.* from period q where q.kind = p.kind and q.start_date < p.start_date
                           order by q.start_date desc limit 1) prev on true
        where p.id = any(${periods}::integer[]))
      select cat.stamp, cat.content,
        (select coalesce(json_agg(json_build_object('id', u.id, 'kind', u.kind, 'full_name', u.full_name,
            'is_sample', u.is_sample, 'education_levels', u.education_levels)), '[]')
          from org_unit u where u.id = any(${units}::integer[])) as units,
        (select coalesce(json_agg(json_build_object('period', pp.period, 'previous', pp.previous)), '[]')
          from pp) as periods,
        (select coalesce(json_agg(json_build_object('org_unit_id', s.org_unit_id, 'period_id', s.period_id,
            'status', s.status, 'version', s.version, 'reason', s.reason,
            'submitted_at', floor(extract(epoch from s.submitted_at) * 1000),
            'reviewed_at', floor(extract(epoch from s.reviewed_at) * 1000))), '[]')
          from form_status s
          where s.org_unit_id = any(${units}::integer[]) and s.period_id = any(${periods}::integer[])) as statuses,
        (select coalesce(json_agg(json_build_array(v.org_unit_id, v.period_id, v.element_id, v.category,
            v.value::text, v.comment, v.draft, v.is_sample) order by v.id), '[]')
          from data_value v
          where v.org_unit_id = any(${units}::integer[])
            and v.period_id in (select id from pp union select prev_id from pp where prev_id is not null)) as vals
      from ${catalogSource(knownStamps())} cat`.execute(db)
  ).rows[0] as Raw;
  const valuesByForm = new Map<string, StoredValue[]>();
  for (const [org_unit_id, period_id, element_id, category, value, comment, draft, is_sample] of raw.vals) {
    const key = formKey(org_unit_id, period_id);
    const v = { org_unit_id, period_id, element_id, category, value, comment, draft, is_sample };
    const list = valuesByForm.get(key);
    if (list) list.push(v);
    else valuesByForm.set(key, [v]);
  }
  const previous = new Map<number, PeriodRow>();
  for (const p of raw.periods) if (p.previous) previous.set(p.period.id, p.previous);
  return {
    units: new Map(raw.units.map((u) => [u.id, u])),
    periods: new Map(raw.periods.map((p) => [p.period.id, p.period])),
    previous,
    statuses: new Map(
      raw.statuses.map((s) => [
        formKey(s.org_unit_id, s.period_id),
        { ...s, submitted_at: when(s.submitted_at), reviewed_at: when(s.reviewed_at) },
      ]),
    ),
    valuesByForm,
    catalog: await resolveCatalog(db, raw.stamp, raw.content),
  };
}
