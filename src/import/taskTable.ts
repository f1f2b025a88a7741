import { parseTimeframe, type TimeframeOptions } from "../domain/timeframe.ts";
import { splitBodies } from "./bodies.ts";
import type { SectionCoverage, TaskDraft, Warning } from "./draft.ts";
import { joinCell, type Line } from "./lines.ts";

type Column = "tt" | "title" | "lead" | "support" | "time" | "product" | "note";

/** Which column a header cell names, whatever wording the issuing body used. */
export function columnOf(headerKey: string): Column | null {
  const k = headerKey.trim();
  if (/^(s?tt|so tt|thu tu)$/.test(k)) return "tt";
  if (/phoi hop/.test(k)) return "support";
  if (/chu tri|trach nhiem thuc hien|^(nguoi|don vi|co quan) (thuc hien|chiu trach nhiem)/.test(k))
    return "lead";
  if (/^(noi dung|nhiem vu|ten nhiem vu|nhiem vu, giai phap|noi dung cong viec|cong viec)/.test(k))
    return "title";
  if (/thoi gian|thoi han|tien do/.test(k)) return "time";
  if (/san pham|ket qua/.test(k)) return "product";
  if (/ghi chu/.test(k)) return "note";
  return null;
}

const ROMAN = /^(?=[IVXLC]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/;

interface Row {
  cells: Record<Column, string>;
  tt: string;
  line: number;
  afterBreak: boolean;
}

function readRow(line: Line, map: (Column | null)[], afterBreak: boolean): Row {
  const parts = line.text.split("\t");
  const cells: Record<Column, string> = {
    tt: "",
    title: "",
    lead: "",
    support: "",
    time: "",
    product: "",
    note: "",
  };
  parts.forEach((p, i) => {
    const col = map[i];
    if (col) cells[col] = joinCell(cells[col], p.trim());
  });
  return { cells, tt: cells.tt.replace(/\.$/, "").trim(), line: line.n, afterBreak };
}

interface Pending {
  draft: Omit<TaskDraft, "timeframe" | "lead" | "support"> & {
    leadText: string;
    supportText: string;
    timeText: string;
  };
}

/** Reads every task table (a header with a task column and a lead column) of the document. */
export function extractTaskTables(
  lines: Line[],
  warnings: Warning[],
  opts: TimeframeOptions = {},
  cov?: SectionCoverage,
): TaskDraft[] {
  // every row counts as seen and used, except a row reported as unused
  const tally = (used: number) => {
    if (!cov) return;
    if (used > 0) cov.seen++;
    cov.used += used;
  };
  const tasks: Pending[] = [];
  const used = new Set<string>();
  const unique = (ref: string) => {
    let r = ref;
    for (let n = 0; used.has(r); n++) r = `${ref}${"abcdefghijklmnopqrstuvwxyz"[n % 26]}`;
    used.add(r);
    return r;
  };
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as Line;
    if (!header.text.includes("\t")) continue;
    const map = header.text.split("\t").map((c) =>
      columnOf(
        c
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/đ/gi, "d")
          .toLowerCase(),
      ),
    );
    if (!map.includes("title") || !map.includes("lead")) continue;
    // "Thời gian (Năm 2026)": the year of the days the column names without one ("ngày 23 tháng 1")
    const headerYear =
      /năm\s+(\d{4})/iu.exec(header.text.split("\t")[map.indexOf("time")] ?? "")?.[1] ?? null;

    let group: { ref: string; title: string; task: Pending | null } | null = null;
    let last: Pending | null = null;
    let lastWasGroup = false;
    let sawBreak = false;
    let perGroup = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] as Line;
      if (!l.text.trim()) {
        sawBreak = true;
        continue;
      }
      if (!l.text.includes("\t")) break;
      // "(1) (2) (3) (4) (5)" or "1 2 3 4 5": the column-number row under the header, not a task
      if (isColumnNumberRow(l.text)) continue;
      const row = readRow(l, map, sawBreak);
      sawBreak = false;
      const c = row.cells;
      tally(1);
      if (ROMAN.test(row.tt)) {
        perGroup = 0;
        // a group row with a lead, or a time of its own, is a task; a stray piece of the row above is not
        const isTask = Boolean(c.lead || (c.time && !parseTimeframe(c.time, opts).unparsed));
        if (!isTask && c.time)
          warnings.push({
            code: "ROW_UNUSED",
            message: `Nhóm ${row.tt}: ô thời gian "${c.time.slice(0, 60)}" không đọc được và không thuộc nhiệm vụ nào: hãy kiểm tra.`,
            where: `dòng ${row.line}`,
          });
        const task: Pending | null = isTask ? newTask(unique(row.tt), null, null, row, headerYear) : null;
        group = { ref: row.tt, title: c.title, task };
        if (task) tasks.push(task);
        last = task;
        lastWasGroup = !task;
        continue;
      }
      if (/^\d{1,3}$/.test(row.tt)) {
        perGroup = Number(row.tt);
        const t = newTask(
          unique(group ? `${group.ref}.${row.tt}` : row.tt),
          group?.ref ?? null,
          group?.title ?? null,
          row,
          headerYear,
        );
        tasks.push(t);
        last = t;
        lastWasGroup = false;
        continue;
      }
      // No number: the rest of a row cut by a page break, or a task without a number.
      const continuation = last && (row.afterBreak || (!c.lead && !c.time));
      if (continuation && last) {
        const d = last.draft;
        d.title = joinCell(d.title, c.title);
        d.leadText = joinCell(d.leadText, c.lead);
        d.supportText = joinCell(d.supportText, c.support);
        d.timeText = joinCell(d.timeText, c.time);
        d.product = joinCell(d.product ?? "", c.product) || null;
        d.note = joinCell(d.note ?? "", c.note) || null;
        warnings.push({
          code: "ROWS_MERGED",
          message: `Dòng không số thứ tự được nối vào nhiệm vụ ${d.ref} (bảng bị ngắt trang).`,
          where: `dòng ${row.line}`,
        });
        continue;
      }
      if (lastWasGroup && group && row.afterBreak && !c.lead) {
        group.title = joinCell(group.title, c.title);
        continue;
      }
      if (!c.title) {
        tally(-1);
        warnings.push({
          code: "ROW_UNUSED",
          message: `Dòng trong bảng không có nội dung nhiệm vụ, đã bỏ qua: "${l.text.replace(/\t/g, " | ").slice(0, 80)}".`,
          where: `dòng ${row.line}`,
        });
        continue;
      }
      // a task without a number: after numbered rows it is "II.2a", alone in its group "III.1"
      const base = perGroup > 0 ? String(perGroup) : "1";
      if (perGroup === 0) perGroup = 1;
      const t = newTask(
        unique(group ? `${group.ref}.${base}` : base),
        group?.ref ?? null,
        group?.title ?? null,
        row,
        headerYear,
      );
      tasks.push(t);
      last = t;
      lastWasGroup = false;
    }
    i = j - 1;
  }

  return tasks.map(({ draft }) => {
    const timeframe = parseTimeframe(draft.timeText, opts);
    if (timeframe.unparsed) {
      warnings.push({
        code: "TIMEFRAME_UNPARSED",
        message: `Nhiệm vụ ${draft.ref}: không đọc được thời gian "${draft.timeText}"; hãy đặt thời hạn.`,
        where: `dòng ${draft.line}`,
      });
    }
    // "Theo phân công tại Quyết định số …" names no body: the lead is set by that document
    const byOther = /^theo\s/iu.test(draft.leadText.trim());
    const lead = byOther ? [] : splitBodies(draft.leadText).map(cutProse);
    for (const l of lead)
      if (l.prose) draft.note = joinCell(draft.note ?? "", `${l.body} ${l.prose}`) || null;
    if (byOther) draft.note = joinCell(draft.note ?? "", draft.leadText) || null;
    if (lead.length === 0) {
      warnings.push({
        code: "TASK_WITHOUT_LEAD",
        message: `Nhiệm vụ ${draft.ref} chưa có cơ quan chủ trì.`,
        where: `dòng ${draft.line}`,
      });
    }
    const { leadText: _l, supportText, timeText: _t, ...rest } = draft;
    return {
      ...rest,
      note: draft.note,
      title: rest.title.trim(),
      lead: lead.map((l) => l.body),
      support: splitBodies(supportText),
      timeframe,
    };
  });
}

export function isColumnNumberRow(text: string): boolean {
  const cells = text
    .split("\t")
    .map((c) => c.trim())
    .filter(Boolean);
  if (cells.length < 3) return false;
  const nums = cells.map((c) => /^\(?(\d{1,2})\)?$/.exec(c)?.[1]);
  return nums.every((n, i) => n !== undefined && (i === 0 || Number(n) === Number(nums[i - 1]) + 1));
}

// Prose that never belongs to a body's name: "Phòng X phối hợp đề xuất nhiệm vụ …"
const PROSE = /\s(?:phối hợp|chủ trì|tham mưu|đề xuất|chịu trách nhiệm)(?=[\s,.;:]|$)/iu;

/** A lead cell that goes on into prose: the body, and the rest kept as a note. */
export function cutProse(text: string): { body: string; prose: string | null } {
  const m = PROSE.exec(text);
  if (!m || m.index < 4) return { body: text, prose: null };
  return { body: text.slice(0, m.index).trim(), prose: text.slice(m.index).trim() };
}

/** A day written without its year ("ngày 23 tháng 1") gets the year the column header names. */
export function withYear(time: string, year: string | null): string {
  if (!year || /\d{4}/.test(time)) return time;
  return time.replace(/(ngày\s+\d{1,2}\s+tháng\s+\d{1,2}|ngày\s+\d{1,2}\/\d{1,2})(?![\d/])/iu, (m) =>
    m.includes("/") ? `${m}/${year}` : `${m} năm ${year}`,
  );
}

function newTask(
  ref: string,
  group: string | null,
  groupTitle: string | null,
  row: Row,
  headerYear: string | null = null,
): Pending {
  const c = row.cells;
  return {
    draft: {
      ref,
      group,
      groupTitle,
      title: c.title,
      leadText: c.lead,
      supportText: c.support,
      timeText: withYear(c.time, headerYear),
      product: c.product || null,
      note: c.note || null,
      source: "table",
      line: row.line,
    },
  };
}
