import type { Kysely } from "kysely";
import { formKey, loadFormContext } from "../db/repositories/formContext.ts";
import { formDefinitionOf, formTargetOf, rulesOf } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { breakdownsOf, fieldKey } from "../domain/breakdowns.ts";
import { errors } from "../errors.ts";

/**
 * The data-entry form of one unit for one period: the catalog's fields that apply to this unit (its
 * kind and the levels it teaches), each element then its breakdowns, in sections by level, last
 * period's value beside each. One statement (repositories/formContext.ts).
 */
export async function getDataForm(db: Kysely<Database>, unitId: number, periodId: number) {
  const ctx = await loadFormContext(db, [unitId], [periodId]);
  const unit = ctx.units.get(unitId);
  if (!unit) throw errors.notFound("đơn vị");
  const period = ctx.periods.get(periodId);
  if (!period) throw errors.notFound("kỳ báo cáo");
  const target = formTargetOf(unit);
  if (!target)
    throw errors.validation(
      "Đơn vị này không nhập số liệu; số liệu của nó được tổng hợp từ các đơn vị trực thuộc.",
    );
  const { indicators, fields } = formDefinitionOf(ctx.catalog, target);
  const rules = rulesOf(ctx.catalog);
  const prev = ctx.previous.get(periodId);
  const status = ctx.statuses.get(formKey(unitId, periodId));
  const byField = (unit: number, period: number | undefined) =>
    new Map(
      (period === undefined ? [] : (ctx.valuesByForm.get(formKey(unit, period)) ?? [])).map((v) => [
        fieldKey(v.element_id, v.category),
        v,
      ]),
    );
  const values = byField(unitId, periodId);
  const prevValues = byField(unitId, prev?.id);
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
      const v = values.get(f.key);
      const p = prevValues.get(f.key);
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
