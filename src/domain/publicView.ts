import { AREA_KINDS } from "./bodySets.ts";

/**
 * What the public page may show: nothing below a commune. A commune, ward or township, a district or
 * the province stand for themselves; a body of the province or of a district (a department) too; a
 * school, and a body inside a commune (its offices), are counted into their commune and never named.
 */
export const COMMUNE_KINDS: readonly string[] = ["commune", "ward", "township"];

export interface UnitOnMap {
  id: number;
  kind: string;
  /** The unit's parents, nearest first, as the map stands on the day asked about. */
  ancestors: { id: number; kind: string }[];
}

/** The unit that answers for this one on the public page: itself, or the commune it belongs to. */
export function publicUnitOf(unit: UnitOnMap): number | null {
  if (AREA_KINDS.includes(unit.kind)) return unit.id;
  const area = unit.ancestors.find((a) => AREA_KINDS.includes(a.kind));
  if (!area) return unit.kind === "school" ? null : unit.id;
  if (unit.kind === "school" || COMMUNE_KINDS.includes(area.kind)) return area.id;
  return unit.id;
}

/** May this unit be named (asked about) on the public page? */
export const isPublicLevel = (unit: UnitOnMap): boolean => publicUnitOf(unit) === unit.id;

export type Standing = "done" | "overdue" | "open";

/** An occurrence as it stood on asOf: confirmed done by then, past its deadline, or still open. */
export function standingOn(
  o: { state: string; due_on: string | null; completed_on: string | null },
  asOf: string,
): Standing {
  if (o.state === "done" && o.completed_on !== null && o.completed_on <= asOf) return "done";
  if (o.due_on !== null && o.due_on < asOf) return "overdue";
  return "open";
}

export interface Tally {
  total: number;
  done: number;
  overdue: number;
  open: number;
  /** The published rate: done ÷ (done + overdue); null when neither. */
  rate: number | null;
}

export function tally(standings: Standing[]): Tally {
  const count = (s: Standing) => standings.filter((x) => x === s).length;
  const done = count("done");
  const overdue = count("overdue");
  return {
    total: standings.length,
    done,
    overdue,
    open: count("open"),
    rate: done + overdue === 0 ? null : done / (done + overdue),
  };
}
