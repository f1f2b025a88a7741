import { CELL_BREAK } from "../lines.ts";
import type { HRule, PageContent, TextItem, VRule } from "./pdfGeometry.ts";
import type { SourceRow } from "./tableText.ts";

/** A bordered table found on a page: its row and column boundaries and the text of each cell. */
export interface PageTable {
  top: number;
  bottom: number;
  left: number;
  right: number;
  columns: number;
  rows: SourceRow[];
}

const TOL = 2;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || v - last > TOL) out.push(v);
  }
  return out;
}

/** Groups rules that touch into tables (union-find over horizontal/vertical crossings). */
function groupRules(h: HRule[], v: VRule[]): { h: HRule[]; v: VRule[] }[] {
  const parent = [...Array(h.length + v.length).keys()];
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    parent[i] = r;
    return r;
  };
  h.forEach((a, i) => {
    v.forEach((b, j) => {
      if (b.x >= a.x1 - TOL && b.x <= a.x2 + TOL && a.y >= b.y1 - TOL && a.y <= b.y2 + TOL) {
        parent[find(i)] = find(h.length + j);
      }
    });
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const get = (i: number) => {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    groups.set(root, g);
    return g;
  };
  for (const [i, a] of h.entries()) get(i).h.push(a);
  for (const [j, b] of v.entries()) get(h.length + j).v.push(b);
  return [...groups.values()];
}

/**
 * The text of one cell from its items: visual lines joined with a space, or with a paragraph break
 * where a sentence ends on a line the next word would still have fitted on (the cell's `right` edge).
 */
function cellText(items: TextItem[], right: number): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    const first = line?.[0];
    if (line && first && Math.abs(first.y - it.y) < first.size * 0.5) line.push(it);
    else lines.push([it]);
  }
  let out = "";
  let prevRight = 0;
  for (const l of lines) {
    l.sort((a, b) => a.x - b.x);
    const text = joinItems(l);
    const first = l[0] as TextItem;
    const firstWord = (first.w / Math.max(1, first.str.length)) * (text.split(" ")[0]?.length ?? 0);
    const room = right - prevRight - first.size * 0.6;
    if (out && /[.;:!?]$/.test(out) && /^[A-ZĐÀ-Ỹ“"]/u.test(text) && firstWord < room)
      out += `${CELL_BREAK}${text}`;
    else out = joinWrapped(out, text);
    prevRight = Math.max(...l.map((i) => i.x + i.w));
  }
  return out;
}

/** Items of one visual line → text, with a space where the gap between them shows one. */
export function joinItems(items: TextItem[], tabGap = Number.POSITIVE_INFINITY): string {
  let out = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    const gap = it.x - end;
    if (out) {
      if (gap > tabGap * it.size) out += "\t";
      else if (gap > it.size * 0.15 && !out.endsWith(" ") && !it.str.startsWith(" ")) out += " ";
    }
    out += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out.replace(/ {2,}/g, " ");
}

/** Two wrapped lines of one paragraph or cell: a word cut after "-" or "/" joins without a space. */
export function joinWrapped(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trim();
  if (!left) return right;
  if (!right) return left;
  if (/[\p{L}\d][-/]$/u.test(left)) return `${left}${right}`;
  return `${left} ${right}`;
}

/**
 * pdf.js merges text drawn close together into one item, so "VIII" and the title beside it can come as
 * "VIII Đẩy mạnh…" across a column rule: split such an item at the space nearest the rule.
 */
function splitAcross(items: TextItem[], cuts: (it: TextItem) => number[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    let rest = it;
    for (const cut of cuts(it)) {
      const per = rest.w / Math.max(1, rest.str.length);
      const at = Math.round((cut - rest.x) / per);
      let best = -1;
      for (let i = 0; i < rest.str.length; i++) {
        if (rest.str[i] === " " && (best < 0 || Math.abs(i - at) < Math.abs(best - at))) best = i;
      }
      if (best <= 0 || Math.abs(best - at) > 3) continue;
      const head = rest.str.slice(0, best);
      out.push({ ...rest, str: head, w: head.length * per });
      rest = {
        ...rest,
        str: rest.str.slice(best + 1),
        x: rest.x + (best + 1) * per,
        w: rest.w - (best + 1) * per,
      };
    }
    out.push(rest);
  }
  return out;
}

/** Finds the bordered tables of a page and takes their text items out of `content.items`. */
export function extractTables(content: PageContent): PageTable[] {
  const tables: PageTable[] = [];
  for (const g of groupRules(content.h, content.v)) {
    const ys = cluster(g.h.map((r) => r.y)).reverse();
    const xs = cluster(g.v.map((r) => r.x));
    if (ys.length < 2 || xs.length < 2) continue;
    const top = ys[0] as number;
    const bottom = ys[ys.length - 1] as number;
    const left = xs[0] as number;
    const right = xs[xs.length - 1] as number;
    const nRows = ys.length - 1;
    const nCols = xs.length - 1;
    const hasV = (c: number, yMid: number) =>
      c === 0 ||
      g.v.some((r) => Math.abs(r.x - (xs[c] as number)) <= TOL && r.y1 - TOL <= yMid && r.y2 + TOL >= yMid);
    const hasH = (r: number, xMid: number) =>
      g.h.some((l) => Math.abs(l.y - (ys[r] as number)) <= TOL && l.x1 - TOL <= xMid && l.x2 + TOL >= xMid);
    const rightOf = (c: number, yMid: number) => {
      let k = c + 1;
      while (k < nCols && !hasV(k, yMid)) k++;
      return xs[k] as number;
    };
    const colMid = (c: number) => ((xs[c] as number) + (xs[c + 1] as number)) / 2;
    const cells: TextItem[][][] = Array.from({ length: nRows }, () =>
      Array.from({ length: nCols }, () => []),
    );
    const rest: TextItem[] = [];
    const inside = (it: TextItem) =>
      it.y + it.size * 0.3 <= top && it.y >= bottom && it.x + 1 >= left && it.x <= right;
    const split = splitAcross(content.items, (it) =>
      inside(it)
        ? xs.filter(
            (x, k) =>
              k > 0 && k < nCols && x > it.x + 2 && x < it.x + it.w - 2 && hasV(k, it.y + it.size * 0.3),
          )
        : [],
    );
    for (const it of split) {
      const yMid = it.y + it.size * 0.3;
      const x = it.x + 1;
      if (yMid > top || yMid < bottom || x < left || x > right) {
        rest.push(it);
        continue;
      }
      let r = ys.findIndex((y, i) => i < nRows && yMid <= y && yMid >= (ys[i + 1] as number));
      if (r < 0) r = nRows - 1;
      const rowMid = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
      let c = 0;
      for (let k = 1; k < nCols; k++) if ((xs[k] as number) <= x && hasV(k, rowMid)) c = k;
      while (r > 0 && !hasH(r, colMid(c))) r--; // inside a vertically merged cell: its first row
      cells[r]?.[c]?.push(it);
    }
    content.items = rest;
    const rows: SourceRow[] = cells.map((row, r) => ({
      header: false,
      cells: row.map((items, c) => {
        const covered = r > 0 && !hasH(r, colMid(c));
        const startsMerge = r + 1 < nRows && !hasH(r + 1, colMid(c));
        return {
          text: cellText(items, rightOf(c, ((ys[r] as number) + (ys[r + 1] as number)) / 2)),
          span: 1,
          merge: covered ? ("continue" as const) : startsMerge ? ("restart" as const) : null,
        };
      }),
    }));
    tables.push({ top, bottom, left, right, columns: nCols, rows });
  }
  return tables.sort((a, b) => b.top - a.top);
}
