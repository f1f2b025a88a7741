/**
 * Alignment of a plan with the plan above it (DOMAIN.md §1): which of the parent's targets the lower
 * plan carries (the same, stricter or weaker), which it drops and which it adds; which tasks the parent
 * assigns to the lower plan's body have no counterpart in it. A lower plan may be stricter (Bình Lư:
 * ≥ 65 % against the province's ≥ 60 %; universal preschool by 2028 against 2030) — that is fine and
 * said as such; weaker (a lower value, or a later year) is what a reader must see.
 */
import { asciiKey } from "./text.ts";

export interface AlignTarget {
  id: number;
  ref: string;
  measure: string;
  comparator: string | null;
  value: number | null;
  unit: string | null;
  year: number | null;
}

export type TargetVerdict = "same" | "stricter" | "weaker" | "dropped" | "added";

export interface TargetAlignment {
  verdict: TargetVerdict;
  parent: AlignTarget | null;
  child: AlignTarget | null;
  /** Why, in Vietnamese: "giá trị 65 % so với 60 %", "năm 2028 so với 2030". */
  reasons: string[];
}

const STOP = new Set([
  "ty",
  "le",
  "cac",
  "va",
  "cua",
  "duoc",
  "co",
  "tu",
  "tren",
  "dat",
  "nam",
  "den",
  "hoc",
  "sinh",
]);

/** The words that carry meaning in a target's wording, without tones or filler. */
function words(text: string): Set<string> {
  return new Set(
    asciiKey(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1 && !STOP.has(w)),
  );
}

/** Dice similarity of two wordings over their meaningful words (0…1). */
export function wordingSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** Wordings at least this alike are read as the same target or task. */
export const SAME_WORDING = 0.6;

const fmt = (n: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(n);

/** Higher is better for ≥ and >, lower is better for ≤ and <; "=" and none have no direction. */
function direction(comparator: string | null): 1 | -1 | 0 {
  if (comparator === ">=" || comparator === ">") return 1;
  if (comparator === "<=" || comparator === "<") return -1;
  return 0;
}

export function compareTargets(parent: AlignTarget, child: AlignTarget): TargetAlignment {
  const stricter: string[] = [];
  const weaker: string[] = [];
  const dir = direction(parent.comparator);
  const sameUnit = (parent.unit ?? "") === (child.unit ?? "");
  if (
    dir !== 0 &&
    parent.value !== null &&
    child.value !== null &&
    sameUnit &&
    parent.value !== child.value
  ) {
    const unit = parent.unit ? ` ${parent.unit}` : "";
    const why = `giá trị ${fmt(child.value)}${unit} so với ${fmt(parent.value)}${unit}`;
    ((child.value - parent.value) * dir > 0 ? stricter : weaker).push(why);
  }
  if (parent.year !== null && child.year !== null && parent.year !== child.year) {
    const why = `năm ${child.year} so với ${parent.year}`;
    (child.year < parent.year ? stricter : weaker).push(why);
  }
  if (parent.year !== null && child.year === null && parent.value !== null)
    weaker.push(`không nêu năm (cấp trên: ${parent.year})`);
  const verdict: TargetVerdict = weaker.length > 0 ? "weaker" : stricter.length > 0 ? "stricter" : "same";
  return { verdict, parent, child, reasons: [...weaker, ...stricter] };
}

/**
 * Pairs each parent target with the most alike child target (each child used once, best pairs first);
 * what stays unpaired is dropped (parent) or added (child).
 */
export function alignTargets(parents: AlignTarget[], children: AlignTarget[]): TargetAlignment[] {
  const pairs: { p: number; c: number; score: number }[] = [];
  parents.forEach((p, i) => {
    children.forEach((c, j) => {
      const score = wordingSimilarity(p.measure, c.measure);
      if (score >= SAME_WORDING) pairs.push({ p: i, c: j, score });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.c - b.c);
  const parentOf = new Map<number, number>();
  const usedChild = new Set<number>();
  for (const pair of pairs) {
    if (parentOf.has(pair.p) || usedChild.has(pair.c)) continue;
    parentOf.set(pair.p, pair.c);
    usedChild.add(pair.c);
  }
  const out: TargetAlignment[] = parents.map((p, i) => {
    const c = parentOf.get(i);
    return c === undefined
      ? { verdict: "dropped", parent: p, child: null, reasons: [] }
      : compareTargets(p, children[c] as AlignTarget);
  });
  children.forEach((c, j) => {
    if (!usedChild.has(j)) out.push({ verdict: "added", parent: null, child: c, reasons: [] });
  });
  return out;
}

export interface AlignTask {
  id: number;
  ref: string;
  title: string;
}

/** The parent's tasks (those assigned to the lower plan's body) with no alike task in the lower plan. */
export function tasksWithoutCounterpart(assigned: AlignTask[], children: AlignTask[]): AlignTask[] {
  return assigned.filter((p) => !children.some((c) => wordingSimilarity(p.title, c.title) >= SAME_WORDING));
}
