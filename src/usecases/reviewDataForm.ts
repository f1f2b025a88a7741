import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { formStatus } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { z } from "./shared/zod.ts";

export const ReviewFormInput = z.object({
  version: z.number().int().positive(),
  decision: z.enum(["approve", "return", "reopen"]),
  reason: z.string().trim().max(2000).default(""),
});

/** The level above approves (the period locks) or returns with a reason; an administrator can reopen. */
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
    const next =
      input.decision === "approve" ? "approved" : input.decision === "return" ? "returned" : "returned";
    if ((input.decision === "approve" || input.decision === "return") && status.status !== "submitted") {
      throw errors.validation("Chỉ duyệt hoặc trả lại được biểu đã gửi.");
    }
    if (input.decision === "reopen" && status.status !== "approved")
      throw errors.validation("Chỉ mở lại được biểu đã duyệt.");
    if (input.decision !== "approve" && !input.reason) throw errors.validation("Hãy ghi lý do.");
    await trx
      .updateTable("form_status")
      .set({
        status: next,
        version: status.version + 1,
        reviewed_at: new Date(),
        reason: input.reason || null,
      })
      .where("org_unit_id", "=", unitId)
      .where("period_id", "=", periodId)
      .execute();
    await recordAudit(trx, actor, {
      action: `figures.${input.decision}`,
      entity: "form_status",
      entityId: `${unitId}/${periodId}`,
      before: { status: status.status, version: status.version },
      after: { status: next, version: status.version + 1, reason: input.reason },
    });
    return { status: next, version: status.version + 1 };
  });
}
