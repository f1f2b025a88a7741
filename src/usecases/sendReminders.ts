import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { occurrencesToRemind } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import { formatVnDate, todayIso } from "../domain/dates.ts";
import { digestHeading, digestSubject } from "../domain/digestText.ts";
import { systemActor } from "../domain/roles.ts";
import { clockOf } from "../domain/status.ts";
import { CHASED_STATES } from "../domain/transitions.ts";
import { officersFor } from "./shared/recipients.ts";
import { remindReportRounds } from "./shared/reportReminders.ts";

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
}

/**
 * Đôn đốc tự động: an in-app notification to the officers of the lead body for each occurrence due
 * soon and each overdue one (timeliness as everywhere else: taskQueries.timelinessSql), in the states
 * in which a coordinator may chase (not paused, not awaiting confirmation, not done). The dedupe key
 * (kind, occurrence, person, due date) makes a repeat run — the hourly job, `lotrinh remind`, a
 * restart — send nothing twice; an extension brings a new date and so a new reminder. Then, if mail is configured, one digest per person per day.
 * Times (a notification's, a digest's) are the injected clock's `now`, as for every other step.
 */
export async function sendReminders(
  db: Kysely<Database>,
  now: Date,
  dueSoonDays: number,
  mailer: Mailer | null,
) {
  const today = todayIso(now);
  const open = await occurrencesToRemind(db, clockOf(today, dueSoonDays), CHASED_STATES);
  let created = 0;
  if (open.length > 0) {
    const leads = await db
      .selectFrom("task_body")
      .select(["task_id", "unit_id"])
      .where("role", "=", "lead")
      .where("unit_id", "is not", null)
      .where("task_id", "in", [...new Set(open.map((o) => o.task_id))])
      .execute();
    for (const o of open) {
      // a member's share of a set-led task reminds that member (bodyShareRepository)
      const units =
        o.share_unit_id !== null
          ? [o.share_unit_id]
          : leads.filter((l) => l.task_id === o.task_id).map((l) => l.unit_id as number);
      const users = await officersFor(db, units, today);
      const overdue = o.timeliness === "overdue";
      const kind = overdue ? "overdue" : "due_soon";
      for (const u of users) {
        const r = await db
          .insertInto("notification")
          .values({
            user_id: u.id,
            kind,
            occurrence_id: o.id,
            message: `${overdue ? "Quá hạn" : "Sắp đến hạn"}: nhiệm vụ ${o.ref} (${o.number ?? "kế hoạch"}) — ${o.title.slice(0, 120)} — hạn ${formatVnDate(o.due_on as string)}`,
            dedupe_key: `${kind}:${o.id}:${u.id}:${o.due_on}`,
            created_at: now,
          })
          .onConflict((oc) => oc.column("dedupe_key").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (r) created++;
      }
    }
  }
  created += await remindReportRounds(db, now, clockOf(today, dueSoonDays).soon);
  const emailed = mailer ? await sendDigests(db, now, mailer) : 0;
  if (created > 0 || emailed > 0) {
    await recordAudit(db, systemActor("Đôn đốc tự động"), {
      action: "reminders.send",
      entity: "notification",
      after: { today, created, emailed },
    });
  }
  return { created, emailed };
}

/** One e-mail per person per day with what is new for them; recorded so it is never sent twice. */
async function sendDigests(db: Kysely<Database>, now: Date, mailer: Mailer): Promise<number> {
  const today = todayIso(now);
  const pending = await db
    .selectFrom("notification as n")
    .innerJoin("app_user as u", "u.id", "n.user_id")
    .select(["n.id", "n.user_id", "n.kind", "n.message", "u.email", "u.display_name"])
    .where("n.emailed_at", "is", null)
    .where("u.email", "is not", null)
    .where("u.active", "=", true)
    .orderBy("n.id")
    .execute();
  const byUser = new Map<number, typeof pending>();
  for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
  let sent = 0;
  for (const [userId, items] of byUser) {
    const claimed = await db
      .insertInto("email_digest")
      .values({ user_id: userId, day: today, count: items.length, sent_at: now })
      .onConflict((oc) => oc.columns(["user_id", "day"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) continue; // today's digest already went out
    const first = items[0] as (typeof items)[number];
    const body = [
      `Kính gửi ${first.display_name},`,
      "",
      digestHeading(items.map((i) => i.kind)),
      "",
      ...items.map((i) => `- ${i.message}`),
      "",
      "Vui lòng cập nhật tiến độ trên Lộ Trình.",
    ].join("\n");
    await mailer.send(
      first.email as string,
      digestSubject(
        items.map((i) => i.kind),
        formatVnDate(today),
      ),
      body,
    );
    await db
      .updateTable("notification")
      .set({ emailed_at: now })
      .where(
        "id",
        "in",
        items.map((i) => i.id),
      )
      .execute();
    sent++;
  }
  return sent;
}
