import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { formStatus, setFormDraft } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { expectOneRow } from "../db/versioned.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { notifyFormStep } from "./shared/figureNotifications.ts";
import { z } from "./shared/zod.ts";

export const ReviewFormInput = z.object({
  version: z.number().int().positive(),
  decision: z.enum(["approve", "return", "reopen"]),
  reason: z.string().trim().max(2000).default(""),
});

/**
 * The level above approves (the period locks) or returns with a reason; an administrator can reopen.
 * Version checked on the write itself (a stale review gets 409). A returned or reopened form's values
 * become drafts again (out of official totals until resubmitted); the unit is notified.
 */
export async function reviewDataForm(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  periodId: number,
  raw: z.input<typeof ReviewFormInput>,
) {
  const input = ReviewFormInput.parse(raw);
  return db.transaction().execute(async (trx) => {
    const status = await formStatus(trx, unitId, periodId);
    if (!status) throw errors.validation("Đơn vị chưa nhập biểu này.");
    if (status.version !== input.version) throw errors.conflict("Biểu số liệu này");
    const next = input.decision === "approve" ? "approved" : "returned";
    const from = input.decision === "reopen" ? "approved" : "submitted";
    if (status.status !== from)
      throw errors.validation(
        input.decision === "reopen"
          ? "Chỉ mở lại được biểu đã duyệt."
          : "Chỉ duyệt hoặc trả lại được biểu đã gửi.",
      );
    if (input.decision !== "approve" && !input.reason) throw errors.validation("Hãy ghi lý do.");
    const version = input.version + 1;
    const result = await trx
      .updateTable("form_status")
      .set({ status: next, version, reviewed_at: new Date(), reason: input.reason || null })
      .where("org_unit_id", "=", unitId)
      .where("period_id", "=", periodId)
      .where("version", "=", input.version)
      .where("status", "=", from)
      .executeTakeFirst();
    expectOneRow(result, "Biểu số liệu này");
    await setFormDraft(trx, unitId, periodId, next === "returned");
    await recordAudit(trx, actor, {
      action: `figures.${input.decision}`,
      entity: "form_status",
      entityId: `${unitId}/${periodId}`,
      before: { status: status.status, version: status.version },
      after: { status: next, version, reason: input.reason },
    });
    const step =
      input.decision === "approve" ? "approved" : input.decision === "return" ? "returned" : "reopened";
    await notifyFormStep(trx, { unitId, periodId, version }, step, input.reason || null);
    return { status: next, version };
  });
}
