import { asciiKey } from "../domain/text.ts";
import type { IndicatorDraft, Warning } from "./draft.ts";
import { type Line, parseDecimal } from "./lines.ts";

const HEADER = /^(s?tt)\b.*\bchi tieu\b/;

function parseValue(token: string): number | null {
  return parseDecimal(token.replace(/[^\d.,]/g, ""));
}

/**
 * Indicator appendix (TT | Chỉ tiêu | Đơn vị | value columns), also from a scan whose columns and
 * diacritics were lost: rows are found by their numbers; a name cut over several lines is joined;
 * a gap in the numbering is reported.
 */
export function extractIndicators(lines: Line[], warnings: Warning[]): IndicatorDraft[] {
  const headerIdx = lines.findIndex((l) => HEADER.test(l.key.replace(/\t/g, " ")));
  if (headerIdx < 0) return [];
  const headerBlock = lines
    .slice(Math.max(0, headerIdx - 3), headerIdx + 3)
    .map((l) => l.key)
    .join(" ");
  const years = [...headerBlock.matchAll(/(\d{4})\s*-\s*(\d{4})/g)].map((m) => `${m[1]}-${m[2]}`);
  const columns =
    years.length >= 2
      ? [`Kết quả năm học ${years[0]}`, `Chỉ tiêu năm học ${years[1]}`]
      : ["Giá trị 1", "Giá trị 2"];

  interface Acc {
    ref: number;
    pre: string[];
    main: string;
    post: string[];
    line: number;
    guessed: boolean;
  }
  const rows: Acc[] = [];
  let expected = 1;
  let pendingPrefix: string[] = [];
  for (let i = headerIdx + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    const t = l.text.replace(/\t/g, " ").trim();
    if (!t) continue;
    if (
      /^(ket ?qua|nam hoc|\d{4}\s*-\s*\d{4}|s?tt\b.*chi tieu)/.test(l.key) ||
      (HEADER.test(l.key) && i > headerIdx)
    )
      continue;
    if (/^(noi nhan|tm\.|kt\.|chu tich)/.test(l.key)) break;
    const m = /^([0-9oO]{1,2})\s*[|]?\s+(.*)$/.exec(t);
    let num = m ? Number((m[1] as string).replace(/[oO]/g, "0")) : Number.NaN;
    let guessed = false;
    if (m && (num > expected + 2 || num < expected) && /\d/.test(m[2] as string)) {
      // a misread row number ("99" for 22) in the middle of the run
      num = expected;
      guessed = true;
    }
    if (m && Number.isFinite(num) && num >= expected && num <= expected + 2) {
      for (let missing = expected; missing < num; missing++) {
        warnings.push({
          code: "ROW_MISSING",
          message: `Bảng chỉ tiêu thiếu dòng số ${missing} (có thể mất khi quét hoặc chuyển đổi).`,
          where: `trước dòng ${l.n}`,
        });
      }
      rows.push({ ref: num, pre: pendingPrefix, main: m[2] as string, post: [], line: l.n, guessed });
      pendingPrefix = [];
      expected = num + 1;
      continue;
    }
    // a line without a row number: the start of the next row's name (capitalised), or the rest of this one
    const last = rows[rows.length - 1];
    const lastFull = last && (last.main.split(/%/)[1] ?? "").match(/\d+(?:[.,]\d+)?/g)?.length === 2;
    if (/^[A-ZĐ]/u.test(t) && last && !/^[A-ZĐ][a-z]{0,3}[,.]?$/u.test(t)) pendingPrefix.push(t);
    else if (lastFull && /\d+[.,]\d+/.test(t))
      pendingPrefix.push(t); // a value of the next row, printed above it
    else if (last) last.post.push(t);
    else pendingPrefix.push(t);
  }
  if (pendingPrefix.length > 0) rows[rows.length - 1]?.post.push(...pendingPrefix);

  const NUMBER = /(?<![\w,.])\d+(?:[.,]\d+)?(?!\w)/gu;
  const numbersIn = (s: string) => [...s.matchAll(NUMBER)].map((m) => ({ raw: m[0], index: m.index ?? 0 }));
  return rows.map((r) => {
    const all = [...r.pre, r.main, ...r.post].join(" ").replace(/\s+/g, " ").trim();
    const key = asciiKey(all);
    const unit = key.includes("%")
      ? "%"
      : /\bx[a-z0-9]?,/.test(key) && /phuong/.test(key)
        ? "Xã, phường"
        : /van\s*dan/.test(key)
          ? "Sinh viên/vạn dân"
          : null;
    // values: after the unit marker on the numbered line, else its last two numbers, else decimals nearby
    const marker = r.main.search(/%|\bX[a-zà-ỹ0-9]?,/u);
    const afterMarker =
      marker >= 0 ? numbersIn(r.main.slice(marker)).map((n) => ({ ...n, index: n.index + marker })) : [];
    let picked = afterMarker.length >= 1 ? afterMarker.slice(0, 2) : numbersIn(r.main).slice(-2);
    if (picked.length < 2) {
      const extra = [...r.pre, ...r.post].flatMap((s) => numbersIn(s).filter((n) => /[.,]/.test(n.raw)));
      picked = [...picked, ...extra.map((e) => ({ ...e, index: r.main.length }))].slice(0, 2);
    }
    const values = picked.map((n) => parseValue(n.raw));
    const cut = picked[0] ? Math.min(marker >= 0 ? marker : r.main.length, picked[0].index) : r.main.length;
    const name = [...r.pre, r.main.slice(0, cut), ...r.post.filter((p) => !/^[\d.,\s]+$/.test(p))]
      .join(" ")
      .replace(/\b(?:Xa|Xã|X4|X3),?\s*(?:phuong|phường)?(?=\s|$)/gu, " ")
      .replace(/\s+/g, " ")
      .trim();
    const tail = marker >= 0 && picked[1] ? r.main.slice(picked[1].index + picked[1].raw.length).trim() : "";
    const note = tail || null;
    const byColumn: Record<string, number | null> = {};
    columns.forEach((c, i) => {
      byColumn[c] = values[i] ?? null;
    });
    if (r.guessed) {
      warnings.push({
        code: "ROW_NUMBER_GUESSED",
        message: `Số thứ tự dòng đọc không rõ, coi là ${r.ref}.`,
        where: `dòng ${r.line}`,
      });
    }
    if (values.length < 2) {
      warnings.push({
        code: "VALUE_MISSING",
        message: `Chỉ tiêu ${r.ref}: không đọc đủ hai giá trị.`,
        where: `dòng ${r.line}`,
      });
    }
    for (const v of values) {
      if (unit === "%" && v !== null && v > 100) {
        warnings.push({
          code: "VALUE_SUSPICIOUS",
          message: `Chỉ tiêu ${r.ref}: giá trị ${v} % vượt 100 % — kiểm tra lại (có thể đọc sai dấu phẩy).`,
          where: `dòng ${r.line}`,
        });
      }
    }
    return { ref: String(r.ref), name, unit, values: byColumn, note, line: r.line };
  });
}
