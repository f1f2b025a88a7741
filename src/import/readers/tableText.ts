import { CELL_BREAK } from "../lines.ts";
import { isColumnNumberRow } from "./textForms.ts";

/** One cell of a table as the source gives it: its text, how many grid columns it spans, vertical merge. */
export interface SourceCell {
  text: string;
  span: number;
  /** "restart": first cell of a vertical merge; "continue": covered by the cell above. */
  merge: "restart" | "continue" | null;
}

export interface SourceRow {
  cells: SourceCell[];
  /** Marked as a header row repeated on each page (Word's tblHeader). */
  header: boolean;
}

interface GridCell {
  text: string;
  kind: "own" | "spanned" | "covered";
}

const DATA_MARK = /^(\d{1,3}|[IVXLC]{1,6}|[a-zđ]|\d{1,2}(\.\d{1,2})+)[.)]?$/;

function toGrid(rows: SourceRow[]): GridCell[][] {
  const grid: GridCell[][] = [];
  rows.forEach((row, r) => {
    const out: GridCell[] = [];
    for (const cell of row.cells) {
      const c = out.length;
      if (cell.merge === "continue") {
        const above = grid[r - 1]?.[c];
        out.push({ text: above?.text ?? "", kind: "covered" });
      } else out.push({ text: cell.text, kind: "own" });
      for (let s = 1; s < cell.span; s++) out.push({ text: "", kind: "spanned" });
    }
    grid.push(out);
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const r of grid) while (r.length < width) r.push({ text: "", kind: "own" });
  return grid;
}

/** How many rows at the top of the table make its header (one, or several with merged cells). */
function headerDepth(rows: SourceRow[], grid: GridCell[][]): number {
  let marked = 0;
  while (marked < rows.length && rows[marked]?.header) marked++;
  if (marked > 0) return Math.min(marked, 4);
  let depth = 1;
  for (let r = 1; r < Math.min(grid.length, 4); r++) {
    const row = grid[r] as GridCell[];
    const first = row[0]?.text.trim() ?? "";
    if (DATA_MARK.test(first) && row[0]?.kind !== "covered") break;
    const above = grid.slice(0, depth);
    const coveredFromHeader = row.some((c) => c.kind === "covered" && c.text);
    const underSpan = row.some((c, i) => c.text && above.some((a) => a[i]?.kind === "spanned"));
    if (!coveredFromHeader && !underSpan) break;
    depth = r + 1;
  }
  return depth;
}

/**
 * A table → lines the parser reads: one line per row, cells separated by tabs. A header of several
 * rows (merged cells) becomes one line per column ("Cơ quan thực hiện Chủ trì"); a cell covered by a
 * vertical merge repeats the value above (the number column stays empty, so no task is doubled);
 * header rows repeated on later pages and the "(1) (2) (3)" column-number row are dropped.
 */
export function tableLines(rows: SourceRow[]): string[] {
  if (rows.length === 0) return [];
  const grid = toGrid(rows);
  const width = grid[0]?.length ?? 0;
  const clean = (s: string) =>
    s
      .replace(/[\t\n\r]+/g, " ")
      .replace(/[ \u00a0]+/g, " ")
      .replace(/ ?\u2029 ?/g, CELL_BREAK)
      .trim();
  if (width <= 1) return grid.flatMap((r) => clean(r[0]?.text ?? "").split(CELL_BREAK)).filter(Boolean);
  const depth = headerDepth(rows, grid);
  const header: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < depth; r++) {
      const t = clean(grid[r]?.[c]?.text ?? "").replaceAll(CELL_BREAK, " ");
      if (t && !parts.includes(t)) parts.push(t);
    }
    header.push(parts.join(" "));
  }
  const norm = (c: string) => c.replace(/\s+/g, " ").trim().toLowerCase();
  const headerNorm = header.map(norm);
  // a header row written again (or repeated on a new page): every filled cell is part of its column's header
  const repeatsHeader = (cells: string[]) =>
    cells.filter(Boolean).length >= 2 && cells.every((c, i) => !c || (headerNorm[i] ?? "").includes(norm(c)));
  const out = [header.join("\t")];
  for (let r = depth; r < grid.length; r++) {
    const row = grid[r] as GridCell[];
    const cells = row.map((c, i) => (c.kind === "covered" && i === 0 ? "" : clean(c.text)));
    if (cells.every((c) => !c)) continue;
    if (repeatsHeader(cells)) continue;
    if (isColumnNumberRow(cells)) continue;
    out.push(cells.join("\t"));
  }
  return out;
}
