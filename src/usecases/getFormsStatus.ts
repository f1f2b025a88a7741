import type { Kysely } from "kysely";
import { findPeriod } from "../db/repositories/periodRepository.ts";
import { childFormStatuses } from "../db/repositories/unitListQueries.ts";
import type { Database } from "../db/schema.ts";
import { isFormLate } from "../domain/formDeadline.ts";
import { errors } from "../errors.ts";

/** Who has submitted and who is late: the forms of the reporting units under a parent, for one period. */
export async function getFormsStatus(
  db: Kysely<Database>,
  parentId: number,
  periodId: number,
  today: string,
) {
  const period = await findPeriod(db, periodId);
  if (!period) throw errors.notFound("kỳ báo cáo");
  return formsStatusOf(db, parentId, period, today);
}

/** The same for a period the caller has read already (the overview's school year). */
export async function formsStatusOf<P extends { id: number; end_date: string }>(
  db: Kysely<Database>,
  parentId: number,
  period: P,
  today: string,
) {
  const units = await childFormStatuses(db, parentId, period.id, period.end_date);
  return {
    period,
    units: units.map((u) => ({
      ...u,
      status: u.status ?? "not_started",
      late: isFormLate(today, period.end_date, u.status),
    })),
  };
}
