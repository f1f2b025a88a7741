/**
 * Lộ Trình's figures as a DHIS2 data value set: periods in DHIS2's syntax (a school year is "2025Sep",
 * never "2025SY"), identifiers by the chosen instance's mappings under the id schemes asked for (or
 * Lộ Trình's own codes when no instance is chosen or mapped), and storedBy, created, lastUpdated,
 * followup given back as DHIS2 sent them unless the value changed in Lộ Trình since. Values DHIS2
 * cannot hold (semesters, the 9-month window) or whose objects the instance has no mapping for are
 * left out and counted in `leftOut`, never silently.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { IdSchemes } from "../../domain/dhis2Metadata.ts";
import { dhis2PeriodOf, lotrinhPeriodOf, parseDhis2Period } from "../../domain/dhis2Periods.ts";
import type { PeriodKind } from "../../domain/periods.ts";
import type { Dhis2DataValue } from "./dhis2Client.ts";
import { loadDhis2Dictionary } from "./dhis2Identifiers.ts";

export interface ExportFilter {
  /** DHIS2 ("2025Sep", "2025Q1") or Lộ Trình ("2025SY") period identifiers. */
  periods?: string[];
  /** Units by the org-unit scheme; with `children`, their subtrees on today's map too. */
  orgUnits?: string[];
  children?: boolean;
  instance?: string | null;
  idSchemes: IdSchemes;
}

export interface ExportedSet {
  dataValues: Dhis2DataValue[];
  leftOut?: { count: number; reasons: Record<string, number> };
}

const asLotrinhCode = (text: string) => {
  const p = parseDhis2Period(text);
  return p ? (lotrinhPeriodOf(p) ?? text) : text;
};

/** Units and their subtrees on today's map. */
async function unitsUnder(db: Kysely<Database>, roots: number[]): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    with recursive tree(id) as (
      select unnest(${roots}::integer[])
      union
      select l.child_id from org_unit_parent l join tree t on l.parent_id = t.id where l.valid_to is null
    ) select id from tree`.execute(db);
  return rows.rows.map((r) => r.id);
}

export async function exportDataValues(db: Kysely<Database>, filter: ExportFilter): Promise<ExportedSet> {
  const dict = await loadDhis2Dictionary(db, filter.instance);
  const s = filter.idSchemes;
  let q = db
    .selectFrom("data_value as v")
    .innerJoin("period as p", "p.id", "v.period_id")
    .leftJoin("dhis2_value_meta as m", (j) =>
      j
        .onRef("m.element_id", "=", "v.element_id")
        .onRef("m.period_id", "=", "v.period_id")
        .onRef("m.org_unit_id", "=", "v.org_unit_id")
        .onRef("m.category", "=", "v.category"),
    )
    .leftJoin("app_user as a", "a.id", "v.updated_by")
    .select([
      "v.element_id",
      "v.org_unit_id",
      "v.category",
      "v.value",
      "v.comment",
      "v.updated_at",
      "p.code as period",
      "p.kind",
      "a.username",
      "m.stored_by",
      "m.created",
      "m.last_updated",
      "m.followup",
      "m.written_at",
    ]);
  if (filter.periods?.length) q = q.where("p.code", "in", filter.periods.map(asLotrinhCode));
  if (filter.orgUnits?.length) {
    const ids = filter.orgUnits.map((u) => dict.unit(u, s.orgUnit)).filter((x): x is number => x !== null);
    const units = filter.children ? await unitsUnder(db, ids) : ids;
    q = q.where("v.org_unit_id", "in", units.length ? units : [-1]);
  }
  const rows = await q.orderBy("v.id").execute();
  const reasons: Record<string, number> = {};
  const leave = (why: string) => {
    reasons[why] = (reasons[why] ?? 0) + 1;
  };
  const dataValues: Dhis2DataValue[] = [];
  for (const r of rows) {
    const period = dhis2PeriodOf(r.period, r.kind as PeriodKind);
    const dataElement = dict.elementOut(r.element_id, s.dataElement);
    const orgUnit = dict.unitOut(r.org_unit_id, s.orgUnit);
    const combo = dict.comboOut(r.category, s.categoryOptionCombo);
    if (!period) leave(`kỳ ${r.period} không có trong DHIS2`);
    else if (!dataElement) leave("phần tử dữ liệu chưa ánh xạ");
    else if (!orgUnit) leave("đơn vị chưa ánh xạ");
    else if (combo === null) leave(`phân tổ ${r.category} chưa ánh xạ`);
    if (!period || !dataElement || !orgUnit || combo === null) continue;
    const updated = new Date(r.updated_at);
    const fresh = r.written_at !== null && new Date(r.written_at).getTime() >= updated.getTime();
    dataValues.push({
      dataElement,
      period,
      orgUnit,
      ...(combo ? { categoryOptionCombo: combo } : {}),
      value: String(Number(r.value)),
      ...(r.comment ? { comment: r.comment } : {}),
      storedBy: (fresh ? r.stored_by : null) ?? r.username ?? null,
      ...(fresh && r.created ? { created: r.created } : {}),
      lastUpdated: (fresh ? r.last_updated : null) ?? updated.toISOString(),
      followup: fresh ? r.followup === true : false,
    });
  }
  const count = rows.length - dataValues.length;
  return count > 0 ? { dataValues, leftOut: { count, reasons } } : { dataValues };
}
