import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import {
  formDefinition,
  formStatus,
  levelOfUnit,
  previousPeriod,
  valuesOf,
} from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { breakdownsOf, fieldKey, optionsOf } from "../domain/breakdowns.ts";
import { checkFigures, type FieldValues, type FigureProblem } from "../domain/figureChecks.ts";
import type { Actor } from "../domain/roles.ts";
import { AppError, errors } from "../errors.ts";
import { z } from "./shared/zod.ts";

export const SaveFormInput = z.object({
  version: z.number().int().min(0),
  values: z
    .array(
      z.object({
        elementId: z.number().int().positive(),
        /** '' (the whole figure) or a breakdown option of the element. */
        category: z.string().max(40).default(""),
        value: z.number().finite().nullable(),
        comment: z.string().trim().max(1000).nullable().default(null),
      }),
    )
    .max(500),
  submit: z.boolean().default(false),
});

/** One readable message: every real error, and the empty fields counted with a few named. */
function summarize(errs: FigureProblem[]): string {
  const missing = errs.filter((e) => e.kind === "missing");
  const other = errs.filter((e) => !missing.includes(e)).map((e) => e.message);
  if (missing.length > 3) {
    const names = missing.slice(0, 3).map((e) => e.message.replace(/: chưa nhập\.$/, ""));
    other.push(`Còn ${missing.length} ô chưa nhập (${names.join("; ")}; …).`);
  } else other.push(...missing.map((e) => e.message));
  return other.join(" ");
}

/**
 * Saves (and optionally submits) one unit's figures for one period, all or nothing. Errors block the
 * save; warnings are returned. A submitted or approved form is read-only for the unit.
 */
export async function saveDataForm(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  periodId: number,
  raw: z.input<typeof SaveFormInput>,
) {
  const input = SaveFormInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const unit = await trx
      .selectFrom("org_unit")
      .select(["kind"])
      .where("id", "=", unitId)
      .executeTakeFirst();
    const period = await trx.selectFrom("period").selectAll().where("id", "=", periodId).executeTakeFirst();
    if (!unit || !period) throw errors.notFound("biểu nhập số liệu");
    const level = levelOfUnit(unit.kind);
    if (!level) throw errors.validation("Đơn vị này không nhập số liệu.");
    const status = await formStatus(trx, unitId, periodId);
    if ((status?.version ?? 0) !== input.version) throw errors.conflict("Biểu số liệu này");
    if (status && (status.status === "submitted" || status.status === "approved")) {
      throw errors.validation(
        status.status === "approved"
          ? "Biểu đã được duyệt và khóa; chỉ quản trị viên mở lại được."
          : "Biểu đã gửi, đang chờ cấp trên duyệt; không sửa được cho đến khi được trả lại.",
      );
    }
    const { indicators, fields, categories } = await formDefinition(trx, level);
    const allowed = new Set(fields.map((f) => f.key));
    const bad = input.values.find((v) => !allowed.has(fieldKey(v.elementId, v.category)));
    if (bad)
      throw errors.validation(
        `Trường số liệu ${fieldKey(bad.elementId, bad.category)} không thuộc biểu của đơn vị này.`,
      );

    const before = await valuesOf(trx, unitId, periodId);
    const merged: FieldValues = new Map(
      before.map((v) => [
        fieldKey(v.element_id, v.category),
        { value: Number(v.value) as number | null, comment: v.comment },
      ]),
    );
    for (const v of input.values)
      merged.set(fieldKey(v.elementId, v.category), { value: v.value, comment: v.comment });
    const prev = await previousPeriod(trx, period);
    const prevValues = prev ? await valuesOf(trx, unitId, prev.id) : [];
    const rates = indicators
      .filter((i) => i.type === "rate" && i.numerator_id && i.denominator_id)
      .map((i) => ({
        name: i.name,
        numeratorId: i.numerator_id as number,
        denominatorId: i.denominator_id as number,
        gross: i.gross,
        categories: optionsOf(breakdownsOf(i.breakdowns)).map((o) => o.code),
      }));
    const problems: FigureProblem[] = checkFigures(
      merged,
      new Map(prevValues.map((v) => [fieldKey(v.element_id, v.category), Number(v.value)])),
      rates,
      new Map(fields.map((f) => [f.key, f.name])),
      {
        requireAll: input.submit,
        fields: fields.map((f) => f.key),
        brokenDown: [...categories].map(([elementId, cats]) => ({ elementId, categories: cats })),
      },
    );
    const errs = problems.filter((p) => p.level === "error");
    if (errs.length > 0) throw new AppError("VALIDATION_FAILED", summarize(errs), { problems });

    // one statement each for removals and writes, in a fixed order, so the rollup triggers lock the
    // totals above this unit in the same order in every transaction (no deadlock between two forms)
    const last = new Map(input.values.map((v) => [fieldKey(v.elementId, v.category), v]));
    const ordered = [...last.values()].sort(
      (a, b) => a.elementId - b.elementId || a.category.localeCompare(b.category),
    );
    const removed = ordered.filter((v) => v.value === null);
    if (removed.length > 0) {
      await trx
        .deleteFrom("data_value")
        .where("org_unit_id", "=", unitId)
        .where("period_id", "=", periodId)
        .where((eb) =>
          eb.or(
            removed.map((v) => eb.and([eb("element_id", "=", v.elementId), eb("category", "=", v.category)])),
          ),
        )
        .execute();
    }
    const written = ordered.filter((v) => v.value !== null);
    if (written.length > 0) {
      await trx
        .insertInto("data_value")
        .values(
          written.map((v) => ({
            element_id: v.elementId,
            period_id: periodId,
            org_unit_id: unitId,
            category: v.category,
            value: v.value as number,
            comment: v.comment,
            updated_by: actor.id,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["element_id", "period_id", "org_unit_id", "category"]).doUpdateSet((eb) => ({
            value: eb.ref("excluded.value"),
            comment: eb.ref("excluded.comment"),
            updated_by: eb.ref("excluded.updated_by"),
            updated_at: new Date(),
            is_sample: false,
          })),
        )
        .execute();
    }
    const nextStatus = input.submit ? "submitted" : "draft";
    const version = input.version + 1;
    if (status) {
      await trx
        .updateTable("form_status")
        .set({
          status: nextStatus,
          version,
          submitted_at: input.submit ? new Date() : status.submitted_at,
          reason: input.submit ? null : status.reason,
        })
        .where("org_unit_id", "=", unitId)
        .where("period_id", "=", periodId)
        .where("version", "=", input.version)
        .execute();
    } else {
      await trx
        .insertInto("form_status")
        .values({
          org_unit_id: unitId,
          period_id: periodId,
          status: nextStatus,
          version,
          submitted_at: input.submit ? new Date() : null,
        })
        .execute();
    }
    await recordAudit(trx, actor, {
      action: input.submit ? "figures.submit" : "figures.save",
      entity: "data_value",
      entityId: `${unitId}/${period.code}`,
      before: before.map((v) => ({ field: fieldKey(v.element_id, v.category), value: Number(v.value) })),
      after: input.values.map((v) => ({ field: fieldKey(v.elementId, v.category), value: v.value })),
    });
    return { status: nextStatus, version, warnings: problems.filter((p) => p.level === "warning") };
  });
}
