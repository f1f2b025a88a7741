import { memoByString } from "../domain/memo.ts";
import { asciiKey } from "../domain/text.ts";
import type { UnitCandidate } from "./bodies.ts";
import type { TaskDraft } from "./draft.ts";
import { verbAt } from "./duties.ts";
import { sameWord } from "./grammar/indicatorMatch.ts";

/**
 * Sets of bodies plans name in the Tổ chức thực hiện of a province's plan, as the reviewer sees them
 * when a scan lost the letters that would have let the duties reader recognise them.
 */
const SETS = [
  "Ủy ban nhân dân các xã, phường",
  "Các sở, ban, ngành, đoàn thể tỉnh",
  "Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội",
  "Ủy ban Mặt trận Tổ quốc Việt Nam",
];

// digits a scan puts for letters inside a word ("S6" Sở, "x4" xã)
const DIGIT_LETTERS: Record<string, string> = { "0": "o", "1": "l", "3": "a", "4": "a", "6": "o", "9": "o" };

/** A name as words without marks, a scan's digits-for-letters undone, any other mark a "?" (any letter). */
function nameWords(name: string): string[] {
  return asciiKey(name)
    .replace(/[\s,./;:()|"“”\-–_]+/g, " ")
    .replace(/[^a-z0-9 ]/g, "?")
    .split(" ")
    .filter((w) => /[a-z0-9?]/.test(w))
    .map((w) => (/[a-z?]/.test(w) && /\d/.test(w) ? w.replace(/\d/g, (d) => DIGIT_LETTERS[d] ?? "?") : w));
}

// the known bodies' names are the same from one plan to the next: each is split into words once
const candidateWords = memoByString(nameWords);

/** First words of a body name, as a scan leaves them without marks ("S6", "Uy ban", "Truong"). */
const OCR_HEAD = /^(s[o0-9?]|s\?|so|uy|ubnd|truong|cac|ban|phong|cong|mat|hoi|doan|bao|dai|trung)$/;

/** How many of the candidate's words open the text, in order, each read the way a scan may misspell it. */
function openingMatch(text: string[], cand: string[]): number {
  let matched = 0;
  let misses = 0;
  for (let i = 0; i < cand.length; i++) {
    const a = text[i];
    if (a === undefined) return 0;
    if (sameWord(a, cand[i] as string)) matched++;
    else if (++misses > Math.floor(cand.length / 4)) return 0;
  }
  return sameWord(text[0] as string, cand[0] as string) ? matched : 0;
}

/**
 * A scan that lost its diacritics ("S6 Gido duc va Pao tao xay dung …") hides the body that opens each
 * duty: the duty's opening words are compared, letter-tolerantly, with the known bodies and common sets;
 * the longest that opens the duty becomes its lead (the name as the catalog writes it). A duty whose
 * opening words look like a body but match none keeps them as written (up to its verb), for the reviewer.
 */
export function ocrLeads(tasks: TaskDraft[], units: UnitCandidate[]): void {
  const names = [...new Set([...units.flatMap((u) => [u.name, ...u.names]), ...SETS])]
    .map((name) => ({ name, words: candidateWords(name) }))
    .filter((c) => c.words.length >= 2);
  for (const t of tasks) {
    if (t.source !== "duties" || t.lead.length > 0) continue;
    const body = t.title.replace(/^d\S{0,2}\s+ngh\S{0,2}\s+/iu, "");
    const words = nameWords(body);
    if (!OCR_HEAD.test(words[0] ?? "")) continue;
    let best: { name: string; n: number } | null = null;
    for (const c of names) {
      const n = openingMatch(words, c.words);
      if (n >= 2 && (!best || n > best.n)) best = { name: c.name, n };
    }
    if (best) {
      t.lead = [units.find((u) => u.names.includes(best.name))?.name ?? best.name];
      continue;
    }
    const v = verbAt(body);
    if (v > 3 && body.slice(0, v).split(/\s+/).length <= 8) t.lead = [body.slice(0, v).trim()];
  }
}
