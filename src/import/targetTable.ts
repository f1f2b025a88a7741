import type { SectionCoverage, TargetDraft, Warning } from "./draft.ts";
import { type Line, parseDecimal } from "./lines.ts";

/**
 * A table of targets: "TT │ Chỉ tiêu │ Đơn vị │ Kết quả │ Cơ quan chủ trì theo dõi" with group rows
 * "Đến năm 2030" / "Đến năm 2045" (the year of the rows below). One value column only: a table with a
 * result column and a target column per period is an indicator table, read elsewhere.
 */

const VALUE_HEAD = /^(ket qua|muc tieu|gia tri|chi tieu (?:den )?nam|den nam)/;
const GROUP_YEAR = /^(?:đến|vào)\s+năm\s+(\d{4})\b/iu;

interface Columns {
  name: number;
  unit: number;
  value: number;
}

function headerColumns(cells: string[]): Columns | null {
  const keys = cells.map((c) =>
    c
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/gi, "d")
      .toLowerCase()
      .trim(),
  );
  const name = keys.findIndex((k) => /^(ten )?chi tieu$/.test(k));
  const unit = keys.findIndex((k) => /^don vi( tinh)?$/.test(k));
  const values = keys.map((k, i) => (i !== name && VALUE_HEAD.test(k) ? i : -1)).filter((i) => i >= 0);
  if (name < 0 || unit < 0 || values.length !== 1) return null;
  return { name, unit, value: values[0] as number };
}

const NUMBER = String.raw`(\d{1,4}(?:[.,]\d+)?)`;
const RANGE = new RegExp(String.raw`^${NUMBER}\s*%?\s*[-–]\s*${NUMBER}\s*%?(?:\s|$)`, "u");
const COMPARED = new RegExp(String.raw`^(≥|>=|≤|<=|>|<|=)?\s*${NUMBER}\s*%?(?=[\s;,]|$)`, "u");

/**
 * The value of a result cell: "≥ 55", ">= 30", "≤ 3 Đông Nam Á; ≤ 50 Thế giới" (the first), "> 0,7",
 * "40 - 50" and "20% - 50%" (a range: at least its lower end), "90", "100%", "09". Words give null.
 */
export function cellValue(cell: string): Pick<TargetDraft, "comparator" | "comparatorText" | "value"> | null {
  const t = cell.replace(/\s+/g, " ").trim();
  const range = RANGE.exec(t);
  if (range) return { comparator: ">=", comparatorText: "từ … đến", value: parseDecimal(range[1] as string) };
  const m = COMPARED.exec(t);
  if (!m) return null;
  const value = parseDecimal(m[2] as string);
  if (value === null) return null;
  const sign = m[1];
  const comparator: TargetDraft["comparator"] =
    sign === "≥" || sign === ">="
      ? ">="
      : sign === "≤" || sign === "<="
        ? "<="
        : sign === ">"
          ? ">"
          : sign === "<"
            ? "<"
            : sign === "="
              ? "="
              : null;
  return { comparator, comparatorText: sign ?? null, value };
}

/** The targets of every target table in the text; a row whose result is words is reported, not dropped. */
export function extractTargetTables(
  lines: Line[],
  warnings: Warning[],
  cov?: SectionCoverage,
): TargetDraft[] {
  const out: TargetDraft[] = [];
  let cols: Columns | null = null;
  let year: number | null = null;
  for (const l of lines) {
    if (!l.text.includes("\t")) {
      if (l.text) cols = null;
      continue;
    }
    const cells = l.text.split("\t");
    // a header names its "chỉ tiêu" and "đơn vị" columns: the line's folded key shows them, so only
    // such lines have their cells folded one by one
    const header = l.key.includes("chi tieu") && l.key.includes("don vi") ? headerColumns(cells) : null;
    if (header) {
      cols = header;
      year = null;
      continue;
    }
    if (!cols) continue;
    const ref = (cells[0] ?? "").trim().replace(/\.$/, "");
    const name = (cells[cols.name] ?? "").trim();
    const group = GROUP_YEAR.exec(name);
    if (group && !(cells[cols.value] ?? "").trim()) {
      year = Number(group[1]);
      continue;
    }
    if (!/^\d{1,2}(?:\.\d{1,2})*$/.test(ref) || !name) continue;
    const result = (cells[cols.value] ?? "").trim();
    if (!result) continue; // a row that only groups the sub-targets below it
    if (cov) cov.seen++;
    const v = cellValue(result);
    if (!v || v.value === null) {
      warnings.push({
        code: "TARGET_UNREAD",
        message: `Chỉ tiêu ${ref} "${name.slice(0, 80)}" có kết quả không phải con số ("${result.slice(0, 60)}"): hãy nhập tay nếu cần theo dõi.`,
        where: `dòng ${l.n}`,
      });
      continue;
    }
    if (cov) cov.used++;
    const unit = (cells[cols.unit] ?? "").trim() || (/%/.test(result) ? "%" : null);
    out.push({
      ref,
      text: name,
      measure: name,
      ...v,
      unit,
      year,
      schoolYear: null,
      recurring: /\b(?:hằng|hàng)\s+năm\b|\/năm\b/iu.test(`${name} ${unit ?? ""}`),
      places: [],
    });
  }
  return out;
}
