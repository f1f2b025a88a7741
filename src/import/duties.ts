import { asciiKey } from "../domain/text.ts";
import { parseTimeframe, type Timeframe, type TimeframeOptions } from "../domain/timeframe.ts";
import { splitBodies, startsWithHead } from "./bodies.ts";
import type { SectionCoverage, TaskDraft, Warning } from "./draft.ts";
import type { Line } from "./lines.ts";

/** Deadlines stated precisely ("trong quý III năm 2012", "trước ngày 15/6/2026") win over a bare year. */
const PRECISE_HINT =
  /((?:trước|chậm nhất(?: đến| là)?|đến) ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|(?:trước|chậm nhất(?: đến| là)?|đến) ngày\s+\d{1,2} tháng \d{1,2} năm \d{4}|quý\s+[IV]+(?:\s+năm\s+\d{4}|\/\d{4})|tháng\s+\d{1,2}\/\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4})/iu;
const TIME_HINT =
  /(từ năm\s+\d{4}\s+đến(?: hết)? năm\s+\d{4}|năm\s+\d{4}\s*-\s*\d{4}|năm\s+\d{4}\s+và các năm tiếp theo|định kỳ hàng quý|\d\s+tháng một lần|hằng năm|hàng năm|thường xuyên|định kỳ|quý\s+[IV]+(?:\s+năm\s+\d{4}|\/\d{4})?|tháng\s+\d{1,2}\/\d{4}|năm\s+\d{4}|(?:trước|chậm nhất(?: đến| là)?|đến) ngày\s+\d{1,2}\/\d{1,2}\/\d{4}|(?:trước|chậm nhất(?: đến| là)?|đến) ngày\s+\d{1,2} tháng \d{1,2} năm \d{4})/iu;

/**
 * Dates that belong to something else than the duty's deadline: a cited document's date ("Kết luận số
 * 63-KL/TW ngày 27 tháng 5 năm 2013"), a vision or a planning period's horizon ("tầm nhìn đến năm 2050",
 * "thời kỳ 2021–2030"). A date is a deadline only after "trước", "chậm nhất", "đến".
 */
export function withoutCitedDates(text: string): string {
  return (
    text
      .replace(
        /(^|[^\p{L}])(?<!(?:trước|nhất|đến|hạn|nhất là)\s)ngày\s+\d{1,2}\s*(?:\/\s*\d{1,2}\s*\/|\s+tháng\s+\d{1,2}\s+năm)\s*\d{4}/giu,
        "$1",
      )
      .replace(/tầm nhìn đến năm\s+\d{4}/giu, "")
      // the year of a budget ("trong dự toán năm 2026") is not a deadline
      .replace(/dự toán(?: ngân sách)?(?: nhà nước)? năm\s+\d{4}/giu, "")
      .replace(/thời kỳ\s+\d{4}\s*[-–]\s*\d{4}/giu, "")
  );
}

/** The time frame a duty's own words give, or "continuous" (no date) marked as such. */
export function dutyTimeframe(text: string, opts: TimeframeOptions): Timeframe {
  const clean = withoutCitedDates(text);
  const periodicFirst = /^(?:hằng|hàng)\s+năm\b|^định kỳ\b/iu.test(clean);
  const hint = (periodicFirst ? null : PRECISE_HINT.exec(clean)?.[0]) ?? TIME_HINT.exec(clean)?.[0];
  const tf = hint ? parseTimeframe(hint, opts) : null;
  return tf && !tf.unparsed ? tf : { ...parseTimeframe("Thường xuyên", opts), text: "" };
}

/** Headings under "Tổ chức thực hiện" that are not bodies: money, reporting, effect. */
const NOT_A_BODY =
  /^(kinh phi|nguon kinh phi|che do|bao cao|thong tin|dieu khoan|hieu luc|khen thuong|kiem tra|so ket|tong ket|to chuc thuc hien|thoi gian thuc hien)/;

/** A heading that names a set of bodies whose sub-headings name one each ("Đối với Ủy ban nhân dân các cấp"). */
const GROUP_HEADING = /^(doi voi|trach nhiem cua)\b/;

/** The body a heading names: "Đề nghị", "Đối với", "Trách nhiệm của" dropped, a trailing colon cut. */
export function bodyOfHeading(name: string): { body: string; rest: string } {
  let body = name.replace(/^(?:Đề nghị|Đối với|Trách nhiệm của|Giao)\s+/iu, "").trim();
  let rest = "";
  const colon = body.indexOf(":");
  if (colon >= 0) {
    rest = body.slice(colon + 1).trim();
    body = body.slice(0, colon).trim();
  }
  return { body: body.replace(/[.;]$/, "").trim(), rest };
}

/** A paragraph that starts with its body: "Đề nghị Ủy ban … chủ trì, phối hợp …" → the body and the duty. */
const VERB =
  /\s(chu tri|phoi hop|thuc hien|to chuc|co trach nhiem|chi dao|tham muu|can cu|xay dung|huong dan|trien khai|tuyen truyen|bam sat|tong hop|ra soat|theo doi|don doc|bo tri|dam bao|chiu trach nhiem|phat dong|nghien cuu|la co quan|la don vi|thanh lap|tham dinh|phe duyet|lap)(?=[\s,.;:]|$)/;

/** One unaccented lower-case character per character of s, so a match's index is an index into s. */
function charKey(s: string): string {
  return [...s].map((c) => (c.length === 1 ? asciiKey(c) || " " : c)).join("");
}

/** Where the body at the start of a paragraph ends: before its first verb, else before its first comma. */
export function verbAt(text: string): number {
  const v = VERB.exec(charKey(text));
  return v && v.index < 120 ? v.index : -1;
}

export function bodyEnd(text: string): number {
  const v = verbAt(text);
  if (v > 3) return v;
  const comma = text.search(/[,;]/);
  return comma > 3 && comma < 80 ? comma : -1;
}

/**
 * Joins hard-wrapped lines (a scan or pdftotext) into their paragraph: a line that opens with no item
 * marker, after a line that does not end a sentence and with no blank line between.
 */
function joinWrapped(lines: Line[]): Line[] {
  const out: Line[] = [];
  let prevBlank = true;
  for (const l of lines) {
    const last = out[out.length - 1];
    if (!l.text) {
      prevBlank = true;
      out.push(l);
      continue;
    }
    const marker = HEAD.test(l.text) || ITEM.test(l.text) || /^[IVX]{1,4}\s*[-.]/u.test(l.text);
    // a short heading ("3. Bộ Xây dựng") is followed by its own paragraph, which opens with a capital
    const afterHeading =
      last !== undefined && (HEAD.test(last.text) || isLetterBody(last.text)) && /^[A-ZĐÀ-Ỹ]/u.test(l.text);
    if (
      !prevBlank &&
      last?.text &&
      !marker &&
      !afterHeading &&
      !/[.:;!?]$/.test(last.text) &&
      !l.text.includes("\t")
    ) {
      out[out.length - 1] = { ...last, text: `${last.text} ${l.text}`, key: `${last.key} ${l.key}` };
    } else out.push(l);
    prevBlank = false;
  }
  return out;
}

const ARTICLE_CHARGE = /^Điều\s+(\d{1,2})\.\s+Giao\s+(.{3,120}?)[:.]?$/u;

/** The line that opens the duties: "Tổ chức thực hiện", "Phân công nhiệm vụ" (alone or closing a Roman heading), or a directive's "… các nhiệm vụ sau đây:". */
function opensDuties(l: Line): boolean {
  const k = l.key.replace(/['’`]/g, "").replace(/[*#:.\s]+$/, "");
  const named = /(to chuc thuc hien|phan cong nhiem vu)$/.test(k);
  return (
    (named && (k.length < 40 || /^[ivx]{1,4}\s*[-.]\s/.test(k))) ||
    /(nhiem vu sau(?: day)?|chi thi|yeu cau)\s*:$/.test(l.key) ||
    // a decision's article that charges one body: "Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo"
    ARTICLE_CHARGE.test(l.text)
  );
}

/** The source line number where the duties open, or null when the plan has none. */
export function dutiesStart(lines: Line[]): number | null {
  return lines.find(opensDuties)?.n ?? null;
}

/**
 * "a) Các sở, ban, ngành, địa phương" / "c) Bộ Chỉ huy quân sự tỉnh chỉ đạo …" followed by its "-" duties or
 * its paragraph: a letter item that names a body and ends without a full stop heads that body's duties.
 */
export function letterBodyHeading(text: string, next: string): string | null {
  const m = /^[a-zđ]\)\s+(.+)$/u.exec(text);
  if (!m) return null;
  const name = (m[1] as string).replace(/^Đề nghị\s+/iu, "").trim();
  if (!startsWithHead(name) || /[.;]$/.test(name) || name.length > 160) return null;
  if (!next || /^[a-zđ]\)\s/u.test(next) || HEAD.test(next) || /^[IVX]{1,4}\s*[-.]/u.test(next)) return null;
  const cut = verbAt(name); // a comma here lists bodies ("Các sở, ban, ngành, địa phương"), it does not end one
  return (cut > 3 ? name.slice(0, cut) : name).replace(/:$/, "").trim();
}

/** The body a duty opens with, before its verb ("Công an tỉnh tham mưu …", "Đề nghị Bộ Tư lệnh … tham mưu …"). */
function ownBody(text: string): string | null {
  const own = text.replace(/^(?:Đề nghị|Giao)\s+/iu, "");
  if (!startsWithHead(own)) return null;
  const v = verbAt(own);
  return v > 3 ? own.slice(0, v).trim() : null;
}

/** "b) Công an tỉnh" — a letter item that names a body and does not end a sentence or a clause. */
function isLetterBody(text: string): boolean {
  const m = /^[a-zđ]\)\s+(.+)$/u.exec(text);
  return m !== null && startsWithHead((m[1] as string).replace(/^Đề nghị\s+/iu, "")) && !/[.;:,]$/.test(text);
}

interface Body {
  ref: string;
  name: string;
  /** The body's one duty was on its heading line: a paragraph after it is closing prose. */
  oneLine?: boolean;
}

const HEAD = /^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(.{2,})$/u;
const ITEM = /^(?:[-–•+*]|[a-zđ]\))\s+(.+)$/u;

/**
 * When a plan has no task table, its duties are listed per body under "Tổ chức thực hiện" (or "Phân công
 * nhiệm vụ"): "1. Phòng Văn hóa - Xã hội" followed by "-", "*", "+" bullets or "a)" items, or by one
 * paragraph; "2. Văn phòng UBND tỉnh: Phối hợp …" on one line; two levels ("1. Đối với Ủy ban nhân dân
 * các cấp" / "1.1. Ủy ban nhân dân Thành phố:"). Each duty is led by the body that heads it. Items under
 * a heading that is not a body ("7. Kinh phí thực hiện") are reported, not dropped.
 */
export function extractDuties(
  allLines: Line[],
  warnings: Warning[],
  opts: TimeframeOptions = {},
  cov?: SectionCoverage,
): TaskDraft[] {
  let lines = allLines;
  const at = lines.findIndex(opensDuties);
  if (at < 0) return [];
  const start = 0;
  lines = [lines[at] as Line, ...joinWrapped(lines.slice(at + 1))];
  const out: TaskDraft[] = [];
  // "Điều 2. Giao Giám đốc Sở X" + "1. …", "2. …": every numbered item is that body's, up to the next article
  const charge = ARTICLE_CHARGE.exec((lines[0] as Line).text);
  const charged: Body | null = charge
    ? { ref: `Điều ${charge[1]}`, name: bodyOfHeading(charge[2] as string).body }
    : null;
  let body: Body | null = charged;
  let skipped: string | null = null;
  let plusParent: TaskDraft | null = null;
  let groupRef: string | null = null;
  let k = 0;
  const push = (b: Body, text: string, line: Line) => {
    if (cov) {
      cov.seen++;
      cov.used++;
    }
    k++;
    out.push({
      ref: `${b.ref}.${k}`,
      group: b.ref,
      groupTitle: b.name,
      title: text,
      lead: splitBodies(b.name),
      support: supportOf(text),
      timeframe: dutyTimeframe(text, opts),
      product: null,
      note: null,
      source: "duties",
      line: line.n,
    });
  };
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (!l.text || l.text.includes("\t") || l.text.startsWith("|")) continue;
    if (/^(noi nh|tren day la|\(mot so nhiem vu)/.test(l.key)) break;
    if (charged) {
      if (/^Điều\s+\d/u.test(l.text)) break;
      const item = HEAD.exec(l.text) ?? ITEM.exec(l.text);
      push(charged, item ? ((item[2] ?? item[1]) as string).trim() : l.text, l);
      continue;
    }
    if (/^[IVX]{1,4}\s*[-.]\s+\S/u.test(l.text)) {
      // the next Roman section ("V. CHẾ ĐỘ BÁO CÁO") ends the duties, unless it opens more ("IV. TỔ CHỨC THỰC HIỆN")
      if (!opensDuties(l)) break;
      body = null;
      skipped = null;
      groupRef = null;
      continue;
    }
    const nextText = lines.slice(i + 1).find((x) => x.text)?.text ?? "";
    const letterBody = letterBodyHeading(l.text, nextText);
    if (letterBody !== null) {
      // "1. <topic>" / "a) Công an tỉnh" / "- …": the letter names the body, the number the topic
      const above: string | undefined = (body as Body | null)?.ref;
      body = {
        ref: `${groupRef ?? above ?? ""}${l.text.slice(0, l.text.indexOf(")"))}`,
        name: letterBody,
      };
      k = 0;
      continue;
    }
    const head = HEAD.exec(l.text);
    if (head) {
      const ref = head[1] as string;
      const name = (head[2] as string).trim();
      const hk = name
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/gi, "d")
        .toLowerCase();
      const next = lines.slice(i + 1).find((x) => x.text)?.text ?? "";
      const parts = bodyOfHeading(name);
      if (NOT_A_BODY.test(hk)) {
        body = null;
        skipped = name;
        groupRef = ref;
        continue;
      }
      if (letterBodyHeading(next, lines.slice(i + 1).filter((x) => x.text)[1]?.text ?? "") !== null) {
        // a topic whose duties are given per body under letters
        body = null;
        skipped = null;
        groupRef = ref;
        continue;
      }
      const subHeadings = new RegExp(`^${ref.replace(".", "\\.")}\\.\\d`).test(next);
      if (GROUP_HEADING.test(hk) && (subHeadings || /^doi voi\b/.test(hk))) {
        body = null;
        skipped = null;
        // "3. Đối với các tổ chức khác" without sub-headings: each paragraph names its own body
        if (!subHeadings) {
          skipped = name;
          groupRef = ref;
        }
        continue;
      }
      groupRef = null;
      skipped = null;
      k = 0;
      if (parts.rest) {
        // "12. Đài Truyền hình Việt Nam, …: Chủ trì xây dựng …" — the duty is on the heading line
        body = { ref, name: parts.body, oneLine: true };
        push(body, parts.rest, l);
        continue;
      }
      // nothing of its own follows: the next heading, or the end of the plan ("Nơi nhận")
      const alone = !next || HEAD.test(next) || /^(noi nh|tren day la)/.test(asciiKey(next));
      if ((name.length > 100 || /[.;]$/.test(name)) && (alone || verbAt(parts.body) > 3)) {
        // "15. Đề nghị Ủy ban … chủ trì, phối hợp …." — one paragraph that starts with its body
        // "1. Thành lập Ban Chỉ đạo …" opens with a verb: a duty without a named lead
        const cut = startsWithHead(parts.body) ? bodyEnd(parts.body) : 0;
        if (cut >= 0) {
          body = { ref, name: cut > 3 ? parts.body.slice(0, cut).trim() : "", oneLine: true };
          push(body, name, l);
          continue;
        }
      }
      body = { ref, name: parts.body };
      continue;
    }
    const item = ITEM.exec(l.text);
    const text = (item ? (item[1] as string) : l.text).trim();
    if (!body) {
      // an item that opens with its body ("Đề nghị Ủy ban …", "Ủy ban nhân dân quận, huyện tổng hợp …")
      const own = text.replace(/^Đề nghị\s+/iu, "");
      const cut = skipped && startsWithHead(own) ? bodyEnd(own) : -1;
      if (cut > 3) {
        k = 0;
        push({ ref: groupRef ?? "", name: own.slice(0, cut).trim(), oneLine: true }, text, l);
        continue;
      }
      if (skipped) {
        if (cov) cov.seen++;
        warnings.push({
          code: "ROW_UNUSED",
          message: `Mục "${skipped}" không phải cơ quan thực hiện: nội dung "${text.slice(0, 80)}" chưa thành nhiệm vụ.`,
          where: `dòng ${l.n}`,
        });
      }
      continue;
    }
    if (!item && body.oneLine) {
      // prose after a one-line duty: a duty of the body it opens with, or a closing remark reported
      const cut = startsWithHead(text) ? bodyEnd(text) : -1;
      if (cut > 3) push({ ref: body.ref, name: text.slice(0, cut).trim(), oneLine: true }, text, l);
      else {
        if (cov) cov.seen++;
        warnings.push({
          code: "ROW_UNUSED",
          message: `Đoạn "${text.slice(0, 80)}" sau phần phân công không nêu cơ quan thực hiện: chưa thành nhiệm vụ.`,
          where: `dòng ${l.n}`,
        });
      }
      continue;
    }
    const own = item && body.oneLine ? ownBody(text) : null;
    if (own) {
      // "10. Các sở, ban, ngành nghiên cứu …:" / "- Công an tỉnh tham mưu …": each bullet names its own body
      push({ ref: body.ref, name: own, oneLine: true }, text, l);
      continue;
    }
    const last = out[out.length - 1];
    if (item && l.text.startsWith("+") && last && plusParent === last) {
      last.title = `${last.title}\n${l.text}`; // "+" items listing what a duty ending in ":" comprises
      continue;
    }
    const nextLine = lines.slice(i + 1).find((x) => x.text)?.text ?? "";
    if (item && /^[a-zđ]\)/u.test(l.text) && /:$/.test(text) && /^[-–]\s/.test(nextLine)) continue; // "đ) …:" heads its "-" tasks
    push(body, text, l);
    plusParent = /:$/.test(text) ? (out[out.length - 1] ?? null) : null;
  }
  return out;
}

function supportOf(text: string): string[] {
  const support = [
    ...text.matchAll(
      /phối hợp với\s+((?:Phòng|Sở|Ban|Trung tâm|Công an|UBND)[^,;.]*?)(?=\s+(?:tham mưu|triển khai|trong|để)\b|[,;.]|$)/giu,
    ),
  ].map((m) => (m[1] as string).trim());
  return [...new Set(support.flatMap(splitBodies))];
}
