import { asciiKey } from "./text.ts";

/**
 * The "Thời gian" column of a plan (DOMAIN.md §3): what is due, when. The original text is kept; what
 * is derived from it never replaces it. Matching is done on the unaccented key, so a scanned copy
 * that lost its diacritics reads the same.
 */
export type TimeframeKind = "deadline" | "recurring" | "continuous" | "window" | "pending";

export interface Milestone {
  label: string;
  due: string;
}

export interface Timeframe {
  text: string;
  kind: TimeframeKind;
  /** ISO date of the (first) deadline, or the end of a window; null when there is none. */
  due: string | null;
  milestones: Milestone[];
  /** For recurring frames: the quarter (1–4) or month (1–12) of each year in which it is due. */
  each?: { quarter?: number; month?: number };
  /** For windows: the first day. */
  from?: string;
  /** A deadline followed by continuous work ("Tháng 3/2026 và thường xuyên"). */
  thenContinuous?: boolean;
  /** Nothing in the text could be read: a person must set the date. */
  unparsed?: boolean;
}

export interface TimeframeOptions {
  /** Month and day a school year ends (default 31 May). */
  schoolYearEnd?: { month: number; day: number };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

export function endOfQuarter(year: number, quarter: number): string {
  return endOfMonth(year, quarter * 3);
}

function isoDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const QUARTER = String.raw`quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam|\/)\s*(\d{4}))?`;

// compiled once, not per cell (none has the g flag: exec keeps no state between calls)
const QUARTER_RE = new RegExp(QUARTER);
const MILESTONES = (
  [
    ["so ket", "Sơ kết"],
    ["tong ket", "Tổng kết"],
  ] as const
).map(([word, label]) => ({
  label,
  re: new RegExp(`${word}\\s+(?:(?:vao\\s+)?${QUARTER}|(?:vao\\s+|den\\s+)?nam\\s+(\\d{4}))`),
}));

function quarterNumber(token: string): number {
  return ROMAN[token] ?? Number(token);
}

/** The first dated expression in an unaccented, lower-case text, as an ISO date. */
function firstDate(k: string, opts: TimeframeOptions): string | null {
  let m = /(?:truoc\s+)?ngay\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/.exec(k);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/.exec(k);
  if (m) return isoDay(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /6\s+thang\s+dau\s+nam\s+(\d{4})/.exec(k);
  if (m) return `${m[1]}-06-30`;
  m = /6\s+thang\s+cuoi\s+nam\s+(\d{4})/.exec(k);
  if (m) return `${m[1]}-12-31`;
  m = /9\s+thang\s+(?:dau\s+)?nam\s+(\d{4})/.exec(k);
  if (m) return `${m[1]}-09-30`;
  m = QUARTER_RE.exec(k);
  if (m?.[2]) return endOfQuarter(Number(m[2]), quarterNumber(m[1] as string));
  m = /thang\s+(\d{1,2})\s*(?:\/|nam)\s*(\d{4})/.exec(k);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return endOfMonth(Number(m[2]), Number(m[1]));
  m = /nam\s+hoc\s+(\d{4})\s*-\s*(\d{4})/.exec(k);
  if (m) {
    const end = opts.schoolYearEnd ?? { month: 5, day: 31 };
    return isoDay(Number(m[2]), end.month, end.day);
  }
  m = /(?:^|\s)(?:den\s+)?nam\s+(\d{4})\b/.exec(k);
  if (m) return `${m[1]}-12-31`;
  // a bare "6/2025" or "2025", as a time column often writes them
  m = /^(?:truoc\s+)?(\d{1,2})\s*\/\s*(\d{4})$/.exec(k);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return endOfMonth(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(k);
  if (m) return `${m[1]}-12-31`;
  return null;
}

const PENDING = [
  /^theo\s+(?:ke hoach|kh)\b/,
  /^sau\s+khi\s+co\b/,
  /^khi\s+co\b/,
  /^theo\s+(?:van ban|huong dan|chi dao|lo trinh|quy dinh|yeu cau)\b/,
  /^theo\s+tien\s+do\b/,
  /^chua\s+xac\s+dinh\b/,
  /^theo\s+de\s+nghi\b/,
  /^khi\s+(?:co|duoc)\s+yeu\s+cau\b/,
  /^dot\s+xuat\b/,
  // "Theo Điều 17 Nghị định …", "Theo các mốc thời gian tại Quyết định …": the dates are another document's
  /^theo\s+(?:dieu|khoan|cac\s+moc|moc|nghi\s+dinh|thong\s+tu|quyet\s+dinh|phuong\s+an|phan\s+cong)\b/,
  /^sau\s+\d{1,3}\s+(?:ngay|thang|nam)\s+(?:ke\s+)?tu\s+khi\b/,
];

/**
 * Several months or quarters of one year in one cell ("Tháng 11, 12/2013", "Quý I, II năm 2026"): one
 * milestone each, the first is the due date.
 */
function severalDates(k: string): Milestone[] | null {
  const mo = /^(?:trong\s+)?thang\s+((?:\d{1,2}\s*,\s*)+\d{1,2})\s*(?:\/|nam)\s*(\d{4})/.exec(k);
  if (mo) {
    const months = (mo[1] as string).split(",").map((x) => Number(x.trim()));
    if (months.every((x) => x >= 1 && x <= 12))
      return months.map((x) => ({ label: `Tháng ${x}/${mo[2]}`, due: endOfMonth(Number(mo[2]), x) }));
  }
  const q =
    /^(?:trong\s+)?quy\s+((?:(?:iv|iii|ii|i|[1-4])\s*(?:,|va)\s*)+(?:iv|iii|ii|i|[1-4]))\s*(?:\/|nam)\s*(\d{4})/.exec(
      k,
    );
  if (q) {
    const quarters = (q[1] as string).split(/\s*(?:,|va)\s*/).map((x) => quarterNumber(x.trim()));
    return quarters.map((x) => ({ label: `Quý ${x}/${q[2]}`, due: endOfQuarter(Number(q[2]), x) }));
  }
  return null;
}

/** Reads one time-frame text. Never throws; an unreadable text is "pending" and marked unparsed. */
export function parseTimeframe(raw: string, opts: TimeframeOptions = {}): Timeframe {
  const text = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  const k = asciiKey(text);
  const base = { text, milestones: [] as Milestone[] };
  if (k === "") return { ...base, kind: "pending", due: null, unparsed: true };

  const milestones: Milestone[] = [];
  for (const { label, re } of MILESTONES) {
    const m = re.exec(k);
    if (m) {
      const due = m[2]
        ? endOfQuarter(Number(m[2]), quarterNumber(m[1] as string))
        : m[3]
          ? `${m[3]}-12-31`
          : null;
      if (due) milestones.push({ label, due });
    }
  }

  const several = severalDates(k);
  if (several) return { ...base, kind: "deadline", due: several[0]?.due ?? null, milestones: several };

  // "Từ năm 2013 đến năm 2020 (và tiếp theo)", "2024 - 2030": a window
  const span =
    /^(?:tu\s+)?(?:nam\s+)?(\d{4})\s*(?:-|–|den\s+(?:het\s+)?(?:nam\s+)?)\s*(\d{4})\b/.exec(k) ??
    /^tu\s+nam\s+(\d{4})\s+den\s+(?:het\s+)?nam\s+(\d{4})/.exec(k);
  if (span && Number(span[1]) < Number(span[2])) {
    return { ...base, kind: "window", from: `${span[1]}-01-01`, due: `${span[2]}-12-31`, milestones };
  }
  // "Từ tháng 11/2013 trở đi", "Bắt đầu thực hiện từ năm 2026": continuing from a date
  if (
    /^tu\s+(?:thang|quy|nam|ngay)\b.*\b(?:tro di|den nay)\b/.test(k) ||
    /^bat\s+dau\s+(?:thuc\s+hien\s+)?tu\s+(?:thang|quy|nam|ngay)\b/.test(k)
  ) {
    return { ...base, kind: "continuous", due: null, milestones };
  }
  // "Tháng 11, 12/2013 và bổ sung hàng năm": a dated deadline first, then yearly work
  const leadingDate = /^(?:xong\s+|hoan thanh\s+)?(?:trong\s+)?(?:thang|quy|ngay|truoc)\b[^a-z]*\d{4}/.test(
    k,
  );
  const periodic =
    /\bhang\s+nam\b|\bmoi\s+nam\b|\bhang\s+quy\b|\bdinh\s+ky\b|\b\d\s+thang\s+(?:mot\s+lan|\/\s*lan)|\b(?:cac|nhung)\s+nam\s+tiep\s+theo\b|^6\s+thang\s*(?:,|mot\s+lan|$)|\bhang\s+thang\b|\b(?:nam|thang|quy)\s+(?:truoc\s+)?lien\s+ke\b/.test(
      k,
    );
  if (periodic && !leadingDate) {
    const q = /quy\s+(iv|iii|ii|i|[1-4])\s+(?:hang|moi)\s+nam/.exec(k);
    const mo = /thang\s+(\d{1,2})\s+(?:hang|moi)\s+nam/.exec(k);
    const each = q ? { quarter: quarterNumber(q[1] as string) } : mo ? { month: Number(mo[1]) } : undefined;
    return { ...base, kind: "recurring", due: null, milestones, ...(each ? { each } : {}) };
  }

  if (PENDING.some((re) => re.test(k))) return { ...base, kind: "pending", due: null, milestones };

  const win = /giai\s+doan\s+(\d{4})\s*-\s*(\d{4})/.exec(k);
  if (win && !/thang|quy|ngay/.test(k)) {
    return { ...base, kind: "window", from: `${win[1]}-01-01`, due: `${win[2]}-12-31`, milestones };
  }

  const due = firstDate(k, opts);
  const continuous = /\bthuong\s+xuyen\b|\blien\s+tuc\b/.test(k);
  if (due)
    return { ...base, kind: "deadline", due, milestones, ...(continuous ? { thenContinuous: true } : {}) };
  if (continuous) return { ...base, kind: "continuous", due: null, milestones };
  return { ...base, kind: "pending", due: null, milestones, unparsed: true };
}
