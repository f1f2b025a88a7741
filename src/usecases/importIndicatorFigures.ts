import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import type { Database } from "../db/schema.ts";
import { newIndicatorCode } from "../domain/newIndicator.ts";
import type { Actor } from "../domain/roles.ts";
import { errors } from "../errors.ts";
import { insertIndicator } from "./shared/insertIndicator.ts";
import type { ConfirmedPlan } from "./shared/planSchemas.ts";
import { type ReportedFigureInput, writeReportedFigures } from "./shared/writeReportedFigures.ts";

export interface IndicatorFiguresResult {
  /** Figures written (result and target columns). */
  figures: number;
  /** Targets of the plan set from its target columns. */
  targets: number;
  /** Rows for which the reviewer accepted a new catalog indicator, and the indicator made. */
  created: { ref: string; indicatorId: number }[];
  /** Rows left out: skipped by the reviewer, or with no catalog indicator chosen nor a new one accepted. */
  skipped: string[];
  unmatched: string[];
  warnings: string[];
}

const TERRITORIAL = ["province", "district", "city", "commune", "ward", "township"];

/** The territory a body answers for: the unit itself, else the nearest territorial unit above it. */
async function territoryOf(db: Kysely<Database>, unitId: number): Promise<number | null> {
  let id: number | null = unitId;
  for (let depth = 0; id !== null && depth < 6; depth++) {
    const unit = await db
      .selectFrom("org_unit")
      .select(["id", "kind"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!unit) return null;
    if (TERRITORIAL.includes(unit.kind)) return unit.id;
    const parent = await db
      .selectFrom("org_unit_parent")
      .select("parent_id")
      .where("child_id", "=", id)
      .orderBy("valid_from", "desc")
      .executeTakeFirst();
    id = parent?.parent_id ?? null;
  }
  return null;
}

/**
 * The confirmed indicator rows of a plan become figures, in the plan's transaction: each value of a
 * column whose header names a period is a figure of the issuing unit's territory for that period
 * (through writeReportedFigures: checks, locks, audit), and each value of a target column is also a
 * target of the plan (indicator_target, with the result column as its baseline). Importing the
 * document again replaces what it set before.
 */
export async function importIndicatorFigures(
  trx: Kysely<Database>,
  actor: Actor,
  input: { documentId: number; plan: ConfirmedPlan; issuerUnitId: number | null },
): Promise<IndicatorFiguresResult> {
  const { documentId, plan } = input;
  const created = await createAcceptedIndicators(trx, actor, documentId, plan);
  const withNew = plan.indicators.map((r) => ({
    ...r,
    indicatorId: r.indicatorId ?? created.get(r.ref) ?? null,
  }));
  const rows = withNew.filter((r) => !r.skip && r.indicatorId !== null);
  const result: IndicatorFiguresResult = {
    figures: 0,
    targets: 0,
    created: [...created.entries()].map(([ref, id]) => ({ ref, indicatorId: id })),
    skipped: plan.indicators.filter((r) => r.skip).map((r) => r.ref),
    unmatched: withNew.filter((r) => !r.skip && r.indicatorId === null).map((r) => r.ref),
    warnings: [],
  };
  const columns = plan.indicatorColumns.filter((c) => c.kind !== null && c.period !== null);
  await clearPrevious(trx, actor, documentId);
  if (rows.length === 0 || columns.length === 0) return result;
  const unitId = input.issuerUnitId === null ? null : await territoryOf(trx, input.issuerUnitId);
  if (unitId === null)
    throw errors.validation(
      "Không xác định được đơn vị ban hành để ghi số liệu của bảng chỉ tiêu: hãy sửa cơ quan ban hành hoặc bỏ chọn các dòng chỉ tiêu.",
    );
  const periods = await trx
    .selectFrom("period")
    .select(["id", "code"])
    .where(
      "code",
      "in",
      columns.map((c) => c.period as string),
    )
    .execute();
  const source =
    `${plan.document.type ?? "Văn bản"} ${plan.document.number ?? plan.document.title ?? ""}`.trim();
  const figures: ReportedFigureInput[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = row.values[column.header];
      if (value === null || value === undefined) continue;
      const period = periods.find((p) => p.code === column.period);
      if (!period)
        throw errors.validation(
          `Cột «${column.header}»: kỳ báo cáo ${column.period} chưa có trong danh mục kỳ.`,
        );
      figures.push({
        indicatorId: row.indicatorId as number,
        unitId,
        periodId: period.id,
        kind: column.kind as "result" | "target",
        value,
        source,
        documentId,
        position: `chỉ tiêu ${row.ref}, cột «${column.header}»`,
      });
    }
  }
  const written = await writeReportedFigures(trx, actor, figures, { action: "figures.import" });
  result.figures = written.written;
  result.warnings = written.warnings;
  result.targets = await setPlanTargets(trx, { documentId, unitId, rows, columns, source });
  if (result.targets > 0)
    await recordAudit(trx, actor, {
      action: "target.import",
      entity: "indicator_target",
      entityId: `document/${documentId}`,
      after: { document: source, targets: result.targets },
    });
  return result;
}

/**
 * The new catalog indicators the reviewer accepted for rows that match none (not skipped, no indicator
 * chosen): counted, rated or yes/no as accepted, entered by communes, their elements' education levels
 * defaulted from the names; each audited (indicator.create). Returns the new indicator of each row.
 */
async function createAcceptedIndicators(
  trx: Kysely<Database>,
  actor: Actor,
  documentId: number,
  plan: ConfirmedPlan,
): Promise<Map<string, number>> {
  const made = new Map<string, number>();
  const accepted = plan.indicators.filter((r) => !r.skip && r.indicatorId === null && r.create !== null);
  if (accepted.length === 0) return made;
  const codes = new Set((await trx.selectFrom("indicator").select("code").execute()).map((c) => c.code));
  const source = `Nhập từ văn bản ${plan.document.number ?? plan.document.title ?? ""}`.trim();
  for (const row of accepted) {
    const create = row.create as NonNullable<typeof row.create>;
    const code = newIndicatorCode(plan.document.number, documentId, row.ref, (c) => codes.has(c));
    codes.add(code);
    const rate = create.type === "rate";
    const { id } = await insertIndicator(
      trx,
      actor,
      {
        code,
        name: create.name,
        definition: `Dòng ${row.ref} của bảng chỉ tiêu: ${row.name}`.slice(0, 4000),
        unit: create.unit || (rate ? "%" : ""),
        type: create.type,
        direction: "higher",
        level: "commune",
        multiplier: 100,
        gross: false,
        numerator: rate ? `Tử số: ${create.name}` : undefined,
        denominator: rate ? `Mẫu số: ${create.name}` : undefined,
        element: rate ? undefined : create.name,
        breakdowns: [],
        valueKind: "count",
        minValue: 0,
        maxValue: 1_000_000,
      },
      source,
    );
    made.set(row.ref, id);
  }
  return made;
}

/** What an earlier import of this document set: its targets and the figures no longer confirmed. */
async function clearPrevious(trx: Kysely<Database>, actor: Actor, documentId: number) {
  const old = await trx
    .deleteFrom("indicator_target")
    .where("document_id", "=", documentId)
    .where("source_row", "is not", null)
    .returning(["id", "indicator_id", "value", "due_year"])
    .execute();
  const figures = await trx
    .deleteFrom("reported_value")
    .where("document_id", "=", documentId)
    .returning(["indicator_id", "org_unit_id", "period_id", "kind", "value"])
    .execute();
  if (old.length + figures.length === 0) return;
  await recordAudit(trx, actor, {
    action: "figures.import.replace",
    entity: "reported_value",
    entityId: `document/${documentId}`,
    before: { targets: old, figures },
  });
}

async function setPlanTargets(
  trx: Kysely<Database>,
  input: {
    documentId: number;
    unitId: number;
    rows: ConfirmedPlan["indicators"];
    columns: ConfirmedPlan["indicatorColumns"];
    source: string;
  },
): Promise<number> {
  const targets = input.columns.filter((c) => c.kind === "target" && c.year !== null);
  if (targets.length === 0) return 0;
  const directions = await trx
    .selectFrom("indicator")
    .select(["id", "direction", "name"])
    .where(
      "id",
      "in",
      input.rows.map((r) => r.indicatorId as number),
    )
    .execute();
  let count = 0;
  for (const row of input.rows) {
    const ind = directions.find((d) => d.id === row.indicatorId);
    for (const column of targets) {
      const value = row.values[column.header];
      if (value === null || value === undefined || !ind) continue;
      // the latest result column before the target's year is its baseline
      const base = input.columns
        .filter((c) => c.kind === "result" && c.year !== null && (c.year as number) < (column.year as number))
        .sort((a, b) => (b.year as number) - (a.year as number))
        .find((c) => row.values[c.header] !== null && row.values[c.header] !== undefined);
      await trx
        .insertInto("indicator_target")
        .values({
          indicator_id: ind.id,
          org_unit_id: input.unitId,
          comparator: ind.direction === "lower" ? "<=" : ">=",
          value,
          due_year: column.year as number,
          baseline_value: base ? (row.values[base.header] as number) : null,
          baseline_year: base ? base.year : null,
          document_id: input.documentId,
          label: `${ind.name} — ${column.header} (${input.source})`,
          source_row: row.ref,
        })
        .execute();
      count++;
    }
  }
  return count;
}
