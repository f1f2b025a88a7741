/**
 * Whose data a user may see, said explicitly: every unit, or these units. There is no "null means
 * everything": a user of a role the system does not know gets no units at all.
 */
export type Scope = { readonly kind: "all" } | { readonly kind: "units"; readonly ids: ReadonlySet<number> };

export const EVERY_UNIT: Scope = { kind: "all" };
export const NO_UNIT: Scope = { kind: "units", ids: new Set() };

export function unitsScope(ids: Iterable<number>): Scope {
  return { kind: "units", ids: new Set(ids) };
}

export function inScope(scope: Scope, unitId: number | null | undefined): boolean {
  if (unitId === null || unitId === undefined) return false;
  return scope.kind === "all" || scope.ids.has(unitId);
}

/** Keeps the items whose unit is in scope (lists and exports). */
export function withinScope<T>(scope: Scope, items: readonly T[], unitOf: (x: T) => number | null): T[] {
  return scope.kind === "all" ? [...items] : items.filter((x) => inScope(scope, unitOf(x)));
}

/**
 * An officer's scope: their unit's subtree today, widened by lineage to the older units merged into
 * any of them (their history belongs to the officer's unit now).
 */
export function officerScope(
  subtree: Iterable<number>,
  lineage: readonly { from_id: number; to_id: number }[],
): Scope {
  const ids = new Set(subtree);
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of lineage) {
      if (ids.has(l.to_id) && !ids.has(l.from_id)) {
        ids.add(l.from_id);
        grew = true;
      }
    }
  }
  return unitsScope(ids);
}
