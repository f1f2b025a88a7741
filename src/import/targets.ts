import type { SectionCoverage, TargetDraft, Warning } from "./draft.ts";
import { type Line, parseDecimal } from "./lines.ts";

const NUM = String.raw`(\d{1,3}(?:[.,]\d+)?)`;
const COUNT_NOUNS =
  "trường|phòng học|phòng|cơ sở|xã|phường|đơn vị|lớp|học sinh|giáo viên|người|thôn|bản|câu lạc bộ|công trình|điểm trường";

interface ValueHit {
  comparator: TargetDraft["comparator"];
  comparatorText: string | null;
  value: number;
  unit: string;
  start: number;
  end: number;
}

/** The counted noun: one word ("hộ", "lần"), two when the first only starts a compound ("doanh nghiệp", "mô hình"). */
function countUnit(words: string): string {
  const [a, b] = words.toLowerCase().split(" ");
  const compound =
    /^(doanh|mô|cơ|học|giáo|đơn|công|sản|dự|sáng|đề|tổ|nhà|sinh|chương|câu|hợp|trung|điểm|phòng)$/u;
  return b && compound.test(a as string) ? `${a} ${b}` : (a as string);
}

// compiled once, not per part (no g flag: exec keeps no state between calls)
const VALUE_PATTERNS: [RegExp, TargetDraft["comparator"], string | null][] = [
  // "60-70 %": a range, at least its lower end
  [new RegExp(String.raw`${NUM}\s*[-–]\s*\d{1,3}(?:[.,]\d+)?\s*%`, "iu"), ">=", "từ … đến"],
  [new RegExp(String.raw`(?:đạt\s+)?từ\s+${NUM}\s*%\s*trở\s+lên`, "iu"), ">=", "từ … trở lên"],
  [new RegExp(String.raw`(?:đạt\s+)?trên\s+${NUM}\s*%`, "iu"), ">", "trên"],
  [new RegExp(String.raw`(?:chiếm\s+)?hơn\s+${NUM}\s*%`, "iu"), ">", "hơn"],
  [new RegExp(String.raw`(?:đạt\s+)?(?:ít nhất|tối thiểu)\s+${NUM}\s*%`, "iu"), ">=", "ít nhất"],
  [new RegExp(String.raw`(?:đạt\s+)?(?:dưới|không quá)\s+${NUM}\s*%`, "iu"), "<", "dưới"],
  [new RegExp(String.raw`đạt\s+${NUM}\s*%`, "iu"), ">=", "đạt"],
  [new RegExp(String.raw`${NUM}\s*%`, "iu"), ">=", null],
];
const COUNT = new RegExp(
  String.raw`(?:(ít nhất|tối thiểu|trên)\s+)?(\d{1,4})\s+(${COUNT_NOUNS})(?=[\s,.;:)]|$)`,
  "iu",
);

/** The measurable value of a part: "đạt từ 60% trở lên", "trên 99%", "ít nhất 50%", "100% …", "11 trường". */
export function findValue(text: string): ValueHit | null {
  let best: ValueHit | null = null;
  for (const [re, comparator, ctext] of VALUE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const value = parseDecimal(m[1] as string);
    if (value === null) continue;
    const hit: ValueHit = {
      comparator,
      comparatorText: ctext ?? (value === 100 ? "100 %" : "đạt"),
      value,
      unit: "%",
      start: m.index,
      end: m.index + m[0].length,
    };
    if (!best || hit.start < best.start) best = hit;
  }
  if (best) return best;
  const count = COUNT.exec(text);
  if (count) {
    const word = count[1]?.toLowerCase();
    return {
      comparator: word === "trên" ? ">" : ">=",
      comparatorText: word ?? "số lượng",
      value: Number(count[2]),
      unit: (count[3] as string).toLowerCase(),
      start: count.index,
      end: count.index + count[0].length,
    };
  }
  // "Ít nhất 30 doanh nghiệp …", "tối thiểu 5 mô hình điểm": a count of any noun after a comparator word
  const any =
    /(ít nhất|tối thiểu|trên|hơn)\s+(\d{1,3}(?:\.\d{3})*)\s+((?!được|có|đạt|trở|và|%)\p{L}+(?:\s(?!được|có|đạt|trở|và)\p{L}+)?)/iu.exec(
      text,
    );
  if (any) {
    const word = (any[1] as string).toLowerCase();
    return {
      comparator: word === "trên" || word === "hơn" ? ">" : ">=",
      comparatorText: word,
      value: Number((any[2] as string).replace(/\./g, "")),
      unit: countUnit(any[3] as string),
      start: any.index,
      end: any.index + any[0].length,
    };
  }
  return null;
}

interface Context {
  year: number | null;
  schoolYear: string | null;
  recurring: boolean;
}

function yearIn(text: string): Partial<Context> {
  const sy = /(?:năm học|nam hoc)\s+(\d{4})\s*-\s*(\d{4})/iu.exec(text);
  if (sy) return { year: Number(sy[2]), schoolYear: `${sy[1]}-${sy[2]}` };
  const y = /(?:đến|vào|trong)\s+năm\s+(\d{4})/iu.exec(text);
  if (y) return { year: Number(y[1]), schoolYear: null };
  return {};
}

const LEAD_YEAR =
  /^(?:phấn đấu|phân đấu|phân đầu)?\s*(?:đến|vào)\s+năm(?:\s+học)?\s+\d{4}(?:\s*-\s*\d{4})?\s*[,:]\s*/iu;
const LEAD_RECURRING = /^(?:hằng|hàng)\s+năm\s*,\s*/iu;

function places(text: string): string[] {
  const m = /\(([^()]*,[^()]*)\)/u.exec(text);
  if (!m) return [];
  const items = (m[1] as string).split(",").map((s) => s.trim());
  return items.every((s) => /^[A-ZĐÀ-Ỹ]/u.test(s) && s.split(" ").length <= 4) ? items : [];
}

function measureOf(part: string, hit: ValueHit | null, prefix: string | null): string {
  let m = part;
  if (hit) m = `${part.slice(0, hit.start)} ${hit.unit === "%" ? "" : hit.unit} ${part.slice(hit.end)}`;
  m = m
    .replace(LEAD_YEAR, "")
    .replace(/\s+(?:vào|đến)\s+năm\s+\d{4}/giu, "")
    .replace(/\s+(?:hằng|hàng)\s+năm\b/giu, "")
    .replace(/\s+đạt\s*$/iu, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.]+|[\s,;:.]+$/g, "");
  return prefix ? `${prefix} — ${m}` : m;
}

/** Splits one clause into parts: "Tỷ lệ …: Mẫu giáo đạt 99,8%, tiểu học đạt 99,9%" gives two parts. */
function splitClause(clause: string): { prefix: string | null; parts: string[] } {
  const colon = clause.indexOf(":");
  if (colon > 0) {
    const items = clause.slice(colon + 1).split(/,\s+/);
    if (items.length >= 2 && items.filter((i) => /\d\s*%/.test(i)).length >= 2) {
      return { prefix: clause.slice(0, colon).trim(), parts: items.map((i) => i.trim()) };
    }
  }
  const inWhich = clause.split(/,\s*trong\s+đó\s+/iu);
  if (inWhich.length === 2) return { prefix: null, parts: inWhich.map((s) => s.trim()) };
  // "… đạt mức cơ bản vào năm 2028, đạt mức thành thạo vào năm 2030"
  const second = /,\s+(đạt\s+[^,]*?(?:vào|đến)\s+năm\s+\d{4})/iu.exec(clause);
  if (second && yearIn(clause.slice(0, second.index)).year) {
    const first = clause.slice(0, second.index).trim();
    const subject = first.replace(/\s+đạt\b.*$/iu, "");
    return { prefix: null, parts: [first, `${subject} ${(second[1] as string).trim()}`] };
  }
  return { prefix: null, parts: [clause.trim()] };
}

/** Splits one item into its measurable parts, each with its year; "năm 2018 đạt 99 %" sets its own year. */
function targetsOfItem(ref: string, body: string, out: TargetDraft[], year: number | null = null): number {
  const paragraphCtx: Context = { year, schoolYear: null, recurring: false };
  const lead = LEAD_YEAR.exec(body);
  if (lead) Object.assign(paragraphCtx, yearIn(lead[0]));
  const sentences = body.split(/(?<=\.)\s+(?=[A-ZĐÀ-Ỹ0-9])/u);
  let k = 0;
  for (const sentence of sentences) {
    const sCtx: Context = { ...paragraphCtx };
    const sLead = LEAD_YEAR.exec(sentence);
    if (sLead && sentence !== sentences[0]) Object.assign(sCtx, yearIn(sLead[0]));
    let sText = sentence.replace(/\.$/, "");
    if (sentence !== sentences[0]) sText = sText.replace(LEAD_YEAR, "");
    if (LEAD_RECURRING.test(sText)) {
      sCtx.recurring = true;
      sText = sText.replace(LEAD_RECURRING, "");
    }
    for (const clause of sText.split(/;\s*/)) {
      if (!clause.trim()) continue;
      const { prefix, parts } = splitClause(clause);
      for (const part of parts.flatMap(splitSeries)) {
        const hit = findValue(part);
        const pYear = { ...sCtx, ...yearIn(part.replace(/^từ\s+năm học/iu, "")) };
        const own = /^(?:năm\s+(\d{4})\s+(?:đạt|là|có)\b|riêng\s+năm\s+(\d{4})\b)/iu.exec(part.trim());
        if (own) Object.assign(pYear, { year: Number(own[1] ?? own[2]), schoolYear: null });
        const fromSchoolYear = /^từ\s+năm học\s+(\d{4})\s*-\s*(\d{4})/iu.exec(part.trim());
        if (fromSchoolYear)
          Object.assign(pYear, {
            year: Number(fromSchoolYear[2]),
            schoolYear: `${fromSchoolYear[1]}-${fromSchoolYear[2]}`,
          });
        k++;
        out.push({
          ref: `${ref}.${k}`,
          text: part.trim(),
          measure: measureOf(part, hit, prefix),
          comparator: hit?.comparator ?? null,
          comparatorText: hit?.comparatorText ?? null,
          value: hit?.value ?? null,
          unit: hit?.unit ?? null,
          year: pYear.year ?? null,
          schoolYear: pYear.schoolYear ?? null,
          recurring: pYear.recurring || /\b(?:hằng|hàng)\s+năm\b/iu.test(part),
          places: places(part),
        });
      }
    }
  }
  return k;
}

/** "… đạt 100 %, năm 2018 đạt 99 %, năm 2019 đạt 99,5 %": a yearly series is one part per year. */
function splitSeries(part: string): string[] {
  const pieces = part.split(/,\s+(?=năm\s+\d{4}\s+(?:đạt|là|có)\b)/iu);
  return (pieces.length > 1 ? pieces : [part]).flatMap(splitSecondFigure);
}

const PERCENT = String.raw`(?:trên|dưới|ít nhất|tối thiểu|tối đa|không dưới|khoảng)?\s*\d{1,3}(?:[.,]\d+)?\s*%`;
/** "… và 100% cơ sở …" after a first percentage; ", riêng năm 2025 … 20% …": a second target. */
const SECOND_FIGURE = new RegExp(
  String.raw`\s+và\s+(?=${PERCENT})|,\s+(?=riêng\s+năm\s+\d{4}\b[^,;]*\d\s*%)`,
  "iu",
);

/** A part that states two figures of two things ("Trên 80% trạm y tế … và 100% cơ sở …") is two parts. */
function splitSecondFigure(part: string): string[] {
  const m = SECOND_FIGURE.exec(part);
  if (!m || !new RegExp(PERCENT, "iu").test(part.slice(0, m.index))) return [part];
  return [part.slice(0, m.index), ...splitSecondFigure(part.slice(m.index + m[0].length))];
}

/** Headings of a section of targets, in the wordings offices use. */
const TARGET_HEADING =
  /^(?:[ivx]+\s*[-.]\s*|(?:\d{1,2}\.)+\s*|[a-z]\)\s*)?(?:cac\s+)?(?:muc tieu cu the|chi tieu cu the|chi tieu chu yeu|cac chi tieu|muc tieu, chi tieu|chi tieu|muc tieu$)/;
const ITEM = /^(?:\((\d{1,2})\)|([a-zđ])\)|\\?[-–+*•])\s*(\S.*)$/u;
/** "Mục tiêu tổng quát (đến năm 2030)": a paragraph whose sentences with a figure are targets. */
const GENERAL_HEADING = /^(?:[ivx]+\s*[-.]\s*|(?:\d{1,2}\.)+\s*|[a-z]\)\s*)?muc tieu tong quat\b/;
/** "2. Số lượng đơn vị kiểm tra: Tối thiểu 20% cơ quan …": a numbered line that states a measure and its figure. */
const LABELLED_FIGURE =
  /^\d{1,2}\.\s+[^:]{3,60}:\s*((?:tối thiểu|ít nhất|không dưới|không ít hơn|trên|đạt)\s+\d{1,3}(?:[.,]\d+)?\s*%.*)$/iu;
/** An item that states a year and a figure is a target wherever it stands ("e) Đến năm 2020, … đạt 100 %"). */
const YEAR_LEAD = /^(?:phấn đấu\s+)?(?:đến|vào|trong)\s+năm\s+\d{4}\s*,/iu;

/**
 * The targets of a plan: the items "(1) …", "a) …", "- …" of its target sections ("Mục tiêu cụ thể",
 * "Các chỉ tiêu cụ thể", "Chỉ tiêu chủ yếu", …, ending at "b) Nhiệm vụ"), the sentences with a figure
 * of "Mục tiêu tổng quát", and elsewhere before "Tổ chức thực hiện" every item that opens with a year
 * and carries a figure and every numbered line "Measure: Tối thiểu 20% …". Each is split into
 * measurable parts.
 */
export function extractTargets(lines: Line[], warnings: Warning[], cov?: SectionCoverage): TargetDraft[] {
  const out: TargetDraft[] = [];
  let inSection = false;
  let general = false;
  let sectionLine: Line | null = null;
  let sectionYear: number | null = null;
  let n = 0;
  for (const l of lines) {
    if (!l.text || l.text.includes("\t")) continue;
    const k = l.key.replace(/^\\/, "");
    if (/^([a-d]|[ivx]+)\s*[-.]\s*to chuc thuc hien|^(\d\.\s*)?to chuc thuc hien$/.test(k)) break;
    // "1. Đến năm 2030", "2. Tầm nhìn đến năm 2045": the year of the items below
    const yearHead = /^(?:\d\.\s*)?(?:tam nhin\s+)?den nam\s+(\d{4})$/.exec(k.replace(/[.:\s]+$/, ""));
    if (yearHead && inSection) {
      sectionYear = Number(yearHead[1]);
      continue;
    }
    if (TARGET_HEADING.test(k) && l.text.length < 120 && !ITEM.exec(l.text)?.[3]?.includes("%")) {
      inSection = true;
      general = false;
      sectionLine ??= l;
      sectionYear = Number(/den nam\s+(\d{4})/.exec(k)?.[1]) || null;
      continue;
    }
    if (GENERAL_HEADING.test(k) && l.text.length < 120) {
      // "2. Mục tiêu tổng quát đến năm 2030": only its sentences with a figure are targets
      inSection = false;
      general = true;
      sectionYear = Number(/den nam\s+(\d{4})/.exec(k)?.[1]) || null;
      continue;
    }
    if (
      (inSection || general) &&
      (/^(i{1,3}|iv|v|vi{0,3})\s*[-.)]\s/.test(k) ||
        /^(\d\.\s*)?(nhiem vu|giai phap)/.test(k) ||
        /^[a-zđ]\)\s*(nhiem vu|giai phap)\b.{0,60}$/.test(k) ||
        (general && /^\d{1,2}\.\s/.test(k)))
    ) {
      // "b) Nhiệm vụ" after "a) Mục tiêu": its items are duties, not targets
      inSection = false;
      general = false;
      sectionYear = null;
      continue;
    }
    const m = ITEM.exec(l.text);
    const body = (m ? (m[3] as string) : l.text).trim();
    const labelled = m === null && !inSection ? LABELLED_FIGURE.exec(l.text) : null;
    const counts = inSection
      ? m !== null || /\d\s*%/.test(body)
      : general
        ? /\d\s*%/.test(body)
        : labelled !== null || (m !== null && YEAR_LEAD.test(body) && /\d\s*%/.test(body));
    if (!counts) continue;
    n++;
    const ref = m?.[1] ? `(${m[1]})` : m?.[2] ? `${m[2]})` : `-${n}`;
    const before = out.length;
    if (general) {
      // the sentences of the paragraph that carry a figure
      const figures = body.split(/(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])/u).filter((x) => /\d\s*%/.test(x));
      targetsOfItem(ref, figures.join(" "), out, sectionYear);
    } else targetsOfItem(ref, labelled ? (labelled[1] as string) : body, out, inSection ? sectionYear : null);
    const read = out.slice(before).some((t) => t.value !== null);
    if (cov) {
      cov.seen++;
      if (read) cov.used++;
    }
    if (!read && inSection) {
      warnings.push({
        code: "TARGET_UNREAD",
        message: `Không đọc được con số của chỉ tiêu "${body.slice(0, 80)}": hãy nhập tay.`,
        where: `dòng ${l.n}`,
      });
    }
  }
  if (out.length === 0 && sectionLine) {
    warnings.push({
      code: "NO_TARGETS",
      message: "Có mục chỉ tiêu nhưng không đọc được chỉ tiêu nào.",
      where: `dòng ${sectionLine.n}`,
    });
  }
  return out;
}
