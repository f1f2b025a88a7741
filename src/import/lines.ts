import { asciiKey } from "../domain/text.ts";
import {
  isColumnNumberRow,
  joinHardWrapped,
  joinOcrPieces,
  pipeRow,
  regroupCellLines,
} from "./readers/textForms.ts";

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
    .replace(/\\([-.*_#+()[\]!`>])/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|[\s(])\*(?=\S)([^*]*?\S)\*(?=[\s).,;:]|$)/g, "$1$2");
}

/**
 * A paragraph break inside one table cell, as readers write it (U+2029 PARAGRAPH SEPARATOR): the row
 * stays on one line and the cell's text gets its line break back here.
 */
export const CELL_BREAK = "\u2029";

/**
 * Source text → cleaned lines. Text forms are brought to the parser's one shape first (readers/
 * textForms.ts): Markdown pipe rows become tab-separated rows, separator rows and "(1) (2) (3)" column
 * rows go, OCR spaces inside words are closed, hard-wrapped paragraphs are joined. `n` stays the line
 * number in the source.
 */
export function splitLines(source: string): Line[] {
  const raw = source.normalize("NFC").replace(/\r\n?/g, "\n").split("\n");
  const lines: Line[] = [];
  raw.forEach((r, i) => {
    const row = pipeRow(r);
    if (row === null) return;
    const line = cleanLine(joinOcrPieces(row), i + 1);
    if (line.text.includes("\t") && isColumnNumberRow(line.text.split("\t"))) return;
    lines.push(line);
  });
  return joinHardWrapped(regroupCellLines(lines)).map((l) => ({
    ...l,
    key: asciiKey(l.text.replace(/\t/g, " ")),
  }));
}

/** A list marker set off by a tab stop ("a)\tĐến năm 2027 …", a Word list printed to PDF) is not a table cell. */
export function markerTab(raw: string): string {
  return raw.replace(/^(\s*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)]|[-–+•*]|\(\d{1,2}\)))\t(?=[^\t]+$)/u, "$1 ");
}

function cleanLine(raw: string, n: number): Line {
  const { text, had } = stripHtml(markerTab(raw));
  const cleaned = stripMarkdown(text)
    .split("\t")
    .map((c) => c.replace(/[ \u00a0]+/g, " ").trim())
    .join("\t")
    .replace(/\s+$/, "")
    .replace(/ ?\u2029 ?/g, "\n");
  return { n, text: cleaned, key: "", hadHtml: had };
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
