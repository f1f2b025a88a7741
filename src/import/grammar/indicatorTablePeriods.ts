import { asciiKey } from "../../domain/text.ts";

/**
 * What one value column of an indicator table holds, read from its header: results or targets, and
 * the period it names. "Kết quả năm học 2024-2025" → the results of school year 2024–2025 (period
 * 2024SY); "Chỉ tiêu năm học 2025-2026" → the targets for school year 2025–2026 (2025SY); "Kế hoạch năm
 * 2026" → the targets for the calendar year 2026 (period 2026). A header that names no kind or no
 * period is kept with `kind`/`period` null: the reviewer says what it is, nothing is guessed.
 */
export interface IndicatorColumn {
  /** The header as shown to the reviewer and used as the key of each row's values. */
  header: string;
  kind: "result" | "target" | null;
  /** "2024-2025" for a school year; null for a calendar year or none. */
  schoolYear: string | null;
  /** The calendar year, or the year a school year ends in (what a target is due by). */
  year: number | null;
  /** Reporting period code (domain/periods.ts): "2024SY" or "2026"; null when the header names none. */
  period: string | null;
}

const RESULT = /\b(ket ?qua|thuc hien|uoc (?:thuc hien|dat)|uoc th|hien trang)\b/;
const TARGET = /\b(chi ?tieu|ke ?hoach|muc ?tieu|phan dau)\b/;

/** One header text → one column (used for a well-formed header cell). */
export function columnOfHeader(header: string): IndicatorColumn {
  const key = asciiKey(header);
  const kind = RESULT.test(key) ? "result" : TARGET.test(key) ? "target" : null;
  const found = yearsIn(key)[0] ?? null;
  return { header: header.replace(/\s+/g, " ").trim(), kind, ...(found ?? noPeriod) };
}

const noPeriod = { schoolYear: null, year: null, period: null };

/**
 * The years a header names, in order: "2024-2025" / "2024 - 2025" / "2024–2025" after "năm học" (or
 * two consecutive years) is a school year; a lone "năm 2026" / "2026" a calendar year. Two years that
 * are not consecutive ("2021-2025") are a span, not a period of their own.
 */
function yearsIn(key: string): { schoolYear: string | null; year: number | null; period: string | null }[] {
  const out: { schoolYear: string | null; year: number | null; period: string | null }[] = [];
  const re = /\b((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?\b/g;
  for (const m of key.matchAll(re)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : null;
    if (to !== null && to === from + 1)
      out.push({ schoolYear: `${from}-${to}`, year: to, period: `${from}SY` });
    else if (to === null) out.push({ schoolYear: null, year: from, period: String(from) });
    else out.push({ schoolYear: null, year: to, period: null });
  }
  return out;
}

/**
 * The value columns of a table whose header came apart (a scan puts "Kết quả | Chỉ tiêu" on one line
 * and "2024-2025 | 2025-2026" on another): the kinds and the years are read in order over the whole
 * header block, after the name columns ("TT", "Chỉ tiêu", "Đơn vị") are taken out, and paired.
 * `count` is how many value columns the rows carry.
 */
export function columnsOfHeaderBlock(block: string, count = 2): IndicatorColumn[] {
  const key = asciiKey(block)
    .replace(/\|/g, " ")
    .replace(/\bs?tt\b\s*(?:chi ?tieu|noi dung|ten chi tieu)\b/g, " ")
    .replace(/\b[dp]on ?vi(?: tinh)?\b/g, " ");
  const kinds = [...key.matchAll(new RegExp(`${RESULT.source}|${TARGET.source}`, "g"))].map((m) =>
    RESULT.test(m[0]) ? ("result" as const) : ("target" as const),
  );
  const years = yearsIn(key);
  const n = Math.max(count, Math.min(kinds.length, years.length));
  const columns: IndicatorColumn[] = [];
  for (let i = 0; i < n; i++) {
    const kind = kinds.length === years.length || kinds.length >= n ? (kinds[i] ?? null) : null;
    const when = years.length >= n || years.length === kinds.length ? (years[i] ?? noPeriod) : noPeriod;
    columns.push({ header: headerText(kind, when, i), kind, ...when });
  }
  return columns;
}

function headerText(
  kind: IndicatorColumn["kind"],
  when: { schoolYear: string | null; year: number | null },
  i: number,
): string {
  const what = kind === "result" ? "Kết quả" : kind === "target" ? "Chỉ tiêu" : `Cột giá trị ${i + 1}`;
  if (when.schoolYear) return `${what} năm học ${when.schoolYear}`;
  if (when.year) return `${what} năm ${when.year}`;
  return what;
}
