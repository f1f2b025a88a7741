import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import { todayIso } from "../../domain/status.ts";
import { officersFor } from "./recipients.ts";

export type FormStep = "submitted" | "approved" | "returned" | "reopened";

/**
 * Tells the people concerned about a step of a form, in the same transaction: coordinators when a unit
 * submits its figures; the unit's officers when they are approved, returned (with the reason) or
 * reopened. One notification per person and step (the form's new version keys it).
 */
export async function notifyFormStep(
  db: Kysely<Database>,
  form: { unitId: number; periodId: number; version: number },
  step: FormStep,
  reason: string | null,
  today = todayIso(new Date()),
): Promise<number> {
  const [unit, period] = await Promise.all([
    db.selectFrom("org_unit").select("full_name").where("id", "=", form.unitId).executeTakeFirstOrThrow(),
    db.selectFrom("period").select("name").where("id", "=", form.periodId).executeTakeFirstOrThrow(),
  ]);
  const what = `Biểu số liệu ${period.name} của ${unit.full_name}`;
  const message = {
    submitted: `${what} đã được gửi, chờ duyệt.`,
    approved: `${what} đã được duyệt.`,
    returned: `${what} bị trả lại: ${reason ?? ""}`,
    reopened: `${what} được mở lại để sửa: ${reason ?? ""}`,
  }[step];
  const users =
    step === "submitted"
      ? await db
          .selectFrom("app_user")
          .select("id")
          .where("active", "=", true)
          .where("role", "=", "coordinator")
          .execute()
      : await officersFor(db, [form.unitId], today);
  for (const u of users) {
    await db
      .insertInto("notification")
      .values({
        user_id: u.id,
        kind: `figures.${step}`,
        occurrence_id: null,
        message,
        dedupe_key: `figures:${form.unitId}:${form.periodId}:${form.version}:${step}:${u.id}`,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .execute();
  }
  return users.length;
}
