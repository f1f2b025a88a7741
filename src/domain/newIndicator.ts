/**
 * A new catalog indicator proposed for a row of a plan's indicator table that matches none: its kind
 * read from the unit the row states, and a catalog code made from the plan's number and the row. Pure.
 */
import { asciiKey } from "./text.ts";

export const NEW_INDICATOR_TYPES = ["count", "rate", "yes_no"] as const;
export type NewIndicatorType = (typeof NEW_INDICATOR_TYPES)[number];

export interface NewIndicatorProposal {
  name: string;
  unit: string;
  type: NewIndicatorType;
}

/**
 * A percentage unit ("%", "tỷ lệ %") is a rate; a yes/no unit ("Có/Không", "đạt/không đạt") or a name
 * that asks whether ("Có …", "… hay không") is yes/no; anything else counts (people, schools, communes).
 */
export function newIndicatorType(name: string, unit: string | null): NewIndicatorType {
  const u = asciiKey(unit ?? "");
  const n = asciiKey(name);
  if (u.includes("%") || /\bphan tram\b/.test(u)) return "rate";
  if (/\bco\s*\/\s*khong\b|\bdat\s*\/\s*(khong|chua)\b/.test(u) || /\bhay khong\b/.test(n)) return "yes_no";
  if (!u && /^(ty|ti) le\b/.test(n)) return "rate";
  return "count";
}

/** What the reviewer is offered to create for a row: its name as read, its unit, the kind above. */
export function proposeNewIndicator(name: string, unit: string | null): NewIndicatorProposal {
  const clean = name.replace(/\s+/g, " ").trim();
  const type = newIndicatorType(clean, unit);
  return { name: clean, unit: (unit ?? "").trim() || (type === "rate" ? "%" : ""), type };
}

/**
 * The code a new indicator gets: the plan's type and number ("5272/KH-UBND" → "KH5272"), else "VB"
 * and the document's id, then the row's reference ("KH5272-17"); `taken` decides whether to add "-2",
 * "-3" … Codes keep to what the catalog accepts (letters, digits, ".", "_", "-"; at most 40).
 */
export function newIndicatorCode(
  documentNumber: string | null,
  documentId: number,
  ref: string,
  taken: (code: string) => boolean,
): string {
  const m = asciiKey(documentNumber ?? "").match(/^\s*(\d+)\s*\/\s*([a-z]+)/);
  const base = m ? `${(m[2] as string).toUpperCase()}${m[1]}` : `VB${documentId}`;
  const row = asciiKey(ref)
    .toUpperCase()
    .replace(/[^A-Z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const padded = /^\d$/.test(row) ? `0${row}` : row || "X";
  const first = `${base}-${padded}`.slice(0, 36);
  if (!taken(first)) return first;
  for (let n = 2; ; n++) if (!taken(`${first}-${n}`)) return `${first}-${n}`;
}
