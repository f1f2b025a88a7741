import type { Kysely } from "kysely";
import {
  elementRules,
  formDefinition,
  formStatus,
  formTargetOf,
  previousPeriod,
  valuesOf,
} from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { breakdownsOf } from "../domain/breakdowns.ts";
import { errors } from "../errors.ts";

/**
 * The data-entry form of one unit for one period: the catalog's fields that apply to this unit (its
 * kind and the levels it teaches), each element then its breakdowns, in sections by level, last
 * period's value beside each.
 */
export async function getDataForm(db: Kysely<Database>, unitId: number, periodId: number) {
  const unit = await db
    .selectFrom("org_unit")
    .select(["id", "full_name", "kind", "is_sample", "education_levels"])
    .where("id", "=", unitId)
    .executeTakeFirst();
  if (!unit) throw errors.notFound("đơn vị");
  const period = await db.selectFrom("period").selectAll().where("id", "=", periodId).executeTakeFirst();
  if (!period) throw errors.notFound("kỳ báo cáo");
  const target = formTargetOf(unit);
  if (!target)
    throw errors.validation(
      "Đơn vị này không nhập số liệu; số liệu của nó được tổng hợp từ các đơn vị trực thuộc.",
    );
  const { indicators, fields } = await formDefinition(db, target);
  const [values, status, prev, rules] = await Promise.all([
    valuesOf(db, unitId, periodId),
    formStatus(db, unitId, periodId),
    previousPeriod(db, period),
    elementRules(db),
  ]);
  const prevValues = prev ? await valuesOf(db, unitId, prev.id) : [];
  return {
    unit: { id: unit.id, full_name: unit.full_name, kind: unit.kind, is_sample: unit.is_sample },
    /** The levels the unit is asked about (a school's; empty for a commune: all of them). */
    educationLevels: target.levels,
    /** The sections present, in order; each field names its own. */
    sections: [...new Set(fields.map((f) => f.section))],
    period,
    previousPeriod: prev ?? null,
    status: status ?? {
      status: "draft" as const,
      version: 0,
      reason: null,
      submitted_at: null,
      reviewed_at: null,
    },
    indicators: indicators.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      type: i.type,
      numerator_id: i.numerator_id,
      denominator_id: i.denominator_id,
      element_id: i.element_id,
      gross: i.gross,
      breakdowns: breakdownsOf(i.breakdowns),
    })),
    fields: fields.map((f) => {
      const v = values.find((x) => x.element_id === f.elementId && x.category === f.category);
      const p = prevValues.find((x) => x.element_id === f.elementId && x.category === f.category);
      return {
        key: f.key,
        elementId: f.elementId,
        category: f.category,
        code: f.code,
        name: f.name,
        section: f.section,
        value: v ? Number(v.value) : null,
        comment: v?.comment ?? null,
        isSample: v?.is_sample ?? false,
        previous: p ? Number(p.value) : null,
        /** What the field accepts (the same rule the server applies on save). */
        rule: rules.get(f.elementId) ?? null,
      };
    }),
  };
}
