/**
 * The one way figures are written. The data-entry form, an uploaded XLSX template and a DHIS2
 * dataValueSets import all end here, so every value meets the same rules (domain/figureChecks.ts: whole
 * numbers for counts, 0/1 for yes/no, the catalog's plausible range, numerator ≤ denominator, parts
 * within the whole), no value enters a form that is submitted or approved, the draft flag follows the
 * form's status (drafts stay out of official totals), and each value changed is audited before → after.
 * All or nothing: any error refuses the whole write, with every row's problem named.
 */
import type { Kysely } from "kysely";
import { recordAudits } from "../../db/repositories/auditRepository.ts";
import { type FigureWrite, writeFigureRows } from "../../db/repositories/figureQueries.ts";
import { type FormContext, formKey, loadFormContext } from "../../db/repositories/formContext.ts";
import {
  elementCatalogOf,
  type FormDefinition,
  type FormField,
  formDefinitionOf,
  formTargetOf,
  isDraftStatus,
  rulesOf,
} from "../../db/repositories/formRepository.ts";
import type { Database } from "../../db/schema.ts";
import { breakdownsOf, fieldKey, optionsOf } from "../../domain/breakdowns.ts";
import { notApplicableReason } from "../../domain/educationLevels.ts";
import { checkFigures, type FieldValues, type FigureProblem } from "../../domain/figureChecks.ts";
import type { Actor } from "../../domain/roles.ts";
import { AppError, type ErrorCode } from "../../errors.ts";

export interface FigureInput {
  unitId: number;
  periodId: number;
  elementId: number;
  /** '' (the whole figure) or a breakdown option. */
  category: string;
  value: number | null;
  comment: string | null;
  /** Where the row came from, for messages ("dòng 12"); absent for a form. */
  position?: string;
}

export interface WriteFiguresOptions {
  action: "figures.save" | "figures.submit" | "figures.upload" | "figures.import";
  /**
   * Form saves: the status the form takes (its values follow). The caller has checked the form's
   * version and lock and claimed it. Imports leave it out: they keep the form's status and are refused
   * on a submitted or approved form.
   */
  nextStatus?: "draft" | "submitted";
  /** The form being saved: checked (all fields on submit) even when no value changes. */
  form?: { unitId: number; periodId: number };
}

export interface RowProblem {
  position: string | null;
  field: string;
  level: "error" | "warning";
  message: string;
  /** Set when the row's refusal has its own stable code (ELEMENT_NOT_APPLICABLE). */
  code?: ErrorCode;
}

/** One readable message: every real error, and the empty fields counted with a few named. */
export function summarize(errs: FigureProblem[]): string {
  const missing = errs.filter((e) => e.kind === "missing");
  const other = errs.filter((e) => !missing.includes(e)).map((e) => e.message);
  if (missing.length > 3) {
    const names = missing.slice(0, 3).map((e) => e.message.replace(/: chưa nhập\.$/, ""));
    other.push(`Còn ${missing.length} ô chưa nhập (${names.join("; ")}; …).`);
  } else other.push(...missing.map((e) => e.message));
  return other.join(" ");
}

function ratesOf(def: FormDefinition) {
  return def.indicators
    .filter((i) => i.type === "rate" && i.numerator_id && i.denominator_id)
    .map((i) => ({
      name: i.name,
      numeratorId: i.numerator_id as number,
      denominatorId: i.denominator_id as number,
      gross: i.gross,
      categories: optionsOf(breakdownsOf(i.breakdowns)).map((o) => o.code),
    }));
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type Context = FormContext;

/**
 * A row for a field not on the unit's form: an element that does not apply to this unit (another
 * kind of unit enters it, or a level the school does not teach) is ELEMENT_NOT_APPLICABLE, with why;
 * anything else (no such element, a breakdown it does not have) is simply not on the form.
 */
function foreignRow(
  ctx: Context,
  row: FigureInput,
  key: string,
  unit: Parameters<typeof notApplicableReason>[1],
): RowProblem {
  const element = elementCatalogOf(ctx.catalog).get(row.elementId);
  const why = element ? notApplicableReason(element, unit) : null;
  const base = { position: row.position ?? null, field: key, level: "error" as const };
  if (why) return { ...base, message: why, code: "ELEMENT_NOT_APPLICABLE" };
  return {
    ...base,
    message: element
      ? `trường số liệu ${key} («${element.name}») không thuộc biểu của ${unit.name}`
      : `chỉ số ${row.elementId} không có trong danh mục`,
  };
}

interface FormPlan {
  unitId: number;
  periodId: number;
  periodCode: string;
  draft: boolean;
  writes: FigureWrite[];
  changes: { field: string; code: string; before: number | null; after: number | null }[];
  warnings: FigureProblem[];
}

/** Checks one form's rows against its definition and current values; problems are pushed to `out`. */
function planForm(
  ctx: Context,
  form: { unitId: number; periodId: number },
  rows: FigureInput[],
  opts: WriteFiguresOptions,
  out: RowProblem[],
  checks: FigureProblem[],
): FormPlan | null {
  const { unitId, periodId } = form;
  const at = (field: string) =>
    rows.find((r) => fieldKey(r.elementId, r.category) === field)?.position ?? null;
  const unit = ctx.units.get(unitId);
  const period = ctx.periods.get(periodId);
  const target = unit ? formTargetOf(unit) : null;
  if (!unit || !period || !target) {
    const why = !unit ? "đơn vị không có" : !period ? "kỳ báo cáo không có" : "đơn vị này không nhập số liệu";
    for (const r of rows) out.push({ position: r.position ?? null, field: "", level: "error", message: why });
    return null;
  }
  const status = ctx.statuses.get(formKey(unitId, periodId));
  if (!opts.nextStatus && status && !isDraftStatus(status.status)) {
    const why =
      status.status === "approved"
        ? `biểu của ${unit.full_name}, ${period.name} đã được duyệt và khóa`
        : `biểu của ${unit.full_name}, ${period.name} đã gửi, đang chờ duyệt`;
    for (const r of rows) out.push({ position: r.position ?? null, field: "", level: "error", message: why });
    return null;
  }
  const def = formDefinitionOf(ctx.catalog, target);
  const fields = new Map<string, FormField>(def.fields.map((f) => [f.key, f]));
  const before = ctx.valuesByForm.get(formKey(unitId, periodId)) ?? [];
  const merged: FieldValues = new Map(
    before.map((v) => [fieldKey(v.element_id, v.category), { value: Number(v.value), comment: v.comment }]),
  );
  let foreign = false;
  for (const r of rows) {
    const key = fieldKey(r.elementId, r.category);
    if (!fields.has(key)) {
      foreign = true;
      out.push(foreignRow(ctx, r, key, { name: unit.full_name, ...target }));
    } else merged.set(key, { value: r.value, comment: r.comment });
  }
  if (foreign) return null;
  const prevId = ctx.previous.get(periodId)?.id;
  const prevValues = prevId ? (ctx.valuesByForm.get(formKey(unitId, prevId)) ?? []) : [];
  const problems = checkFigures(
    merged,
    new Map(prevValues.map((v) => [fieldKey(v.element_id, v.category), Number(v.value)])),
    ratesOf(def),
    new Map(def.fields.map((f) => [f.key, f.name])),
    {
      requireAll: opts.nextStatus === "submitted",
      fields: def.fields.map((f) => f.key),
      brokenDown: [...def.categories].map(([elementId, categories]) => ({ elementId, categories })),
      elements: rulesOf(ctx.catalog),
    },
  );
  checks.push(...problems.filter((x) => x.level === "error"));
  for (const p of problems.filter((x) => x.level === "error"))
    out.push({ position: at(p.field), field: p.field, level: "error", message: p.message });
  const draft = opts.nextStatus ? opts.nextStatus === "draft" : isDraftStatus(status?.status);
  const last = new Map(rows.map((r) => [fieldKey(r.elementId, r.category), r]));
  const old = new Map(before.map((v) => [fieldKey(v.element_id, v.category), v]));
  const changes: FormPlan["changes"] = [];
  for (const [key, r] of last) {
    const was = old.get(key);
    const beforeValue = was ? Number(was.value) : null;
    if (beforeValue !== r.value || (was?.comment ?? null) !== r.comment)
      changes.push({ field: key, code: fields.get(key)?.code ?? key, before: beforeValue, after: r.value });
  }
  // a value stored exactly so (same value, comment, draft flag, not a sample) is not written again:
  // a re-import of the same figures costs reads only, and its rollups and audit are unchanged
  const same = (r: FigureInput) => {
    const was = old.get(fieldKey(r.elementId, r.category));
    if (!was) return r.value === null;
    return (
      Number(was.value) === r.value &&
      (was.comment ?? null) === r.comment &&
      was.draft === draft &&
      !was.is_sample
    );
  };
  return {
    unitId,
    periodId,
    periodCode: period.code,
    draft,
    writes: [...last.values()]
      .filter((r) => !same(r))
      .map((r) => ({
        element_id: r.elementId,
        period_id: periodId,
        org_unit_id: unitId,
        category: r.category,
        value: r.value,
        comment: r.comment,
        draft,
      })),
    changes,
    warnings: problems.filter((x) => x.level === "warning"),
  };
}

/**
 * Checks and writes figures of one or many forms in the caller's transaction. Throws FORM_LOCKED when
 * a row targets a submitted or approved form, VALIDATION_FAILED (with `problems` and `rows`) when any
 * value breaks a rule; nothing is written then.
 */
export async function writeFigures(
  db: Kysely<Database>,
  actor: Actor,
  rows: FigureInput[],
  opts: WriteFiguresOptions,
  /** The forms' context when the caller has read it in this transaction (a form save has). */
  loaded?: FormContext,
) {
  const byForm = new Map<string, FigureInput[]>();
  const forms = new Map<string, { unitId: number; periodId: number }>();
  if (opts.form) {
    byForm.set(formKey(opts.form.unitId, opts.form.periodId), []);
    forms.set(formKey(opts.form.unitId, opts.form.periodId), opts.form);
  }
  for (const r of rows) forms.set(formKey(r.unitId, r.periodId), { unitId: r.unitId, periodId: r.periodId });
  if (forms.size === 0) return { forms: [] as FormPlan[], warnings: [] as FigureProblem[] };
  const all = [...forms.values()];
  const ctx =
    loaded ??
    (await loadFormContext(
      db,
      all.map((f) => f.unitId),
      all.map((f) => f.periodId),
    ));
  for (const r of rows) pushTo(byForm, formKey(r.unitId, r.periodId), r);
  const problems: RowProblem[] = [];
  const checks: FigureProblem[] = [];
  const plans: FormPlan[] = [];
  for (const [key, formRows] of byForm) {
    const form = forms.get(key) as { unitId: number; periodId: number };
    const plan = planForm(ctx, form, formRows, opts, problems, checks);
    if (plan) plans.push(plan);
  }
  if (problems.length > 0) {
    const locked = problems.some((p) => /đã được duyệt và khóa|đang chờ duyệt/.test(p.message));
    const positioned = problems.some((p) => p.position);
    const lines = problems.slice(0, 20).map((p) => (p.position ? `${p.position}: ${p.message}` : p.message));
    const more = problems.length > 20 ? ` … và ${problems.length - 20} lỗi khác` : "";
    const message =
      positioned || checks.length === 0
        ? `${lines.join("; ")}${more}. Không có gì được lưu.`
        : summarize(checks);
    const code: ErrorCode = locked
      ? "FORM_LOCKED"
      : problems.some((p) => p.code === "ELEMENT_NOT_APPLICABLE")
        ? "ELEMENT_NOT_APPLICABLE"
        : "VALIDATION_FAILED";
    throw new AppError(code, message, {
      problems: checks.slice(0, 500),
      rows: problems.slice(0, 500),
    });
  }
  await writeFigureRows(
    db,
    plans.flatMap((p) => p.writes),
    actor.id,
  );
  // one audit row per form, written together (a bulk import touches a thousand forms)
  await recordAudits(
    db,
    actor,
    plans
      .filter((p) => p.changes.length > 0)
      .map((p) => ({
        action: opts.action,
        entity: "data_value",
        entityId: `${p.unitId}/${p.periodCode}`,
        before: Object.fromEntries(p.changes.map((c) => [c.code, c.before])),
        after: Object.fromEntries(p.changes.map((c) => [c.code, c.after])),
      })),
  );
  return { forms: plans, warnings: plans.flatMap((p) => p.warnings) };
}

// Figures reported for an indicator as a whole (a plan's indicator table) go through the same door.
export { type ReportedFigureInput, writeReportedFigures } from "./writeReportedFigures.ts";
