import type { Kysely } from "kysely";
import { latestResults } from "../db/repositories/occurrenceUpdateRepository.ts";
import { type RegisterFilter, searchRegister } from "../db/repositories/taskQueries.ts";
import type { Database } from "../db/schema.ts";
import type { Clock } from "../domain/status.ts";
import { registerToCsv, registerToXlsx } from "../reports/taskRegisterExport.ts";

/** The task register as filtered (the filter carries the caller's scope), with each item's latest result. */
export async function exportTaskRegister(
  db: Kysely<Database>,
  filter: RegisterFilter,
  clock: Clock,
  format: "xlsx" | "csv",
): Promise<{ body: string | Buffer; type: string; filename: string }> {
  const { rows } = await searchRegister(db, filter, clock, { limit: 50_000, offset: 0 });
  const latest = await latestResults(
    db,
    rows.map((x) => x.id),
  );
  const exportRows = rows.map((x) => ({ ...x, result: latest.get(x.id) ?? null }));
  const stamp = clock.today;
  if (format === "csv")
    return {
      body: registerToCsv(exportRows),
      type: "text/csv; charset=utf-8",
      filename: `so-nhiem-vu-${stamp}.csv`,
    };
  const body = await registerToXlsx(
    exportRows,
    `SỔ THEO DÕI NHIỆM VỤ (đến ngày ${stamp.split("-").reverse().join("/")})`,
  );
  return {
    body,
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename: `so-nhiem-vu-${stamp}.xlsx`,
  };
}
