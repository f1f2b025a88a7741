import { parseTimeframe, type TimeframeOptions } from "../domain/timeframe.ts";
import { splitBodies, startsWithHead } from "./bodies.ts";
import type { SectionCoverage, TaskDraft } from "./draft.ts";
import { verbAt } from "./duties.ts";
import type { Line } from "./lines.ts";

/**
 * A procedure written as steps: "2.2. Bước 2: Kiểm tra hiện trạng nhà ở …", its paragraphs (the first
 * that opens with a body, after an opening clause such as "Trên cơ sở đề nghị của …,", names the lead)
 * and "Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2014.". Each step is one task.
 */

const STEP = /^(?:(\d{1,2}(?:\.\d{1,2})*)\.?\s+)?Bước\s+(\d{1,2})\s*(?:[:.-]\s*(.*))?$/iu;
const TIME = /^thời (?:gian|hạn)(?: hoàn (?:tất|thành)| thực hiện)?\s*:\s*(.+)$/iu;
const OPENING = /^(?:trên cơ sở|sau khi|căn cứ|theo|đồng thời)(?=[\s,])/iu;
const HEADING = /^\d{1,2}(?:\.\d{1,2})*\.?\s/u;

/** The body a paragraph of a step opens with, skipping an opening clause; null when none. */
export function stepLead(text: string): string | null {
  const starts = [0];
  if (OPENING.test(text)) {
    starts.length = 0;
    for (const m of text.matchAll(/,\s+/g)) starts.push((m.index as number) + m[0].length);
  }
  for (const at of starts) {
    const rest = text.slice(at);
    if (!startsWithHead(rest)) continue;
    // the first verb after the body's first word ("Ban Chỉ đạo … tổ chức": "chỉ đạo" is in its name)
    for (let from = 0; from < rest.length; ) {
      const v = verbAt(rest.slice(from));
      if (v < 0) break;
      if (from + v > 3) return rest.slice(0, from + v).trim();
      from += v + 1;
    }
  }
  return null;
}

export function extractSteps(lines: Line[], opts: TimeframeOptions = {}, cov?: SectionCoverage): TaskDraft[] {
  const out: TaskDraft[] = [];
  let step: TaskDraft | null = null;
  let depth = 0;
  const close = () => {
    if (step) out.push(step);
    step = null;
  };
  for (const l of lines) {
    if (!l.text) continue;
    const m = STEP.exec(l.text);
    if (m) {
      close();
      if (cov) {
        cov.seen++;
        cov.used++;
      }
      depth = (m[1] ?? "").split(".").filter(Boolean).length;
      step = {
        ref: m[1] ?? `Bước ${m[2]}`,
        group: null,
        groupTitle: null,
        title: l.text.replace(/^[\d.]+\s+/, "").replace(/:$/, ""),
        lead: [],
        support: [],
        timeframe: { ...parseTimeframe("", opts), text: "" },
        product: null,
        note: null,
        source: "duties",
        line: l.n,
      };
      continue;
    }
    const current = step as TaskDraft | null;
    if (!current) continue;
    // a heading of the same or a higher level ("3. Các vấn đề cần lưu ý") ends the steps
    const head = HEADING.exec(l.text);
    if (head && head[0].split(".").filter((x) => x.trim()).length <= depth) {
      close();
      continue;
    }
    const time = TIME.exec(l.text);
    if (time) {
      current.timeframe = parseTimeframe((time[1] as string).replace(/\.$/, ""), opts);
      close();
      continue;
    }
    if (current.lead.length === 0 && !/:$/.test(l.text)) {
      const lead = stepLead(l.text);
      if (lead) current.lead = splitBodies(lead);
    }
  }
  close();
  return out;
}
