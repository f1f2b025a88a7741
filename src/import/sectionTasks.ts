import { parseTimeframe, type TimeframeOptions } from "../domain/timeframe.ts";
import { splitBodies } from "./bodies.ts";
import type { SectionCoverage, TaskDraft } from "./draft.ts";
import type { Line } from "./lines.ts";

/** "Cơ quan chủ trì", "Đơn vị chủ trì thực hiện", "Chủ trì thực hiện", "Đơn vị thực hiện". */
const LEAD =
  /^(?:[-–]\s*)?(?:\d\.\s*)?(?:[a-zđ]\)\s*)?(?:(?:co quan|don vi)\s+(?:chu tri|thuc hien)|chu tri thuc hien)\b/;
const SUPPORT = /^(?:[-–]\s*)?(?:\d\.\s*)?(?:[a-zđ]\)\s*)?(?:co quan|don vi)\s+phoi hop\b/;
const TIME = /^(?:[-–]\s*)?(?:\d\.\s*)?(?:thoi gian|thoi han)\s+(?:thuc hien|hoan thanh)\b/;
const ITEM = /^(?:\((\d{1,2})\)|([a-zđ])\))\s+(\S.*)$/u;
const SECTION = /^(?:[IVX]{1,4}|[A-D])\s*[-.]\s+\S/u;

interface Pending {
  ref: string;
  text: string;
  line: number;
}

function valueAfterColon(text: string): string {
  const i = text.indexOf(":");
  return i >= 0 ? text.slice(i + 1).trim() : "";
}

/** "Văn phòng UBND tỉnh chủ trì, phối hợp với …" → the lead part only. */
function leadPart(text: string): string {
  return text
    .replace(/\s+chủ trì(?=[\s,.;:]|$).*$/iu, "")
    .replace(/\.$/, "")
    .trim();
}

/**
 * Sections that carry their own "Cơ quan chủ trì:" / "Thời gian thực hiện:" lines: the items "a) …" or
 * "(1) …" before them are tasks led by the first body named, due when the time line says. Items whose
 * section never names a lead or a time are contents, not tasks.
 */
export function extractSectionTasks(
  lines: Line[],
  opts: TimeframeOptions = {},
  cov?: SectionCoverage,
): TaskDraft[] {
  const out: TaskDraft[] = [];
  let section = "";
  let items: Pending[] = [];
  let lead: string[] = [];
  let support: string[] = [];
  let time = "";
  let mode: "lead" | "support" | null = null;
  let assigned = false;
  let sub = "";
  let sectionDue: string | null = null;
  const flush = () => {
    if (assigned && (lead.length > 0 || time)) {
      if (cov) {
        cov.seen += items.length;
        cov.used += items.length;
      }
      for (const it of items) {
        out.push({
          ref: it.ref,
          group: section || null,
          groupTitle: null,
          title: it.text,
          lead: [...new Set(lead)],
          support: [...new Set(support)],
          timeframe: time
            ? parseTimeframe(time, opts)
            : { ...parseTimeframe("Thường xuyên", opts), text: "" },
          product: null,
          note: null,
          source: "duties",
          line: it.line,
        });
      }
    }
    items = [];
    lead = [];
    support = [];
    time = "";
    mode = null;
    assigned = false;
  };
  for (const l of lines) {
    if (!l.text) continue;
    const k = l.key;
    if (/^([a-d]|[ivx]+)\s*[.-]\s*to chuc thuc hien|^(noi nhan|tren day la)/.test(k)) break;
    if (SECTION.test(l.text)) {
      flush();
      section = /^([IVX]{1,4}|[A-D])/u.exec(l.text)?.[1] ?? "";
      sub = "";
      // "C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM TỪ NAY ĐẾN NĂM 2015": its numbered paragraphs are tasks
      const due = /(?:nhiem vu|giai phap|noi dung).*\bden nam\s+(\d{4})\s*$/.exec(k);
      sectionDue = due ? `Năm ${due[1]}` : null;
      continue;
    }
    if (LEAD.test(k)) {
      mode = "lead";
      assigned = true;
      // "Đơn vị chủ trì: X; Đơn vị phối hợp: Y" on one line
      const [leadText, supportText] = valueAfterColon(l.text).split(
        /;\s*(?=(?:Đơn vị|Cơ quan)\s+phối hợp)/iu,
      );
      const v = leadText ?? "";
      if (v) lead.push(...splitBodies(leadPart(v)));
      if (supportText) support.push(...splitBodies(valueAfterColon(supportText).replace(/\.$/, "")));
      if (/\bphoi hop\b/.test(k.split(":")[0] ?? "") && !v) mode = "lead";
      continue;
    }
    if (SUPPORT.test(k)) {
      mode = "support";
      const v = valueAfterColon(l.text);
      if (v) support.push(...splitBodies(v));
      continue;
    }
    if (TIME.test(k)) {
      assigned = true;
      time = valueAfterColon(l.text) || time;
      mode = null;
      continue;
    }
    const bullet = /^[-–]\s+(.+)$/u.exec(l.text);
    if (bullet && mode) {
      const names = splitBodies((bullet[1] as string).replace(/\.$/, ""));
      (mode === "lead" ? lead : support).push(...names);
      continue;
    }
    const item = ITEM.exec(l.text);
    if (item || bullet) {
      if (assigned) flush();
      mode = null;
      const mark = item ? (item[1] ? `(${item[1]})` : `${item[2]}`) : `-${items.length + 1}`;
      const ref = `${section ? `${section}.` : ""}${sub ? `${sub}.` : ""}${mark}`;
      items.push({ ref, text: ((item ? item[3] : bullet?.[1]) ?? "").trim(), line: l.n });
      continue;
    }
    const subHead = /^(\d{1,2})\.\s+\S/.exec(l.text);
    if (subHead && sectionDue && /[.;]$/.test(l.text) && l.text.length > 60) {
      if (cov) {
        cov.seen++;
        cov.used++;
      }
      out.push({
        ref: `${section}.${subHead[1]}`,
        group: section,
        groupTitle: null,
        title: l.text.replace(/^\d{1,2}\.\s+/, ""),
        lead: [],
        support: [],
        timeframe: parseTimeframe(sectionDue, opts),
        product: null,
        note: null,
        source: "duties",
        line: l.n,
      });
      continue;
    }
    if (subHead) sub = subHead[1] as string;
    if (subHead) flush(); // items before a new numbered part without a lead line were contents
  }
  flush();
  return out;
}
