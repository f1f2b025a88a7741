import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { todayIso } from "../../domain/status.ts";
import { vnDate } from "../../reports/format.ts";
import { type Officer, officersOfEach } from "./recipients.ts";

/**
 * Notifications for each step of a report round, written in the same transaction as the step: in the
 * app's bell at once, and in the next daily digest for those with an e-mail address (sendReminders).
 * Opening a round tells the officers of every body asked (one notification per person, naming their
 * bodies); a submission tells the round's coordinators; a return (with its reason), an acceptance and
 * a chase tell the body's officers.
 */
export type ReportStep = "asked" | "submitted" | "returned" | "accepted" | "chased";

export const REPORT_KIND: Record<ReportStep, string> = {
  asked: "report.asked",
  submitted: "report.submitted",
  returned: "report.returned",
  accepted: "report.accepted",
  chased: "report_chase",
};

export interface RoundRef {
  id: number;
  title: string;
  due_on: string;
  opened_by: number | null;
}

interface Note {
  userId: number;
  message: string;
  key: string;
}

async function insertNotes(trx: Kysely<Database>, step: ReportStep, notes: Note[], now: Date) {
  if (notes.length === 0) return 0;
  const rows = await trx
    .insertInto("notification")
    .values(
      notes.map((n) => ({
        user_id: n.userId,
        kind: REPORT_KIND[step],
        occurrence_id: null,
        message: n.message,
        dedupe_key: `${REPORT_KIND[step]}:${n.key}:${n.userId}`,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

export function findRoundRef(trx: Kysely<Database>, roundId: number): Promise<RoundRef> {
  return trx
    .selectFrom("report_round")
    .select(["id", "title", "due_on", "opened_by"])
    .where("id", "=", roundId)
    .executeTakeFirstOrThrow();
}

/** A new round: each officer answering for a body asked hears of it once, with the bodies they answer for. */
export async function notifyRoundOpened(
  trx: Kysely<Database>,
  round: RoundRef,
  units: { id: number; name: string }[],
  now: Date,
): Promise<number> {
  const each = await officersOfEach(
    trx,
    units.map((u) => u.id),
    todayIso(now),
  );
  const bodiesOf = new Map<number, { officer: Officer; names: string[] }>();
  for (const unit of units)
    for (const officer of each.get(unit.id) ?? []) {
      const entry = bodiesOf.get(officer.id) ?? { officer, names: [] };
      entry.names.push(unit.name);
      bodiesOf.set(officer.id, entry);
    }
  const notes = [...bodiesOf.values()].map(({ officer, names }) => ({
    userId: officer.id,
    message: `Yêu cầu báo cáo: ${round.title} — ${names.join(", ")} (hạn ${vnDate(round.due_on)}).`,
    key: String(round.id),
  }));
  return insertNotes(trx, "asked", notes, now);
}

/** The coordinators of a round: the one who opened it, if still active, and every active coordinator. */
async function roundCoordinators(trx: Kysely<Database>, round: RoundRef): Promise<number[]> {
  const rows = await trx
    .selectFrom("app_user")
    .select("id")
    .where("active", "=", true)
    .where((w) =>
      round.opened_by === null
        ? w("role", "=", "coordinator")
        : w.or([w("role", "=", "coordinator"), w("id", "=", round.opened_by)]),
    )
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** A step on one body's report, to the coordinators (submitted) or to the body's officers (the rest). */
export async function notifySubmissionStep(
  trx: Kysely<Database>,
  step: Exclude<ReportStep, "asked">,
  sub: { id: number; round_id: number; unit_id: number; unit_name: string; version: number },
  now: Date,
  reason?: string,
): Promise<number> {
  const round = await findRoundRef(trx, sub.round_id);
  const what = `${round.title} của ${sub.unit_name}`;
  const message = {
    submitted: `Đã nhận báo cáo: ${what}, chờ tiếp nhận.`,
    returned: `Báo cáo bị trả lại: ${what}: ${(reason ?? "").slice(0, 300)}`,
    accepted: `Báo cáo đã được tiếp nhận: ${what}.`,
    chased: `Đôn đốc: ${sub.unit_name} chưa gửi ${round.title} (hạn ${vnDate(round.due_on)}).`,
  }[step];
  const users =
    step === "submitted"
      ? await roundCoordinators(trx, round)
      : ((await officersOfEach(trx, [sub.unit_id], todayIso(now))).get(sub.unit_id) ?? []).map((o) => o.id);
  // the submission's version after the step keys it: the same step again (a resubmission) notifies again
  return insertNotes(
    trx,
    step,
    users.map((userId) => ({ userId, message, key: `${sub.id}:${sub.version}` })),
    now,
  );
}
