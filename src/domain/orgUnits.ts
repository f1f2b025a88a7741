import type { NameMatch } from "./text.ts";

export type OrgUnitKind =
  | "province"
  | "district"
  | "city"
  | "commune"
  | "ward"
  | "township"
  | "body"
  | "school";

export const kindLabel: Record<OrgUnitKind, string> = {
  province: "Tỉnh",
  district: "Huyện",
  city: "Thành phố",
  commune: "Xã",
  ward: "Phường",
  township: "Thị trấn",
  body: "Cơ quan",
  school: "Trường học",
};

/** Date the 2025 reform took effect: districts abolished, 106 communes merged into 38. */
export const REFORM_DATE = "2025-07-01";

export interface UnitLink {
  id: number;
  name: string;
  weight: number;
  effectiveOn: string;
}

export interface OrgUnitView {
  id: number;
  code: string | null;
  kind: OrgUnitKind;
  name: string;
  fullName: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  isSample: boolean;
  /** Units this one was formed from (old → this). */
  formedFrom: UnitLink[];
  /** Units this one became part of (this → new). */
  mergedInto: UnitLink[];
}

export interface OrgUnitSearchHit {
  unit: OrgUnitView;
  matchedName: string;
  match: NameMatch;
}

/** True when [from, to) contains the date; null bounds are open. Dates are ISO yyyy-mm-dd. */
export function validOn(from: string | null, to: string | null, date: string): boolean {
  return (from === null || from <= date) && (to === null || date < to);
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Ids of the unit and every unit below it, given child → parent links valid at one date. */
export function subtreeIds(rootId: number, parentOf: Map<number, number | null>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [child, parent] of parentOf) {
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(child);
    children.set(parent, list);
  }
  const out = new Set<number>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    for (const c of children.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}
