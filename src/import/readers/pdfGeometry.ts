/** What a PDF page gives the layout: positioned text and the ruling lines drawn by table borders. */

export interface TextItem {
  str: string;
  /** Left end and baseline, in PDF points (y grows upwards). */
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface HRule {
  y: number;
  x1: number;
  x2: number;
}

export interface VRule {
  x: number;
  y1: number;
  y2: number;
}

export interface PageContent {
  items: TextItem[];
  h: HRule[];
  v: VRule[];
}

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

interface Ops {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  painting: Set<number>;
  filling: Set<number>;
}

// pdf.js path data: an opcode then its coordinates (moveTo, lineTo, curveTo, quadraticCurveTo, closePath).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** Thin filled rectangles and stroked segments → horizontal and vertical rules in page space. */
function pathRules(data: ArrayLike<number>, ctm: Matrix, filled: boolean, out: PageContent): void {
  const segs: [number, number, number, number][] = [];
  const boxes: number[][] = [];
  let box: number[] | null = null;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  const touch = (x: number, y: number) => {
    if (!box) box = [x, y, x, y];
    else
      box = [
        Math.min(box[0] as number, x),
        Math.min(box[1] as number, y),
        Math.max(box[2] as number, x),
        Math.max(box[3] as number, y),
      ];
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE || op === LINE) {
      const [x, y] = apply(ctm, data[i] as number, data[i + 1] as number);
      i += 2;
      if (op === LINE) segs.push([cx, cy, x, y]);
      else {
        if (box) boxes.push(box);
        box = null;
        sx = x;
        sy = y;
      }
      cx = x;
      cy = y;
      touch(x, y);
    } else if (op === CURVE || op === QUAD) {
      const n = op === CURVE ? 6 : 4;
      [cx, cy] = apply(ctm, data[i + n - 2] as number, data[i + n - 1] as number);
      i += n;
      touch(cx, cy);
    } else if (op === CLOSE) {
      segs.push([cx, cy, sx, sy]);
      cx = sx;
      cy = sy;
    } else break;
  }
  if (box) boxes.push(box);
  if (filled) {
    for (const [x1, y1, x2, y2] of boxes as [number, number, number, number][]) {
      if (y2 - y1 < 2.5 && x2 - x1 > 5) out.h.push({ y: (y1 + y2) / 2, x1, x2 });
      else if (x2 - x1 < 2.5 && y2 - y1 > 5) out.v.push({ x: (x1 + x2) / 2, y1, y2 });
    }
    return;
  }
  for (const [x1, y1, x2, y2] of segs) {
    if (Math.abs(y2 - y1) < 0.8 && Math.abs(x2 - x1) > 5)
      out.h.push({ y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
    else if (Math.abs(x2 - x1) < 0.8 && Math.abs(y2 - y1) > 5)
      out.v.push({ x: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  }
}

/** Walks a page's operator list, keeping the transformation matrix, and collects its rules. */
export function collectRules(
  fnArray: number[],
  argsArray: unknown[],
  OPS: Record<string, number>,
  out: PageContent,
): void {
  const ops: Ops = {
    save: OPS.save as number,
    restore: OPS.restore as number,
    transform: OPS.transform as number,
    constructPath: OPS.constructPath as number,
    painting: new Set(
      [
        "stroke",
        "closeStroke",
        "fill",
        "eoFill",
        "fillStroke",
        "eoFillStroke",
        "closeFillStroke",
        "closeEOFillStroke",
      ].map((k) => OPS[k] as number),
    ),
    filling: new Set(["fill", "eoFill"].map((k) => OPS[k] as number)),
  };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === ops.constructPath) {
      const [paint, paths] = argsArray[i] as [number, ArrayLike<number>[]];
      if (!ops.painting.has(paint)) continue;
      for (const data of paths ?? []) if (data) pathRules(data, ctm, ops.filling.has(paint), out);
    }
  }
}
