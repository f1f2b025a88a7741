import type { TimeframeOptions } from "../domain/timeframe.ts";
import { bodyKey, indexCandidates, resolveBody, setKindOf, type UnitCandidate } from "./bodies.ts";
import { ceasedBodyWarning } from "./bodyValidity.ts";
import { extractDocumentMeta } from "./documentMeta.ts";
import { type BodyMention, newCoverage, type PlanDraft, type Warning } from "./draft.ts";
import { dutiesStart, extractDuties } from "./duties.ts";
import { type IndicatorCandidate, matchIndicators } from "./grammar/indicatorMatch.ts";
import { extractIndicatorTable } from "./grammar/indicatorTable.ts";
import { type Line, splitLines } from "./lines.ts";
import { ocrLeads } from "./ocrLeads.ts";
import { extractSectionTasks } from "./sectionTasks.ts";
import { extractSteps } from "./steps.ts";
import { extractTargets } from "./targets.ts";
import { extractTargetTables } from "./targetTable.ts";
import { extractTaskTables } from "./taskTable.ts";

export interface ParseOptions extends TimeframeOptions {
  /** Known bodies to resolve lead and coordinating bodies against. */
  units?: UnitCandidate[];
  /** The indicator catalog, to propose the indicator each indicator-table row matches. */
  indicators?: IndicatorCandidate[];
}

// Common words written with and without their diacritics; a scan that lost them shows the bare forms.
const MARKED = /\b(của|và|các|được|năm|học|giáo|dục|tỉnh|những|trên|việc|hiện|thực)\b/giu;
const BARE = /\b(cua|va|cac|duoc|nam|hoc|giao|duc|tinh|nhung|tren|viec|hien|thuc)\b/gi;

function diacriticsLost(lines: Line[]): boolean {
  const text = lines.map((l) => l.text).join(" ");
  const marked = text.match(MARKED)?.length ?? 0;
  const bare = text.match(BARE)?.length ?? 0;
  return bare >= 20 && bare > marked * 2;
}

/** Markdown escapes of an OCR/PDF conversion ("1\\.", "\\-", "57\\-NQ/TW") read as the characters they escape. */
function unescapeMarkdown(l: Line): Line {
  if (!l.text.includes("\\")) return l;
  const un = (s: string) => s.replace(/\\([-.*_#()[\]|+!`])/g, "$1");
  return { ...l, text: un(l.text), key: un(l.key) };
}

/** Plan text → draft. Pure and total: any text gives a draft (possibly empty, with warnings). */
export function parsePlan(source: string, opts: ParseOptions = {}): PlanDraft {
  const warnings: Warning[] = [];
  const lines = splitLines(source).map(unescapeMarkdown);
  const lost = diacriticsLost(lines);
  if (lost) {
    warnings.push({
      code: "DIACRITICS_LOST",
      message:
        "Văn bản bị mất dấu tiếng Việt (bản quét/OCR): tên, số liệu đã được đọc theo dạng không dấu — hãy đối chiếu với bản gốc.",
      where: "toàn văn bản",
    });
  }
  const htmlLines = lines.filter((l) => l.hadHtml);
  if (htmlLines.length > 0) {
    warnings.push({
      code: "HTML_REMOVED",
      message: `Đã bỏ mã HTML thừa ở ${htmlLines.length} dòng.`,
      where: `dòng ${htmlLines
        .map((l) => l.n)
        .slice(0, 5)
        .join(", ")}${htmlLines.length > 5 ? ", …" : ""}`,
    });
  }
  const document = extractDocumentMeta(lines, warnings);
  const cov = {
    taskTable: newCoverage("taskTable"),
    sections: newCoverage("sections"),
    duties: newCoverage("duties"),
    targets: newCoverage("targets"),
    indicators: newCoverage("indicators"),
  };
  const targets = [
    ...extractTargets(lines, warnings, cov.targets),
    ...extractTargetTables(lines, warnings, cov.targets),
  ];
  let tasks = extractTaskTables(lines, warnings, opts, cov.taskTable);
  const duties = dutiesStart(lines);
  if (tasks.length === 0)
    tasks = [
      ...extractSectionTasks(lines, opts, cov.sections),
      ...extractSteps(lines, opts, cov.sections),
      ...extractDuties(lines, warnings, opts, cov.duties),
    ];
  // task tables inside the body (not an appendix that restates the duties): the duties come too
  else if (duties !== null && tasks.every((t) => t.line < duties))
    tasks = [...tasks, ...extractDuties(lines, warnings, opts, cov.duties)];
  // a scan without marks: the bodies that open its duties, read letter-tolerantly
  if (lost) ocrLeads(tasks, opts.units ?? []);
  for (const t of tasks) {
    if (t.source === "duties" && t.lead.length === 0) {
      warnings.push({
        code: "TASK_WITHOUT_LEAD",
        message: `Nhiệm vụ ${t.ref} không nêu cơ quan chủ trì: "${t.title.slice(0, 80)}".`,
        where: `dòng ${t.line}`,
      });
    }
  }
  const { columns: indicatorColumns, rows: indicators } = extractIndicatorTable(lines, warnings);
  if (opts.indicators) matchIndicators(indicators, opts.indicators);
  cov.indicators.seen = indicators.length;
  cov.indicators.used = indicators.filter((r) => Object.values(r.values).some((v) => v !== null)).length;
  const text = lines.some((l) => l.text);
  // whatever else the plan has (indicator rows, targets), a plan without tasks is reported
  if (tasks.length === 0 && text) {
    warnings.push({
      code: "NO_TASKS",
      message:
        'Không tìm thấy nhiệm vụ: không có bảng nhiệm vụ, mục có "Cơ quan chủ trì" hay phần phân công trong "Tổ chức thực hiện".',
      where: "toàn văn bản",
    });
  }
  if (targets.length === 0 && text && !warnings.some((w) => w.code === "NO_TARGETS")) {
    warnings.push({
      code: "NO_TARGETS",
      message: "Không tìm thấy chỉ tiêu có con số (mục tiêu cụ thể, chỉ tiêu) trong văn bản.",
      where: "toàn văn bản",
    });
  }

  const index = indexCandidates(opts.units ?? []);
  const bodies = new Map<string, BodyMention>();
  // variants of one name ("Phòng Văn hoá – Xã hội", "phòng văn hóa-xã hội") become the first one written
  const canon = new Map<string, string>();
  const one = (b: string) => {
    if (setKindOf(b) !== null) return b; // a set of bodies ("Các phòng, ban …") is kept as written
    const k = bodyKey(b);
    if (!canon.has(k)) canon.set(k, b);
    return canon.get(k) as string;
  };
  for (const t of tasks) {
    t.lead = [...new Set(t.lead.map(one))];
    t.support = [...new Set(t.support.map(one))];
  }
  for (const t of tasks) {
    for (const b of [...t.lead, ...t.support]) {
      if (bodies.has(b)) continue;
      const mention = resolveBody(b, index, document.issuedOn);
      bodies.set(b, mention);
      const ceased = ceasedBodyWarning(
        mention,
        opts.units ?? [],
        document,
        `nhiệm vụ ${t.ref} (dòng ${t.line})`,
      );
      if (ceased) warnings.push(ceased);
      if (!mention.plural && !mention.unit) {
        warnings.push({
          code: "UNKNOWN_BODY",
          message: `Chưa có cơ quan "${b}" trong danh mục: chọn cơ quan tương ứng hoặc xác nhận tạo mới.`,
          where: `nhiệm vụ ${t.ref} (dòng ${t.line})`,
        });
      } else if (mention.unit?.match === "no_diacritics") {
        warnings.push({
          code: "BODY_FALLBACK_MATCH",
          message: `"${b}" được khớp với "${mention.unit.name}" khi bỏ dấu: hãy kiểm tra.`,
          where: `nhiệm vụ ${t.ref} (dòng ${t.line})`,
        });
      }
    }
  }
  const coverage = Object.values(cov).filter((c) => c.seen > 0);
  return {
    document,
    targets,
    tasks,
    indicators,
    indicatorColumns,
    bodies: [...bodies.values()],
    warnings,
    coverage,
  };
}
