import { asciiKey } from "../../domain/text.ts";
import type { IndicatorDraft, Warning } from "../draft.ts";
import type { Line } from "../lines.ts";
import { columnOfHeader, columnsOfHeaderBlock, type IndicatorColumn } from "./indicatorTablePeriods.ts";
import { numberTokens, type ReadValue, readIndicatorValue } from "./indicatorTableValues.ts";

/** "TT | Chỉ tiêu | …" — the header line of an indicator table (also without diacritics or columns). */
const HEADER = /^(s?tt)\b.*\bchi ?tieu\b/;
const END = /^(noi nhan|tm\.|kt\.|chu tich|phu luc\b)/;

export interface IndicatorTable {
  columns: IndicatorColumn[];
  rows: IndicatorDraft[];
}

/**
 * Indicator tables (TT | Chỉ tiêu | Đơn vị | one column per period): rows by their numbers, each with
 * its values per column and the period each column's header names (indicatorTablePeriods.ts). Read from
 * a table (cells separated by tabs) or from a scan whose columns and diacritics were lost. A table whose
 * header names no year is not an indicator table (its values are targets, read by targets.ts). A gap in
 * the numbering and a row that cannot be read are warnings that say where.
 */
export function extractIndicatorTable(lines: Line[], warnings: Warning[]): IndicatorTable {
  const headerIdx = lines.findIndex((l) => HEADER.test(l.key.replace(/\t/g, " ")));
  if (headerIdx < 0) return { columns: [], rows: [] };
  const header = lines[headerIdx] as Line;
  const cells = header.text.split("\t");
  if (cells.length >= 4) return tabbedTable(lines, headerIdx, cells, warnings);
  const block = headerBlock(lines, headerIdx);
  const columns = columnsOfHeaderBlock(block, 2);
  return { columns, rows: scannedRows(lines, headerIdx, columns, warnings) };
}

const HEADER_PIECE = /^(ket ?qua|chi ?tieu|nam hoc|ke ?hoach|uoc|thuc hien|\d{4}\s*-\s*\d{4}|\|)/;

/** The header line with the pieces of the header a scan put on the lines just above and below it. */
function headerBlock(lines: Line[], headerIdx: number): string {
  let from = headerIdx;
  while (from > headerIdx - 3 && from > 0 && HEADER_PIECE.test((lines[from - 1] as Line).key)) from--;
  let to = headerIdx + 1;
  while (to < headerIdx + 4 && to < lines.length && HEADER_PIECE.test((lines[to] as Line).key)) to++;
  return lines
    .slice(from, to)
    .map((l) => l.text)
    .join(" ");
}

/** A row whose cells are known: TT, name, unit, and the value columns the header names a period for. */
function tabbedTable(lines: Line[], headerIdx: number, cells: string[], warnings: Warning[]): IndicatorTable {
  const keys = cells.map((c) => asciiKey(c));
  const nameAt = keys.findIndex((k, i) => i > 0 && /chi ?tieu|noi dung/.test(k));
  const unitAt = keys.findIndex((k) => /^[dp]on ?vi/.test(k));
  // value columns: those whose header names a period, else those that say results or targets
  const candidates = cells
    .map((c, i) => ({ i, column: columnOfHeader(c) }))
    .filter((x) => x.i !== nameAt && x.i !== unitAt && x.i > 0);
  const withPeriod = candidates.filter((x) => x.column.period);
  const valueAt = withPeriod.length > 0 ? withPeriod : candidates.filter((x) => x.column.kind);
  if (nameAt < 0 || valueAt.length === 0) return { columns: [], rows: [] };
  const columns = valueAt.map((v) => v.column);
  const rows: IndicatorDraft[] = [];
  const groups = new GroupColumns(columns);
  let expected = 1;
  for (const l of lines.slice(headerIdx + 1)) {
    if (END.test(l.key)) break;
    if (!l.text.includes("\t")) {
      if (rows.length > 0 && l.text.trim()) break;
      continue;
    }
    const row = l.text.split("\t");
    const ref = (row[0] ?? "").trim();
    if (HEADER.test(l.key.replace(/\t/g, " "))) continue; // the header repeated on the next page
    if (/^[IVXLC]+$/.test(ref) || (!ref && groupHeading(row))) {
      groups.enter(row.slice(1).join(" ")); // a group heading ("I | Đến năm 2030", "| Năm 2026")
      continue;
    }
    if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(ref)) {
      if (ref || row.some((c) => /\d/.test(c))) unread(warnings, l, "không có số thứ tự");
      continue;
    }
    if (!ref.includes(".")) expected = gapWarnings(warnings, expected, Number(ref), l);
    const unitCell = unitAt >= 0 ? (row[unitAt] ?? "").trim() : "";
    const unit = unitCell === "" ? null : unitCell;
    const read = valueAt.map((v) => readIndicatorValue((row[v.i] ?? "").trim(), unit));
    rows.push(rowOf(ref, (row[nameAt] ?? "").trim(), unit, groups.current(), read, null, l, warnings));
  }
  return groups.finish(rows);
}

/** A row with no number whose only text names a year ("Năm 2026", "Đến năm 2030"): a group heading. */
function groupHeading(row: string[]): boolean {
  const text = row.map((c) => c.trim()).filter(Boolean);
  return text.length === 1 && /^(?:den |trong |giai doan )?nam \d{4}\b/.test(asciiKey(text[0] as string));
}

/**
 * The year a group heading gives the rows below it: each value column whose header names no period
 * of its own is, for those rows, a column of the group's period ("Kết quả (Đến năm 2030)"), a target
 * when the heading says by when ("Đến năm …", "Phấn đấu …"). Columns no row uses are dropped.
 */
class GroupColumns {
  private group: IndicatorColumn[] | null = null;
  private readonly all: IndicatorColumn[];
  constructor(private readonly base: IndicatorColumn[]) {
    this.all = [...base];
  }
  enter(heading: string) {
    const named = columnOfHeader(heading);
    if (named.period === null) return;
    const label = heading.replace(/[*_]+/g, "").replace(/\s+/g, " ").trim();
    const byWhen = /\b(den nam|phan dau|chi ?tieu|ke ?hoach|muc ?tieu)\b/.test(asciiKey(label));
    this.group = this.base.map((c) => {
      if (c.period !== null) return c;
      const header = `${c.header} (${label})`;
      const found = this.all.find((x) => x.header === header);
      if (found) return found;
      const made: IndicatorColumn = {
        ...c,
        header,
        kind: byWhen ? "target" : (c.kind ?? named.kind),
        schoolYear: named.schoolYear,
        year: named.year,
        period: named.period,
      };
      this.all.push(made);
      return made;
    });
  }
  current(): IndicatorColumn[] {
    return this.group ?? this.base;
  }
  finish(rows: IndicatorDraft[]): IndicatorTable {
    const used = this.all.filter((c) => rows.some((r) => c.header in r.values));
    const columns = used.length > 0 ? used : this.base;
    for (const r of rows) for (const c of columns) if (!(c.header in r.values)) r.values[c.header] = null;
    return { columns, rows };
  }
}

interface Acc {
  ref: number;
  pre: string[];
  main: string;
  post: string[];
  line: Line;
  guessed: boolean;
}

/**
 * A scan: one numbered line per row, the name's other lines above or below it, the values at the end
 * of the numbered line (or, for a row printed taller than its neighbours, on a line of its own).
 */
function scannedRows(lines: Line[], headerIdx: number, columns: IndicatorColumn[], warnings: Warning[]) {
  const rows: Acc[] = [];
  let expected = 1;
  let pending: string[] = [];
  for (let i = headerIdx + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text.replace(/\t/g, " ").trim();
    if (!t) continue;
    if (/^(ket ?qua|nam hoc|\d{4}\s*-\s*\d{4})/.test(l.key) || HEADER.test(l.key)) continue;
    if (END.test(l.key)) break;
    const m = /^([0-9oO]{1,2})\s*[|]?\s+(.*)$/.exec(t);
    let num = m ? Number((m[1] as string).replace(/[oO]/g, "0")) : Number.NaN;
    let guessed = false;
    if (m && (num > expected + 2 || num < expected) && /\d/.test(m[2] as string)) {
      num = expected; // a misread row number ("99" for 22) in the middle of the run
      guessed = true;
    }
    if (m && num >= expected && num <= expected + 2) {
      expected = gapWarnings(warnings, expected, num, l);
      rows.push({ ref: num, pre: pending, main: m[2] as string, post: [], line: l, guessed });
      pending = [];
      continue;
    }
    const last = rows[rows.length - 1];
    if (last && openBracket([...last.pre, last.main, ...last.post].join(" "))) {
      last.post.push(t); // the rest of a bracketed note
      continue;
    }
    const lastFull = last && numberTokens(last.main.split(/%/)[1] ?? "").length === 2;
    if (/^[A-ZĐ]/u.test(t) && last && !/^[A-ZĐ][a-z]{0,3}[,.]?$/u.test(t)) pending.push(t);
    else if (lastFull && /\d+[.,]\d+/.test(t))
      pending.push(t); // a value of the next row, printed above it
    else if (last) last.post.push(t);
    else pending.push(t);
  }
  if (pending.length > 0) rows[rows.length - 1]?.post.push(...pending);
  return rows.map((r) => scannedRow(r, columns, warnings));
}

function scannedRow(r: Acc, columns: IndicatorColumn[], warnings: Warning[]): IndicatorDraft {
  const all = [...r.pre, r.main, ...r.post].join(" ");
  const unit = normaliseUnit(all);
  // values: after the unit marker on the numbered line, else its last numbers, else decimals nearby
  const marker = r.main.search(/%|\bX[a-zà-ỹ0-9]?,|\bSinh\b/u);
  const after =
    marker >= 0 ? numberTokens(r.main.slice(marker)).map((n) => ({ ...n, index: n.index + marker })) : [];
  let picked =
    after.length >= 1 ? after.slice(0, columns.length) : numberTokens(r.main).slice(-columns.length);
  if (picked.length < columns.length) {
    const extra = [...r.pre, ...r.post].flatMap((s) => numberTokens(s).filter((n) => /[.,]/.test(n.raw)));
    picked = [...picked, ...extra.map((e) => ({ ...e, index: r.main.length }))].slice(0, columns.length);
  }
  const cut = Math.min(marker >= 0 ? marker : r.main.length, picked[0]?.index ?? r.main.length);
  const lastInMain = picked.filter((p) => p.index < r.main.length).pop();
  const tail = lastInMain ? r.main.slice(lastInMain.index + lastInMain.raw.length) : "";
  const { name, note } = nameAndNote(r, cut, tail);
  const read = picked.map((p) => readIndicatorValue(p.raw, unit));
  if (r.guessed)
    warnings.push({
      code: "ROW_NUMBER_GUESSED",
      message: `Số thứ tự dòng đọc không rõ («${r.main.slice(0, 40)}…»), coi là dòng ${r.ref}.`,
      where: `dòng ${r.line.n}`,
    });
  return rowOf(String(r.ref), name, unit, columns, read, note, r.line, warnings);
}

/**
 * The row's name from its lines (scan debris — lines of marks and stray letters — left out) and its
 * note: a bracketed remark, possibly over several lines and interleaved with the name's last words
 * ("17,1 (sáp nhập trường MN Hoa Ban và …)"): on a line inside the bracket, the leading lower-case words
 * continue the name, the rest is the note.
 */
function nameAndNote(r: Acc, cut: number, tail: string) {
  const name: string[] = [];
  const note: string[] = [];
  let inNote = false;
  const take = (segment: string, isName: boolean) => {
    let rest = segment;
    if (inNote && isName) {
      const lead = /^[^\p{Lu}()]*/u.exec(rest)?.[0] ?? "";
      name.push(lead);
      rest = rest.slice(lead.length);
    }
    if (!inNote) {
      const open = rest.indexOf("(");
      if (open < 0) {
        if (isName) name.push(rest);
        return;
      }
      if (isName) name.push(rest.slice(0, open));
      rest = rest.slice(open + 1);
      inNote = true;
    }
    const close = rest.indexOf(")");
    note.push(close >= 0 ? rest.slice(0, close) : rest);
    if (close >= 0) {
      inNote = false;
      if (isName) take(rest.slice(close + 1), true);
    }
  };
  for (const p of r.pre) take(p, true);
  name.push(r.main.slice(0, cut));
  take(tail, false);
  for (const p of r.post) take(p, true);
  const words = (s: string) => (s.match(/\p{L}{3,}/gu) ?? []).length;
  const cleanName = name
    .filter((s) => words(s) > 0 && !/^[\d.,\s]+$/.test(s))
    .join(" ")
    .replace(/[()]/g, " ")
    .replace(/\b(?:Xa|Xã|X4|X3),?\s*(?:phuong|phường)?(?=\s|$)/gu, " ")
    .replace(/\bSinh$/u, " ")
    .replace(/\s+/g, " ")
    .trim();
  const noteText = note.join(" ").replace(/\s+/g, " ").trim();
  return { name: cleanName, note: words(noteText) > 0 ? noteText : null };
}

function openBracket(s: string): boolean {
  return s.lastIndexOf("(") > s.lastIndexOf(")");
}

/** The unit a row is counted in: a rate (%), communes/wards, students per ten thousand people. */
function normaliseUnit(s: string): string | null {
  const key = asciiKey(s);
  if (key.includes("%")) return "%";
  if (/\bx[a-z0-9]?,/.test(key) && /phuong/.test(key)) return "Xã, phường";
  if (/van\s*dan/.test(key)) return "Sinh viên/vạn dân";
  const trimmed = s.trim();
  return trimmed && trimmed.length <= 40 ? trimmed : null;
}

function rowOf(
  ref: string,
  name: string,
  unit: string | null,
  columns: IndicatorColumn[],
  read: ReadValue[],
  note: string | null,
  line: Line,
  warnings: Warning[],
): IndicatorDraft {
  const values: Record<string, number | null> = {};
  const raw: Record<string, string | null> = {};
  columns.forEach((c, i) => {
    values[c.header] = read[i]?.value ?? null;
    raw[c.header] = read[i]?.raw ?? null;
  });
  const missing = columns.filter((c) => values[c.header] === null).map((c) => c.header);
  if (missing.length > 0)
    warnings.push({
      code: "VALUE_MISSING",
      message: `Chỉ tiêu ${ref} («${name.slice(0, 60)}»): không đọc được giá trị cột ${missing.join(", ")}.`,
      where: `dòng ${line.n}`,
    });
  for (const v of read)
    if (v.doubt && v.value !== null)
      warnings.push({
        code: "VALUE_SUSPICIOUS",
        message: `Chỉ tiêu ${ref}: ${v.doubt} — hãy đối chiếu với bản gốc.`,
        where: `dòng ${line.n}`,
      });
  return { ref, name, unit, values, raw, note, line: line.n, text: line.text };
}

/** Numbers skipped between the previous row and this one: each is a ROW_MISSING warning. */
function gapWarnings(warnings: Warning[], expected: number, num: number, l: Line): number {
  for (let missing = expected; missing < num; missing++)
    warnings.push({
      code: "ROW_MISSING",
      message: `Bảng chỉ tiêu thiếu dòng số ${missing} (giữa dòng ${missing - 1} và dòng ${num}; có thể mất khi quét hoặc chuyển đổi).`,
      where: `trước dòng ${l.n}`,
    });
  return Math.max(expected, num + 1);
}

function unread(warnings: Warning[], l: Line, why: string) {
  warnings.push({
    code: "ROW_UNUSED",
    message: `Dòng của bảng chỉ tiêu không đọc được (${why}): «${l.text.replace(/\t/g, " | ").slice(0, 120)}».`,
    where: `dòng ${l.n}`,
  });
}
