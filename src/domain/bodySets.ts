import type { OrgUnitKind } from "./orgUnits.ts";
import type { OccurrenceState } from "./status.ts";

/**
 * Sets of bodies and bodies over time — the rules, without I/O.
 *
 * A task led by a set ("UBND các xã, phường", "Các đơn vị trường học", "Trưởng các bản") is shared out
 * to the set's members as the map stood on the plan's date: one share per member, each followed like
 * any occurrence (the member reports, proposes completion, is chased). The task's own occurrence (the
 * parent) is derived from its shares and counts ONCE in every total:
 *   - done when every share is done; completed on the day the last share was completed, so it is
 *     "done late" when that day is after the parent's deadline;
 *   - unfinished otherwise, so at the parent's deadline it is overdue as soon as any share is still
 *     open (an extension given to one share does not move the parent's deadline);
 *   - paused when every open share is paused; in progress once any share has started;
 *   - its percent is the mean of the shares' (a done share counts 100).
 * "Các cơ quan, đơn vị liên quan" (related/other) is never guessed: the reviewer picks the bodies.
 */
export type SetKind = "communes" | "schools" | "villages" | "related" | "other";

/** The set kinds shared out from the map; the others are picked by the reviewer. */
export const SHARED_SET_KINDS: readonly SetKind[] = ["communes", "schools", "villages"];

export function isSharedSet(kind: string | null | undefined): kind is "communes" | "schools" | "villages" {
  return kind === "communes" || kind === "schools" || kind === "villages";
}

/** Which kinds of map units are members of a set. */
export function memberKinds(kind: "communes" | "schools" | "villages"): OrgUnitKind[] {
  switch (kind) {
    case "communes":
      return ["commune", "ward", "township"];
    case "schools":
      return ["school"];
    default:
      // villages are not on the map yet: their commune answers for them (bodyShareRepository)
      return [];
  }
}

/** Administrative areas a set can be taken within (a body's area is its nearest such ancestor). */
export const AREA_KINDS: string[] = ["province", "district", "city", "commune", "ward", "township"];

/**
 * The date a plan speaks from: its date of issue; else the month and year its date line gives
 * ("ngày tháng 6 năm 2026" → 01/06/2026, "năm 2025" → 01/01/2025); else its period's first year.
 */
export function planDate(doc: {
  issuedOn: string | null;
  dateText: string | null;
  periodFrom: number | null;
}): string | null {
  if (doc.issuedOn) return doc.issuedOn;
  const text = doc.dateText ?? "";
  const year = /năm\s+(\d{4})/u.exec(text)?.[1] ?? /\b(\d{4})\b/.exec(text)?.[1];
  if (year) {
    const month = Number(/tháng\s+(\d{1,2})\b/u.exec(text)?.[1] ?? 1);
    const mm = month >= 1 && month <= 12 ? month : 1;
    return `${year}-${String(mm).padStart(2, "0")}-01`;
  }
  return doc.periodFrom ? `${doc.periodFrom}-01-01` : null;
}

/** The date a plan's sets are read on: the plan's date (planDate), else today. */
export function membershipDate(
  doc: { issuedOn: string | null; dateText: string | null; periodFrom: number | null },
  today: string,
): string {
  return planDate(doc) ?? today;
}

export interface ShareState {
  state: OccurrenceState;
  percent: number;
  completedOn: string | null;
}

/** The parent occurrence as its shares make it (see the rule above); null when there are none. */
export function parentFromShares(shares: ShareState[]): ShareState | null {
  if (shares.length === 0) return null;
  const open = shares.filter((s) => s.state !== "done");
  const percent = Math.round(
    shares.reduce((sum, s) => sum + (s.state === "done" ? 100 : s.percent), 0) / shares.length,
  );
  if (open.length === 0) {
    const last =
      shares
        .map((s) => s.completedOn ?? "")
        .sort()
        .pop() || null;
    return { state: "done", percent: 100, completedOn: last };
  }
  let state: OccurrenceState;
  if (open.every((s) => s.state === "paused")) state = "paused";
  else if (shares.some((s) => (s.state !== "not_started" && s.state !== "paused") || s.percent > 0))
    state = "in_progress";
  else state = "not_started";
  return { state, percent, completedOn: null };
}

/** "x/38 xong": how many shares are done out of how many. */
export function shareProgress(shares: { state: OccurrenceState }[]): { done: number; total: number } {
  return { done: shares.filter((s) => s.state === "done").length, total: shares.length };
}

/** A body (or unit) has ceased on `date` when its validity ended on or before that day. */
export function ceasedOn(unit: { validTo: string | null }, date: string): boolean {
  return unit.validTo !== null && unit.validTo <= date;
}
