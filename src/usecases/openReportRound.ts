import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { findPlan, leadBodiesOfPlan } from "../db/repositories/reportQueries.ts";
import type { Database } from "../db/schema.ts";
import { ROUND_KINDS, type RoundKind } from "../domain/reportSubmission.ts";
import { reportWindow, roundTitle } from "../domain/reportWindows.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { notifyRoundOpened } from "./shared/reportNotifications.ts";
import { isoDate, z } from "./shared/zod.ts";

export const OpenRoundInput = z.object({
  kind: z.enum(ROUND_KINDS as [string, ...string[]]),
  documentId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  dueOn: isoDate,
  /** The level that compiles (the province, a commune). */
  levelUnitId: z.number().int().positive(),
  /** The bodies asked; default: every body leading a task of the plan. */
  unitIds: z.array(z.number().int().positive()).max(500).optional(),
});
export type OpenRoundInput = z.infer<typeof OpenRoundInput>;

/**
 * A coordinator asks bodies for their report on a plan; one pending submission per body asked, and the
 * officers of every body asked are told in the same transaction (bell and digest).
 */
export async function openReportRound(
  db: Kysely<Database>,
  actor: Actor,
  raw: z.input<typeof OpenRoundInput>,
  now: Date,
) {
  const input = OpenRoundInput.parse(raw);
  const plan = await findPlan(db, input.documentId);
  if (!plan) throw errors.notFound("kế hoạch");
  const unitIds = [...new Set(input.unitIds?.length ? input.unitIds : await leadBodiesOfPlan(db, plan.id))];
  if (unitIds.length === 0) {
    throw errors.validation(
      "Kế hoạch chưa có cơ quan chủ trì nào trong danh sách đơn vị; hãy chọn đơn vị được yêu cầu báo cáo.",
    );
  }
  const known = await db
    .selectFrom("org_unit")
    .select(["id", "full_name"])
    .where("id", "in", [...unitIds, input.levelUnitId])
    .execute();
  if (known.length !== new Set([...unitIds, input.levelUnitId]).size) throw errors.notFound("đơn vị");
  const window = reportWindow(input.kind === "six_month" ? "six_month" : "annual", input.year);
  const title = roundTitle(input.kind as RoundKind, input.year, plan.number ?? plan.title ?? "kế hoạch");
  return db.transaction().execute(async (trx) => {
    const round = await trx
      .insertInto("report_round")
      .values({
        kind: input.kind as OpenRoundInput["kind"] & ("six_month" | "annual" | "review_mid" | "review_final"),
        document_id: plan.id,
        year: input.year,
        window_from: window.from,
        window_to: window.to,
        due_on: input.dueOn,
        level_unit_id: input.levelUnitId,
        title,
        opened_by: actor.id,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("report_submission")
      .values(unitIds.map((unit_id) => ({ round_id: round.id, unit_id, updated_at: now })))
      .execute();
    const nameOf = new Map(known.map((u) => [u.id, u.full_name]));
    const notified = await notifyRoundOpened(
      trx,
      round,
      unitIds.map((id) => ({ id, name: nameOf.get(id) ?? "" })),
      now,
    );
    await recordAudit(trx, actor, {
      action: "report_round.open",
      entity: "report_round",
      entityId: round.id,
      after: { ...round, unitIds, notified },
    });
    return { ...round, asked: unitIds.length };
  });
}
