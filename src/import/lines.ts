import { asciiKey } from "../domain/text.ts";

export interface Line {
  /** 1-based line number in the source text. */
  n: number;
  /** The line without HTML or Markdown emphasis, NFC, tabs kept. */
  text: string;
  /** Unaccented lower-case key of text, for matching (also works on scans that lost diacritics). */
  key: string;
  hadHtml: boolean;
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Removes HTML tags (a paragraph break becomes a line break inside the cell) and entities. */
export function stripHtml(s: string): { text: string; had: boolean } {
  if (!/<\/?[a-z][^>]*>/i.test(s) && !/&[a-z#0-9]+;/i.test(s)) return { text: s, had: false };
  const text = decodeEntities(
    s
      .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/?[a-z][^>]*>/gi, ""),
  )
    .replace(/([“"(])\s+/g, "$1")
    .replace(/\s+([”")])/g, "$1");
  return { text, had: true };
}

function stripMarkdown(s: string): string {
  return s
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|[\s(])\*(?=\S)([^*]*?\S)\*(?=[\s).,;:]|$)/g, "$1$2");
}

/**
 * A paragraph break inside one table cell, as readers write it (U+2029 PARAGRAPH SEPARATOR): the row
 * stays on one line and the cell's text gets its line break back here.
 */
export const CELL_BREAK = "\u2029";

export function splitLines(source: string): Line[] {
  return source
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw, i) => {
      const { text, had } = stripHtml(raw);
      const cleaned = stripMarkdown(text)
        .split("\t")
        .map((c) => c.replace(/[ \u00a0]+/g, " ").trim())
        .join("\t")
        .replace(/\s+$/, "")
        .replace(/ ?\u2029 ?/g, "\n");
      return { n: i + 1, text: cleaned, key: asciiKey(cleaned.replace(/\t/g, " ")), hadHtml: had };
    });
}

/**
 * Joins two pieces of one cell (split across a page break, or two paragraphs of a Word cell) with the
 * right space or paragraph break.
 */
export function joinCell(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (/[.;:!?]$/.test(a) && /^[A-ZĐÀ-Ỹ“"]/u.test(b)) return `${a}\n${b}`;
  if (/^[,.;:)”]/.test(b) || /[(“/]$/.test(a)) return `${a}${b}`;
  return `${a} ${b}`;
}

export function parseDecimal(s: string): number | null {
  const t = s.trim();
  let norm: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) norm = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d+$/.test(t)) norm = t.replace(",", ".");
  else if (/^\d+(\.\d+)?$/.test(t)) norm = t;
  else return null;
  const n = Number(norm);
  return Number.isFinite(n) ? n : null;
}

/**
 * The row under a table header that only numbers its columns: "(1) (2) (3) (4) (5)", "1 2 3 4 5",
 * "A B C". It is not a task.
 */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length < 3) return false;
  const labels = filled.map((c) => /^[([]?(\d{1,2}|[A-Z])[)\]]?\.?$/.exec(c)?.[1]);
  if (labels.some((l) => l === undefined)) return false;
  const values = (labels as string[]).map((l) => (/\d/.test(l) ? Number(l) : l.charCodeAt(0) - 64));
  return values.every((v, i) => i === 0 || v === (values[i - 1] as number) + 1) && (values[0] as number) <= 2;
}
