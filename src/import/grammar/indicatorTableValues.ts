import { parseViNumber } from "../../domain/numbers.ts";

/** A value cell as the scan gave it, and what it is read as. */
export interface ReadValue {
  raw: string;
  value: number | null;
  /** Why the value is not simply the text's number (a lost decimal mark, a letter read as a digit). */
  doubt: string | null;
}

// letters an OCR engine puts for digits inside a number ("1O0", "9S", "l7")
const LETTER_DIGITS: Record<string, string> = { O: "0", o: "0", D: "0", l: "1", I: "1", S: "5", B: "8" };

/**
 * One number of an indicator row through domain/numbers.ts ("33,8", "81.9" and "100,0" as written),
 * with the scan's variants: a letter for a digit, and — in a percentage column — a decimal mark the scan
 * lost ("954" beside 95,58 is 95,4; "171" is 17,1): a whole number over 150 % is read with one decimal
 * and the doubt is said; 100–150 % may be a gross rate and is kept, flagged.
 */
export function readIndicatorValue(raw: string, unit: string | null): ReadValue {
  // a comparator or a percent sign around the figure of a target cell ("≥ 55", "100%") is not the value
  const bare = raw.replace(/^\s*(?:[≥≤><]=?|>=|<=)\s*/u, "").replace(/\s*%\s*$/, "");
  const letters = /[A-Za-z]/.test(bare);
  const text = bare.replace(/[OoDlISB]/g, (c) => LETTER_DIGITS[c] ?? c);
  const parsed = parseViNumber(text);
  if (!parsed.ok) return { raw, value: null, doubt: parsed.reason };
  const doubt = letters ? `«${raw}» đọc thành ${text}` : null;
  if (unit === "%" && /^\d{3}$/.test(text) && parsed.value > 150)
    return {
      raw,
      value: parsed.value / 10,
      doubt: `«${raw}» % không thể đúng: đọc là ${String(parsed.value / 10).replace(".", ",")} (bản quét mất dấu phẩy)`,
    };
  if (unit === "%" && parsed.value > 100)
    return { raw, value: parsed.value, doubt: doubt ?? `${raw} % vượt 100 % (tỷ lệ thô?)` };
  return { raw, value: parsed.value, doubt };
}

/** Number-like tokens of a text, with where they start ("33,8", "81.9", "1O0"). */
export function numberTokens(s: string): { raw: string; index: number }[] {
  const re = /(?<![\p{L}\d,.])\d[\dOo]*(?:[.,]\d+)?(?![\p{L}\d])/gu;
  return [...s.matchAll(re)].map((m) => ({ raw: m[0], index: m.index ?? 0 }));
}
