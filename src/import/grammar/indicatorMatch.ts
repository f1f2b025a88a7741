import { proposeNewIndicator } from "../../domain/newIndicator.ts";
import { asciiKey } from "../../domain/text.ts";
import type { IndicatorDraft, IndicatorMatch } from "../draft.ts";

/** A catalog indicator an indicator row can be matched to. */
export interface IndicatorCandidate {
  id: number;
  code: string;
  name: string;
  unit: string;
}

/** At or above: proposed as the row's indicator. Below: a new indicator is proposed. */
export const MATCH_THRESHOLD = 0.55;

// digits a scan puts for letters inside a word ("1é" lệ, "d6" độ, "19p" lớp, "x3" xã)
const DIGIT_LETTERS: Record<string, string> = { "0": "o", "1": "l", "3": "a", "4": "a", "6": "o", "9": "o" };
// words written short in tables, spelled out so both sides compare
const SHORT: [RegExp, string][] = [
  [/\bthcs\b/g, "trung hoc co so"],
  [/\bthpt\b/g, "trung hoc pho thong"],
  [/\bmn\b/g, "mam non"],
  [/\bpcgd\b/g, "pho cap giao duc"],
  [/\bsv\b/g, "sinh vien"],
  [/\bty\s*le\b|\bti\s*le\b/g, "ty le"],
];

/** A name as comparable words: no diacritics, a scan's digits-for-letters undone, short forms spelled out. */
export function nameWords(name: string): string[] {
  let key = asciiKey(name)
    .replace(/['’‘`]/g, "")
    .replace(/[\s,./;:()|"“”\-–_]+/g, " ")
    .replace(/[^a-z0-9 ]/g, "?")
    .split(" ")
    .map((w) => (/[a-z?]/.test(w) && /\d/.test(w) ? w.replace(/\d/g, (d) => DIGIT_LETTERS[d] ?? "?") : w))
    .join(" ");
  for (const [re, long] of SHORT) key = key.replace(re, long);
  return key
    .split(" ")
    .filter(
      (w) => /[a-z0-9]/.test(w) && ![...STOP].some((s) => sameWord(w, s)) && w.replace(/\?/g, "").length > 0,
    );
}

const VOWEL = /[aeiouy]/;
const STOP = new Set(["cua", "va", "cac", "theo", "cap", "so", "ty", "le", "don", "vi"]);

/**
 * Two words are the same when equal letter for letter ("?" — a mark the scan left — matching any one),
 * or, when the longer has four letters or more, one letter apart ("murc" / "muc").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === b.length) {
    const differ = [...a].filter((ch, i) => ch !== b[i] && ch !== "?" && b[i] !== "?").length;
    if (differ === 0) return true;
    // one vowel for another: the scan's reading of a vowel with its marks ("mic" mức, "xi" xã)
    const at = [...a].findIndex((ch, i) => ch !== b[i] && ch !== "?" && b[i] !== "?");
    if (differ === 1 && VOWEL.test(a[at] as string) && VOWEL.test(b[at] as string)) return true;
  }
  if (/\d/.test(a) || /\d/.test(b) || Math.max(a.length, b.length) < 4 || Math.min(a.length, b.length) < 3)
    return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j] || a[i] === "?" || b[j] === "?") {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/**
 * How alike a row's name is to a catalog name (0–1): words weighted by how rare they are in the
 * catalog (so "mầm non" / "tiểu học" and the level "1" / "2" decide between rows that share the rest),
 * shared weight over the union's weight.
 */
export function similarity(row: string[], cand: string[], weight: (w: string) => number): number {
  const usedCand = new Set<number>();
  let shared = 0;
  let rowOnly = 0;
  for (const w of new Set(row)) {
    const at = cand.findIndex((c, i) => !usedCand.has(i) && sameWord(w, c));
    if (at >= 0) {
      usedCand.add(at);
      shared += weight(cand[at] as string);
    } else rowOnly += weight(w);
  }
  const candOnly = cand.filter((_, i) => !usedCand.has(i)).reduce((s, w) => s + weight(w), 0);
  // words only the row has (scan debris, a unit in the name) count half: the catalog's words decide
  const total = shared + rowOnly / 2 + candOnly;
  return total === 0 ? 0 : shared / total;
}

function unitKind(unit: string | null): string | null {
  if (!unit) return null;
  const k = asciiKey(unit);
  if (k.includes("%")) return "%";
  if (/xa|phuong/.test(k)) return "units";
  if (/van dan/.test(k)) return "per10k";
  return k;
}

/**
 * Proposes, for each row, the catalog indicator it matches: the same name (exact), else the most
 * similar name in a compatible unit at or above MATCH_THRESHOLD; each catalog indicator goes to one row
 * at most (the best pairs first). A row left without one proposes a new indicator (match null,
 * `proposed` its name, unit and kind), which the reviewer may accept.
 */
export function matchIndicators(rows: IndicatorDraft[], catalog: IndicatorCandidate[]): void {
  const words = catalog.map((c) => ({ c, words: [...new Set(nameWords(c.name))] }));
  const df = new Map<string, number>();
  for (const w of words) for (const x of w.words) df.set(x, (df.get(x) ?? 0) + 1);
  const weight = (w: string) => Math.log(1 + catalog.length / (df.get(w) ?? 0.5));
  const pairs: { row: number; cand: IndicatorCandidate; score: number }[] = [];
  rows.forEach((r, i) => {
    const rw = nameWords(r.name);
    const exactKey = rw.join(" ");
    for (const { c, words: cw } of words) {
      if (nameWords(c.name).join(" ") === exactKey) {
        pairs.push({ row: i, cand: c, score: 1 });
        continue;
      }
      const ru = unitKind(r.unit);
      const cu = unitKind(c.unit);
      const penalty = ru && cu && ru !== cu ? 0.6 : 1;
      const score = Math.round(similarity(rw, cw, weight) * penalty * 1000) / 1000;
      if (score >= MATCH_THRESHOLD) pairs.push({ row: i, cand: c, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.row - b.row);
  const rowDone = new Set<number>();
  const candDone = new Set<number>();
  for (const r of rows) r.match = null;
  for (const p of pairs) {
    if (rowDone.has(p.row) || candDone.has(p.cand.id)) continue;
    rowDone.add(p.row);
    candDone.add(p.cand.id);
    const match: IndicatorMatch = {
      indicatorId: p.cand.id,
      code: p.cand.code,
      name: p.cand.name,
      unit: p.cand.unit,
      score: p.score,
      how: p.score === 1 ? "exact" : "similar",
    };
    (rows[p.row] as IndicatorDraft).match = match;
  }
  for (const r of rows) r.proposed = r.match ? null : proposeNewIndicator(r.name, r.unit);
}
