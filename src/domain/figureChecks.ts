import { categoryOption, fieldKey } from "./breakdowns.ts";
import { formatViNumber } from "./numbers.ts";

/** Checks on the figures of one form, at once, in Vietnamese (DOMAIN.md §6). Pure. */
export interface RateRule {
  name: string;
  numeratorId: number;
  denominatorId: number;
  gross: boolean;
  /** Breakdown options the rate is also read for ('' — the whole — is always checked). */
  categories?: string[];
}

/** An element entered with breakdowns: the parts are checked against the whole. */
export interface BrokenDownElement {
  elementId: number;
  categories: string[];
}

export interface FigureProblem {
  /** fieldKey(elementId, category) */
  field: string;
  elementId: number;
  category: string;
  level: "error" | "warning";
  /** "missing": the field is empty on submit; "check": a rule on the values. */
  kind: "missing" | "check";
  message: string;
}

/** What one data element accepts (catalog columns value_kind, min_value, max_value). */
export interface ElementRule {
  kind: "count" | "yes_no" | "decimal";
  min: number;
  max: number;
}

export type FieldValues = Map<string, { value: number | null; comment: string | null }>;

const fmt = (n: number) => formatViNumber(n);

function problem(
  field: string,
  level: FigureProblem["level"],
  message: string,
  kind: FigureProblem["kind"] = "check",
): FigureProblem {
  const [id, category = ""] = field.split("/");
  return { field, elementId: Number(id), category, level, kind, message };
}

function checkRate(r: RateRule, category: string, values: FieldValues, out: FigureProblem[]) {
  const nKey = fieldKey(r.numeratorId, category);
  const dKey = fieldKey(r.denominatorId, category);
  const n = values.get(nKey)?.value ?? null;
  const d = values.get(dKey)?.value ?? null;
  if (n === null || d === null) return;
  const label = category ? `${r.name} (${categoryOption(category)?.label ?? category})` : r.name;
  if (d === 0 && n > 0) {
    out.push(problem(dKey, "error", `${label}: mẫu số bằng 0 nhưng tử số là ${fmt(n)}.`));
  } else if (n > d) {
    if (!r.gross) {
      out.push(problem(nKey, "error", `${label}: tử số (${fmt(n)}) lớn hơn mẫu số (${fmt(d)}).`));
    } else if (!values.get(nKey)?.comment) {
      // DOMAIN.md §6: a gross rate may pass 100 % — warn and ask why, never refuse
      out.push(
        problem(
          nKey,
          "warning",
          `${label}: tỷ lệ thô vượt 100 % (${fmt((n / d) * 100)} %) — hãy ghi chú lý do (ví dụ trẻ ngoài địa bàn đến học).`,
        ),
      );
    } else {
      out.push(
        problem(nKey, "warning", `${label}: tỷ lệ thô vượt 100 % (${fmt((n / d) * 100)} %), đã có ghi chú.`),
      );
    }
  }
}

function checkParts(
  e: BrokenDownElement,
  values: FieldValues,
  names: Map<string, string>,
  out: FigureProblem[],
) {
  const whole = values.get(fieldKey(e.elementId))?.value ?? null;
  if (whole === null) return;
  const parts: { key: string; value: number | null }[] = [];
  for (const c of e.categories) {
    const key = fieldKey(e.elementId, c);
    const v = values.get(key)?.value ?? null;
    const o = categoryOption(c);
    if (o?.kind === "part") parts.push({ key, value: v });
    else if (v !== null && v > whole)
      out.push(problem(key, "error", `${names.get(key)}: ${fmt(v)} lớn hơn tổng số (${fmt(whole)}).`));
  }
  if (parts.length === 0) return;
  const sum = parts.reduce((s, p) => s + (p.value ?? 0), 0);
  const first = parts[0]?.key as string;
  const name = names.get(fieldKey(e.elementId)) ?? "";
  if (sum > whole) {
    out.push(
      problem(first, "error", `${name}: các cấp học cộng lại (${fmt(sum)}) lớn hơn tổng số (${fmt(whole)}).`),
    );
  } else if (parts.every((p) => p.value !== null) && sum !== whole) {
    out.push(
      problem(first, "warning", `${name}: các cấp học cộng lại (${fmt(sum)}) khác tổng số (${fmt(whole)}).`),
    );
  }
}

/** One value against its element: whole numbers for counts, 0/1 for yes/no, inside the plausible range. */
export function checkValue(value: number, rule: ElementRule | undefined, name: string): string | null {
  if (!Number.isFinite(value)) return `${name}: giá trị không phải số hữu hạn.`;
  if (!rule) return value < 0 ? `${name}: không được âm.` : null;
  if (rule.kind === "yes_no" && value !== 0 && value !== 1)
    return `${name}: chỉ nhận 1 (đạt) hoặc 0 (chưa đạt), không nhận ${fmt(value)}.`;
  if (rule.kind === "count" && !Number.isInteger(value))
    return `${name}: là số đếm, phải là số nguyên (không nhận ${fmt(value)}).`;
  if (value < rule.min || value > rule.max)
    return `${name}: ${fmt(value)} nằm ngoài khoảng hợp lý (${fmt(rule.min)} – ${fmt(rule.max)}).`;
  return null;
}

export function checkFigures(
  values: FieldValues,
  previous: Map<string, number>,
  rates: RateRule[],
  names: Map<string, string>,
  opts: {
    requireAll: boolean;
    fields: string[];
    brokenDown?: BrokenDownElement[];
    /** Rules by element id; an element without one only refuses negatives. */
    elements?: Map<number, ElementRule>;
  },
): FigureProblem[] {
  const out: FigureProblem[] = [];
  for (const [key, v] of values) {
    if (v.value === null) continue;
    const [id] = key.split("/");
    const bad = checkValue(v.value, opts.elements?.get(Number(id)), names.get(key) ?? key);
    if (bad) out.push(problem(key, "error", bad));
  }
  for (const r of rates) for (const c of ["", ...(r.categories ?? [])]) checkRate(r, c, values, out);
  for (const e of opts.brokenDown ?? []) checkParts(e, values, names, out);
  for (const [key, v] of values) {
    const before = previous.get(key);
    if (v.value === null || before === undefined || before === 0) continue;
    const change = Math.abs(v.value - before) / before;
    if (change > 0.5) {
      out.push(
        problem(
          key,
          "warning",
          `${names.get(key)}: thay đổi ${fmt(change * 100)} % so với kỳ trước (${fmt(before)} → ${fmt(v.value)}).`,
        ),
      );
    }
  }
  if (opts.requireAll) {
    for (const key of opts.fields) {
      if ((values.get(key)?.value ?? null) === null)
        out.push(problem(key, "error", `${names.get(key)}: chưa nhập.`, "missing"));
    }
  }
  return out;
}
