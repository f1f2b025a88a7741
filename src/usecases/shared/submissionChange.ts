/**
 * Every action on a body's report goes through here: load, check the transition (domain/
 * reportSubmission.ts), a versioned write (409 unless exactly one row changed), the audit row — in one
 * transaction.
 */
import type { Kysely, Updateable } from "kysely";
import type { ReportSubmissionTable } from "../../db/reportTables.ts";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import { findSubmission } from "../../db/repositories/reportRepository.ts";
import type { Database } from "../../db/schema.ts";
import { expectOneRow } from "../../db/versioned.ts";
import { canDo, type SubmissionAction } from "../../domain/reportSubmission.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";

const REFUSED: Record<SubmissionAction, string> = {
  draft: "Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được nữa.",
  submit: "Báo cáo đã gửi hoặc đã được tiếp nhận.",
  return: "Chỉ trả lại được báo cáo đã gửi và chưa được tiếp nhận.",
  accept: "Chỉ tiếp nhận được báo cáo đã gửi.",
  chase: "Đơn vị đã gửi báo cáo, không cần đôn đốc.",
};

export type Submission = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

export async function changeSubmission(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  action: SubmissionAction,
  /** The injected clock's instant of the change (updated_at, and what the patch stamps). */
  now: Date,
  patch: (cur: Submission) => Updateable<ReportSubmissionTable>,
  /**
   * What else the change does in its transaction (notifications), given the row before and after; what it
   * answers (whom it notified) goes into the audit row.
   */
  after?: (trx: Kysely<Database>, cur: Submission, fresh: Submission) => Promise<Record<string, unknown>>,
) {
  return db.transaction().execute(async (trx) => {
    const cur = await findSubmission(trx, id);
    if (!cur) throw errors.notFound("báo cáo");
    if (!canDo(action, cur.status)) throw errors.reportWrongState(REFUSED[action]);
    const set = patch(cur);
    const res = await trx
      .updateTable("report_submission")
      .set({ ...set, updated_at: now, version: cur.version + 1 })
      .where("id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    expectOneRow(res, "Báo cáo này");
    const fresh = (await findSubmission(trx, id)) as Submission;
    const told = after ? await after(trx, cur, fresh) : {};
    const { content: _c, ...before } = cur;
    await recordAudit(trx, actor, {
      action: `report.${action}`,
      entity: "report_submission",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: {
        ...set,
        content: set.content === undefined ? undefined : JSON.parse(String(set.content)),
        ...told,
      },
    });
    return fresh;
  });
}
