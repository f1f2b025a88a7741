import { parseTimeframe, type TimeframeOptions } from "../domain/timeframe.ts";
import { splitBodies } from "./bodies.ts";
import type { TaskDraft } from "./draft.ts";
import type { Line } from "./lines.ts";

const TIME_HINT =
  /(hằng năm|hàng năm|thường xuyên|định kỳ|quý\s+[IV]+(?:\s+năm\s+\d{4}|\/\d{4})?|tháng\s+\d{1,2}\/\d{4}|năm\s+\d{4}|trước ngày\s+\d{1,2}\/\d{1,2}\/\d{4})/iu;

/**
 * When a plan has no task table, its duties are listed per body under "Tổ chức thực hiện":
 * "1. Phòng Văn hóa - Xã hội" followed by "- …" bullets. Each bullet is a duty led by that body.
 */
export function extractDuties(lines: Line[], opts: TimeframeOptions = {}): TaskDraft[] {
  const start = lines.findIndex(
    (l) => /to chuc thuc hien$/.test(l.key.replace(/[*#:.\s]+$/, "")) && l.key.length < 40,
  );
  if (start < 0) return [];
  const out: TaskDraft[] = [];
  let body: { ref: string; name: string } | null = null;
  let k = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i] as Line;
    if (/^(noi nhan|tren day la)/.test(l.key)) break;
    const head = /^(\d{1,2})\.\s+(.{2,80})$/u.exec(l.text);
    if (head && !/[.;]$/.test(head[2] as string)) {
      body = { ref: head[1] as string, name: (head[2] as string).replace(/[:.]$/, "").trim() };
      k = 0;
      continue;
    }
    const bullet = /^[-–•+]\s+(.+)$/u.exec(l.text);
    if (!bullet || !body) continue;
    const text = (bullet[1] as string).trim();
    k++;
    const hint = TIME_HINT.exec(text)?.[0];
    const tf = hint ? parseTimeframe(hint, opts) : null;
    const timeframe = tf && !tf.unparsed ? tf : { ...parseTimeframe("Thường xuyên", opts), text: "" };
    const support = [
      ...text.matchAll(
        /phối hợp với\s+((?:Phòng|Sở|Ban|Trung tâm|Công an|UBND)[^,;.]*?)(?=\s+(?:tham mưu|triển khai|trong|để)\b|[,;.]|$)/giu,
      ),
    ].map((m) => (m[1] as string).trim());
    out.push({
      ref: `${body.ref}.${k}`,
      group: body.ref,
      groupTitle: body.name,
      title: text,
      lead: splitBodies(body.name),
      support: [...new Set(support.flatMap(splitBodies))],
      timeframe,
      product: null,
      note: null,
      source: "duties",
      line: l.n,
    });
  }
  return out;
}
