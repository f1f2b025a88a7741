import type { Kysely } from "kysely";
import type { Database } from "../schema.ts";

/**
 * What the reported-figures writer (usecases/shared/writeReportedFigures.ts) checks rows against: the
 * indicators, units and periods named, the forms' statuses (locks) and the values held before.
 */
export function reportedFigureContext(
  db: Kysely<Database>,
  ids: { indicatorIds: number[]; unitIds: number[]; periodIds: number[] },
) {
  return Promise.all([
    db
      .selectFrom("indicator")
      .select(["id", "code", "name", "type", "multiplier", "gross"])
      .where("id", "in", ids.indicatorIds)
      .execute(),
    db.selectFrom("org_unit").select(["id", "full_name"]).where("id", "in", ids.unitIds).execute(),
    db.selectFrom("period").select(["id", "code", "name"]).where("id", "in", ids.periodIds).execute(),
    db
      .selectFrom("form_status")
      .select(["org_unit_id", "period_id", "status"])
      .where("org_unit_id", "in", ids.unitIds)
      .where("period_id", "in", ids.periodIds)
      .execute(),
    db
      .selectFrom("reported_value")
      .select(["indicator_id", "org_unit_id", "period_id", "kind", "value"])
      .where("indicator_id", "in", ids.indicatorIds)
      .where("org_unit_id", "in", ids.unitIds)
      .execute(),
  ]);
}

/** Writes one reported figure, replacing the one held for the same indicator, unit, period and kind. */
export async function upsertReportedValue(
  db: Kysely<Database>,
  r: {
    indicatorId: number;
    unitId: number;
    periodId: number;
    kind: "result" | "target";
    value: number;
    source: string;
    documentId: number | null;
  },
) {
  await db
    .insertInto("reported_value")
    .values({
      indicator_id: r.indicatorId,
      org_unit_id: r.unitId,
      period_id: r.periodId,
      kind: r.kind,
      value: r.value,
      source: r.source,
      document_id: r.documentId,
    })
    .onConflict((oc) =>
      oc
        .columns(["indicator_id", "org_unit_id", "period_id", "kind"])
        .doUpdateSet({ value: r.value, source: r.source, document_id: r.documentId }),
    )
    .execute();
}
