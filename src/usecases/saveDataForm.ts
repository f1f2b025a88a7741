import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { formKey, loadFormContext } from "../db/repositories/formContext.ts";
import { levelOfUnit, setFormDraft } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import { fieldKey } from "../domain/breakdowns.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { notifyFormStep } from "./shared/figureNotifications.ts";
import { type IdempotencyKey, idempotentTransaction } from "./shared/idempotent.ts";
import { writeFigures } from "./shared/writeFigures.ts";
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

/** PostgreSQL's unique violation: a concurrent first save created the form's status row first. */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "23505";
}

/**
 * Claims the form at the version the caller read: exactly one row must change (or be created), else
 * someone saved first and the caller gets 409 with nothing of theirs kept.
 */
async function claimForm(
  trx: Kysely<Database>,
  unitId: number,
  periodId: number,
  version: number,
  submit: boolean,
  exists: boolean,
) {
  const status = submit ? "submitted" : "draft";
  if (exists) {
    const result = await trx
      .updateTable("form_status")
      .set({
        status,
        version: version + 1,
        ...(submit ? { submitted_at: new Date(), reason: null } : {}),
      })
      .where("org_unit_id", "=", unitId)
      .where("period_id", "=", periodId)
      .where("version", "=", version)
      .where("status", "in", ["draft", "returned"])
      .executeTakeFirst();
    expectOneRow(result, "Biểu số liệu này");
    return;
  }
  await trx
    .insertInto("form_status")
    .values({
      org_unit_id: unitId,
      period_id: periodId,
      status,
      version: version + 1,
      submitted_at: submit ? new Date() : null,
    })
    .execute()
    .catch((e) => {
      throw isUniqueViolation(e) ? errors.conflict("Biểu số liệu này") : e;
    });
}

/**
 * Saves (and optionally submits) one unit's figures for one period, all or nothing, through the one
 * writer every way in shares (shared/writeFigures.ts). Errors block the save; warnings are returned. A
 * submitted or approved form is read-only for the unit. With an idempotency key, a repeated send
 * (a phone retrying a save queued offline) gets the first answer and writes nothing.
 */
export async function saveDataForm(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  periodId: number,
  raw: z.input<typeof SaveFormInput>,
  /** How the figures came (audit) and, for a file, each value's place in it ("dòng 12") for messages. */
  how: { action: "figures.save" | "figures.upload"; positions?: string[] } = { action: "figures.save" },
  idempotency: IdempotencyKey | null = null,
) {
  const input = SaveFormInput.parse(raw);
  return idempotentTransaction(db, idempotency, async (trx) => {
    // one statement: the unit, the period, the form's status and values, the catalog
    const ctx = await loadFormContext(trx, [unitId], [periodId]);
    const unit = ctx.units.get(unitId);
    const period = ctx.periods.get(periodId);
    if (!unit || !period) throw errors.notFound("biểu nhập số liệu");
    if (!levelOfUnit(unit.kind)) throw errors.validation("Đơn vị này không nhập số liệu.");
    const status = ctx.statuses.get(formKey(unitId, periodId));
    if ((status?.version ?? 0) !== input.version) throw errors.conflict("Biểu số liệu này");
    if (status && (status.status === "submitted" || status.status === "approved"))
      throw errors.formLocked(status.status);
    const nextStatus = input.submit ? "submitted" : "draft";
    await claimForm(trx, unitId, periodId, input.version, input.submit, status !== undefined);
    const { warnings, forms } = await writeFigures(
      trx,
      actor,
      input.values.map((v, i) => ({ ...v, unitId, periodId, position: how.positions?.[i] })),
      { action: input.submit ? "figures.submit" : how.action, nextStatus, form: { unitId, periodId } },
      ctx,
    );
    // values not touched by this save (sample figures, earlier rows) follow the form's status too; a
    // draft save whose other values are all drafts already has nothing to change (a concurrent import
    // into a draft form writes drafts too), a submit always makes sure
    const written = new Set(forms[0]?.writes.map((w) => fieldKey(w.element_id, w.category)));
    const stale = (ctx.valuesByForm.get(formKey(unitId, periodId)) ?? []).some(
      (v) => v.draft === input.submit && !written.has(fieldKey(v.element_id, v.category)),
    );
    if (input.submit || stale) await setFormDraft(trx, unitId, periodId, !input.submit);
    if (input.submit) {
      await notifyFormStep(trx, { unitId, periodId, version: input.version + 1 }, "submitted", null);
      await recordAudit(trx, actor, {
        action: "figures.submit",
        entity: "form_status",
        entityId: `${unitId}/${period.code}`,
        before: { status: status?.status ?? null, version: input.version },
        after: { status: nextStatus, version: input.version + 1 },
      });
    }
    return { status: nextStatus, version: input.version + 1, warnings };
  });
}
