import type { TimeframeOptions } from "../domain/timeframe.ts";
import { indexCandidates, resolveBody, type UnitCandidate } from "./bodies.ts";
import { ceasedBodyWarning } from "./bodyValidity.ts";
import { extractDocumentMeta } from "./documentMeta.ts";
import type { BodyMention, PlanDraft, Warning } from "./draft.ts";
import { extractDuties } from "./duties.ts";
import { extractIndicators } from "./indicators.ts";
import { type Line, splitLines } from "./lines.ts";
import { extractTargets } from "./targets.ts";
import { extractTaskTables } from "./taskTable.ts";

export interface ParseOptions extends TimeframeOptions {
  /** Known bodies to resolve lead and coordinating bodies against. */
  units?: UnitCandidate[];
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

/** Plan text → draft. Pure and total: any text gives a draft (possibly empty, with warnings). */
export function parsePlan(source: string, opts: ParseOptions = {}): PlanDraft {
  const warnings: Warning[] = [];
  const lines = splitLines(source);
  if (diacriticsLost(lines)) {
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
  const targets = extractTargets(lines, warnings);
  let tasks = extractTaskTables(lines, warnings, opts);
  if (tasks.length === 0) tasks = extractDuties(lines, opts);
  const indicators = extractIndicators(lines, warnings);
  if (tasks.length === 0 && indicators.length === 0 && lines.some((l) => l.text)) {
    warnings.push({
      code: "NO_TASKS",
      message: 'Không tìm thấy bảng nhiệm vụ hay phần phân công trong "Tổ chức thực hiện".',
      where: "toàn văn bản",
    });
  }

  const index = indexCandidates(opts.units ?? []);
  const bodies = new Map<string, BodyMention>();
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
  return { document, targets, tasks, indicators, bodies: [...bodies.values()], warnings };
}
