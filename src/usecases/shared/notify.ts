import type { Kysely } from "kysely";
import { findOccurrence } from "../../db/repositories/occurrenceRepository.ts";
import type { Database } from "../../db/schema.ts";
import { formatVnDate, todayIso } from "../../domain/dates.ts";
import { officersFor } from "./recipients.ts";

/**
 * Notifications for each step of following a task, written in the same transaction as the step: in
 * the app at once, and in the next daily digest for those with an e-mail address (sendReminders).
 */
export type StepKind = "propose_done" | "confirm" | "return" | "extend" | "set_due" | "reassign" | "chase";

const HEADLINE: Record<StepKind, string> = {
  propose_done: "Báo cáo hoàn thành, chờ xác nhận",
  confirm: "Đã xác nhận hoàn thành",
  return: "Báo cáo hoàn thành bị trả lại",
  extend: "Được gia hạn",
  set_due: "Đã có thời hạn",
  reassign: "Được giao chủ trì",
  chase: "Đôn đốc",
};

interface Step {
  kind: StepKind;
  occurrenceId: number;
  /** The timeline entry (or reassignment) this notification is about: part of the dedupe key. */
  updateId: number;
  /** The injected clock's time of the step: the notification's time, and its day for who answers. */
  now: Date;
  note?: string;
  /** The occurrence as the step already read it in this transaction (else read again for the message). */
  occurrence?: Awaited<ReturnType<typeof findOccurrence>>;
}

async function describe(trx: Kysely<Database>, step: Step): Promise<string> {
  const occ = step.occurrence ?? (await findOccurrence(trx, step.occurrenceId));
  if (!occ) return HEADLINE[step.kind];
  const due = occ.due_on ? ` — hạn ${formatVnDate(occ.due_on)}` : "";
  const note = step.note ? `: ${step.note.slice(0, 300)}` : "";
  return `${HEADLINE[step.kind]}: nhiệm vụ ${occ.task_ref} (${occ.document_number ?? "kế hoạch"}, ${occ.label})${due}${note}`;
}

async function insertFor(trx: Kysely<Database>, userIds: number[], step: Step): Promise<number> {
  if (userIds.length === 0) return 0;
  const message = await describe(trx, step);
  const rows = await trx
    .insertInto("notification")
    .values(
      [...new Set(userIds)].map((userId) => ({
        user_id: userId,
        kind: step.kind,
        occurrence_id: step.occurrenceId,
        message,
        dedupe_key: `${step.kind}:${step.updateId}:${userId}`,
        created_at: step.now,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

/** The lead bodies (units) of an occurrence's task. */
async function leadUnitsOf(trx: Kysely<Database>, occurrenceId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom("task_occurrence as o")
    .innerJoin("task_body as b", "b.task_id", "o.task_id")
    .select("b.unit_id")
    .where("o.id", "=", occurrenceId)
    .where("b.role", "=", "lead")
    .where("b.unit_id", "is not", null)
    .execute();
  return rows.map((r) => r.unit_id as number);
}

/** To the officers who answer for the lead bodies (confirmed, returned, extended, reassigned). */
export async function notifyLeadOfficers(trx: Kysely<Database>, step: Step, unitIds?: number[]) {
  const units = unitIds ?? (await leadUnitsOf(trx, step.occurrenceId));
  const users = await officersFor(trx, units, todayIso(step.now));
  return insertFor(
    trx,
    users.map((u) => u.id),
    step,
  );
}

/** To these users (a chase has found its bodies' officers already). */
export function notifyUsers(trx: Kysely<Database>, step: Step, userIds: number[]) {
  return insertFor(trx, userIds, step);
}

/** To the province's coordinators, who confirm or return a reported completion. */
export async function notifyCoordinators(trx: Kysely<Database>, step: Step) {
  const users = await trx
    .selectFrom("app_user")
    .select("id")
    .where("role", "=", "coordinator")
    .where("active", "=", true)
    .execute();
  return insertFor(
    trx,
    users.map((u) => u.id),
    step,
  );
}
