import { getDocumentProxy, getResolvedPDFJS } from "unpdf";
import { AppError } from "../../errors.ts";
import { collectRules, type PageContent, type TextItem } from "./pdfGeometry.ts";
import { extractTables, joinItems, joinWrapped, type PageTable } from "./pdfTables.ts";
import { type SourceRow, tableLines } from "./tableText.ts";

// pdf.js copies operator lists with ArrayBuffer.prototype.transferToFixedLength (ES2024, Node ≥ 21).
// On Node 20 it is missing; a copy gives the same result for a buffer that is not used again.
if (!("transferToFixedLength" in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    value(this: ArrayBuffer, length?: number) {
      const n = length ?? this.byteLength;
      const copy = new ArrayBuffer(n);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      return copy;
    },
    configurable: true,
    writable: true,
  });
}

interface Line {
  kind: "line";
  items: TextItem[];
  x: number;
  y: number;
  right: number;
  size: number;
}

type Block = Line | ({ kind: "table" } & PageTable);

interface PdfTransform {
  str: string;
  transform: number[];
  width: number;
}

function toItems(raw: unknown[]): TextItem[] {
  const out: TextItem[] = [];
  for (const r of raw as PdfTransform[]) {
    if (typeof r.str !== "string" || !r.str.trim()) continue;
    const [a, b, , , e, f] = r.transform as [number, number, number, number, number, number];
    out.push({ str: r.str, x: e, y: f, w: r.width, size: Math.hypot(a, b) || 10 });
  }
  return out;
}

function groupLines(items: TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - it.y) < Math.min(line.size, it.size) * 0.45) {
      line.items.push(it);
      line.right = Math.max(line.right, it.x + it.w);
      line.x = Math.min(line.x, it.x);
    } else lines.push({ kind: "line", items: [it], x: it.x, y: it.y, right: it.x + it.w, size: it.size });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

// pdf.js draws form XObjects through ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21). On Node 20
// it fails silently and what they hold is lost: the number and date a document system stamps into a
// signature field ("Số: 7432/UBND-XD", "ngày 21"). The same copy, done by hand.
if (!("transferToFixedLength" in ArrayBuffer.prototype)) {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    value(this: ArrayBuffer, length?: number): ArrayBuffer {
      const n = length ?? this.byteLength;
      const out = new ArrayBuffer(n);
      new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
      return out;
    },
  });
}

interface Glyph {
  unicode?: string;
}

/**
 * Text drawn inside annotations (a signature field's stamp, a form field): one item per annotation at
 * its rectangle, so that it lands on the line it fills ("Số: 7432/UBND-XD").
 */
export function annotationItems(
  fnArray: number[],
  argsArray: unknown[],
  OPS: Record<string, number>,
): TextItem[] {
  const out: TextItem[] = [];
  let rect: number[] | null = null;
  let text = "";
  fnArray.forEach((fn, i) => {
    const args = argsArray[i] as unknown[];
    if (fn === OPS.beginAnnotation) {
      rect = (args[1] as number[]) ?? null;
      text = "";
    } else if (fn === OPS.endAnnotation) {
      const [x1, y1, x2, y2] = (rect ?? []) as number[];
      if (text.trim() && x1 !== undefined && y1 !== undefined && x2 !== undefined && y2 !== undefined) {
        const size = Math.max(8, Math.min(14, y2 - y1));
        out.push({ str: text.trim(), x: x1, y: y1 + (y2 - y1) * 0.25, w: x2 - x1, size });
      }
      rect = null;
    } else if (rect && (fn === OPS.showText || fn === OPS.showSpacedText)) {
      for (const g of args[0] as (Glyph | number | null)[])
        if (g && typeof g === "object") text += g.unicode ?? "";
    }
  });
  return out;
}

async function readPages(buf: Buffer): Promise<Block[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const { OPS } = await getResolvedPDFJS();
  const pages: Block[][] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content: PageContent = { items: toItems((await page.getTextContent()).items), h: [], v: [] };
    if (content.items.length > 0) {
      const ops = await page.getOperatorList();
      collectRules(ops.fnArray, ops.argsArray, OPS as unknown as Record<string, number>, content);
      content.items.push(
        ...annotationItems(ops.fnArray, ops.argsArray, OPS as unknown as Record<string, number>),
      );
    }
    const tables = extractTables(content);
    const blocks: Block[] = [
      ...groupLines(content.items),
      ...tables.map((t) => ({ kind: "table" as const, ...t })),
    ];
    blocks.sort((a, b) => (b.kind === "line" ? b.y : b.top) - (a.kind === "line" ? a.y : a.top));
    pages.push(blocks);
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

const PAGE_NUMBER = /^(-\s*)?\d{1,3}(\s*-)?$|^Trang \d+/i;
const STARTS_ITEM = /^(\d{1,2}(\.\d{1,2})*\.\s|[a-zđ]\)\s|[-–+•*]\s|[IVXLC]+[.-]\s|\(\d{1,2}\)\s|Điều \d)/u;

/** Joins the rows of a table that goes on over a page break: a repeated header goes, a cut row is joined. */
function appendTable(into: SourceRow[], more: SourceRow[]): void {
  const key = (r: SourceRow) => r.cells.map((c) => c.text.toLowerCase()).join("\t");
  const headers = new Set(into.slice(0, 3).map(key));
  let rows = more;
  while (rows[0] && headers.has(key(rows[0]))) rows = rows.slice(1);
  const first = rows[0];
  const last = into[into.length - 1];
  if (first && last && !first.cells[0]?.text.trim()) {
    first.cells.forEach((c, i) => {
      const target = last.cells[i];
      if (target) target.text = joinWrapped(target.text, c.text); // a cut line, not a paragraph end
    });
    rows = rows.slice(1);
  }
  into.push(...rows);
}

/**
 * A PDF with a text layer → the text the parser reads, rebuilt from positions: bordered tables (found
 * from their ruling lines) become one line per row with cells separated by tabs, merged cells resolved
 * and rows cut by a page break joined; other text becomes paragraphs, wrapped lines joined.
 */
export async function pdfToText(buf: Buffer): Promise<string> {
  let pages: Block[][];
  try {
    pages = await readPages(buf);
  } catch {
    throw new AppError("BAD_INPUT_FILE", "Không đọc được tệp PDF (tệp hỏng hoặc được bảo vệ).");
  }
  const all = pages.flatMap((blocks) =>
    blocks.filter(
      (b, i) =>
        !(
          b.kind === "line" &&
          (i === 0 || i === blocks.length - 1) &&
          PAGE_NUMBER.test(joinItems(b.items).trim())
        ),
    ),
  );
  const lines = all.filter((b): b is Line => b.kind === "line");
  const letters =
    lines.map((l) => l.items.map((i) => i.str).join("")).join("") +
    all
      .flatMap((b) => (b.kind === "table" ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : []))
      .join("");
  assertUsableText(letters);
  const right = Math.max(...lines.map((l) => l.right));
  const gaps = lines
    .slice(1)
    .map((l, i) => (lines[i] as Line).y - l.y)
    .filter((g) => g > 0);
  const leading = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 14;

  const out: string[] = [];
  let prev: Line | null = null;
  let table: (PageTable & { kind: "table" }) | null = null;
  const flushTable = () => {
    if (table) out.push("", ...tableLines(table.rows), "");
    table = null;
  };
  for (const b of all) {
    if (b.kind === "table") {
      if (table && table.columns === b.columns && Math.abs(table.left - b.left) < 5 && !prev) {
        appendTable(table.rows, b.rows);
      } else {
        flushTable();
        table = { ...b };
      }
      prev = null;
      continue;
    }
    const text = joinItems(b.items, 2.5);
    const continues =
      prev !== null &&
      !text.includes("\t") &&
      !out[out.length - 1]?.includes("\t") &&
      prev.right >= right - prev.size * 5 &&
      (prev.y - b.y <= leading * 1.25 || prev.y < b.y) &&
      Math.abs(b.x - prev.x) < b.size * 3 &&
      !STARTS_ITEM.test(text);
    if (table) flushTable();
    if (continues) out[out.length - 1] = joinWrapped(out[out.length - 1] as string, text);
    else out.push(text);
    prev = b;
  }
  flushTable();
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** At least `n` letters: stops at the n-th instead of listing every letter of the document. */
function hasLetters(text: string, n: number): boolean {
  let seen = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) if (++seen >= n) return true;
  return false;
}

function assertUsableText(text: string): void {
  if (!hasLetters(text, 20)) {
    throw new AppError(
      "BAD_INPUT_FILE",
      "PDF này là bản scan, chưa có lớp chữ: hãy nhận dạng chữ (OCR) hoặc dùng bản .docx rồi nhập lại.",
    );
  }
  // Fonts whose character map is wrong turn Vietnamese letters into Cyrillic, Armenian or symbols.
  const foreign = text.match(/[\u0400-\u058f\ue000-\uf8ff]/gu)?.length ?? 0;
  // letters are counted in full only when a foreign character shows up at all
  if (foreign > 0 && foreign > (text.match(/\p{L}/gu)?.length ?? 0) * 0.03) {
    throw new AppError(
      "BAD_INPUT_FILE",
      "Lớp chữ của PDF này bị lỗi mã phông (chữ tiếng Việt hiện thành ký tự lạ): hãy dùng bản .docx hoặc nhận dạng chữ (OCR) từ ảnh rồi nhập lại.",
    );
  }
}
