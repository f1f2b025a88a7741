/**
 * The reported-figures half of the one figures writer (re-exported by writeFigures.ts): a figure a
 * unit reports for an indicator as a whole, as a plan's indicator table gives it.
 */
import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import { isDraftStatus } from "../../db/repositories/formRepository.ts";
import { reportedFigureContext, upsertReportedValue } from "../../db/repositories/reportedFigureQueries.ts";
import type { Database } from "../../db/schema.ts";
import { checkReportedValue } from "../../domain/reportedFigures.ts";
import type { Actor } from "../../domain/roles.ts";
import { AppError } from "../../errors.ts";
import type { RowProblem } from "./writeFigures.ts";

const formKey = (unitId: number, periodId: number) => `${unitId}|${periodId}`;

/** One figure a unit reports for an indicator as a whole (a plan's indicator table). */
export interface ReportedFigureInput {
  indicatorId: number;
  unitId: number;
  periodId: number;
  kind: "result" | "target";
  value: number;
  source: string;
  documentId: number | null;
  /** Where it came from, for messages ("chỉ tiêu 9"). */
  position: string;
}

/**
 * Reported figures go through the same door as entered ones: each value checked against its
 * indicator (domain/reportedFigures.ts), none into a unit's period whose form is submitted or approved
 * (FORM_LOCKED), one audit row per unit and period with each value before → after, all or nothing
 * (VALIDATION_FAILED names every refused row). Runs in the caller's transaction.
 */
export async function writeReportedFigures(
  db: Kysely<Database>,
  actor: Actor,
  rows: ReportedFigureInput[],
  opts: { action: "figures.import" },
) {
  if (rows.length === 0) return { written: 0, warnings: [] as string[] };
  const ids = (pick: (r: ReportedFigureInput) => number) => [...new Set(rows.map(pick))];
  const [indicators, units, periods, statuses, before] = await reportedFigureContext(db, {
    indicatorIds: ids((r) => r.indicatorId),
    unitIds: ids((r) => r.unitId),
    periodIds: ids((r) => r.periodId),
  });
  const problems: RowProblem[] = [];
  const warnings: string[] = [];
  let locked = false;
  for (const r of rows) {
    const ind = indicators.find((i) => i.id === r.indicatorId);
    const unit = units.find((u) => u.id === r.unitId);
    const period = periods.find((p) => p.id === r.periodId);
    const refuse = (message: string) =>
      problems.push({ position: r.position, field: ind?.code ?? "", level: "error", message });
    if (!ind || !unit || !period) {
      refuse(!ind ? "chỉ tiêu không có trong danh mục" : !unit ? "đơn vị không có" : "kỳ báo cáo không có");
      continue;
    }
    const status = statuses.find((s) => s.org_unit_id === r.unitId && s.period_id === r.periodId)?.status;
    if (status && !isDraftStatus(status)) {
      locked = true;
      refuse(`số liệu của ${unit.full_name}, ${period.name} đã gửi hoặc đã duyệt và khóa`);
      continue;
    }
    const problem = checkReportedValue(ind, r.value);
    if (problem?.level === "error") refuse(problem.message);
    else if (problem) warnings.push(`${r.position}: ${problem.message}`);
  }
  if (problems.length > 0) {
    const lines = problems.slice(0, 20).map((p) => `${p.position}: ${p.message}`);
    const more = problems.length > 20 ? ` … và ${problems.length - 20} lỗi khác` : "";
    throw new AppError(
      locked ? "FORM_LOCKED" : "VALIDATION_FAILED",
      `${lines.join("; ")}${more}. Không có gì được lưu.`,
      {
        rows: problems.slice(0, 500),
      },
    );
  }
  const byForm = new Map<
    string,
    { unitId: number; periodId: number; before: Record<string, number | null>; after: Record<string, number> }
  >();
  for (const r of rows) {
    const ind = indicators.find((i) => i.id === r.indicatorId) as (typeof indicators)[number];
    const was = before.find(
      (b) =>
        b.indicator_id === r.indicatorId &&
        b.org_unit_id === r.unitId &&
        b.period_id === r.periodId &&
        b.kind === r.kind,
    );
    const wasValue = was ? Number(was.value) : null;
    await upsertReportedValue(db, r);
    if (wasValue === r.value) continue;
    const key = formKey(r.unitId, r.periodId);
    const form = byForm.get(key) ?? { unitId: r.unitId, periodId: r.periodId, before: {}, after: {} };
    form.before[`${ind.code}:${r.kind}`] = wasValue;
    form.after[`${ind.code}:${r.kind}`] = r.value;
    byForm.set(key, form);
  }
  for (const f of byForm.values()) {
    const period = periods.find((p) => p.id === f.periodId);
    await recordAudit(db, actor, {
      action: opts.action,
      entity: "reported_value",
      entityId: `${f.unitId}/${period?.code ?? f.periodId}`,
      before: f.before,
      after: f.after,
    });
  }
  return { written: rows.length, warnings };
}
