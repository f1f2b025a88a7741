import type { Kysely } from "kysely";
import { breakdownsOf, fieldKey, fieldName, optionsOf, sortCategories } from "../../domain/breakdowns.ts";
import {
  type EducationLevel,
  educationLevelsOf,
  elementApplies,
  FORM_SECTIONS,
  sectionOf,
  unitEducationLevels,
} from "../../domain/educationLevels.ts";
import type { ElementRule } from "../../domain/figureChecks.ts";
import type { Database } from "../schema.ts";
import { type Catalog, derived, loadCatalog } from "./catalogSnapshot.ts";

/** The unit levels that enter figures, from the kind of unit. */
export function levelOfUnit(kind: string): "commune" | "school" | null {
  if (kind === "commune" || kind === "ward" || kind === "township") return "commune";
  if (kind === "school") return "school";
  return null;
}

/** An element is entered with the breakdowns of every indicator that uses it (options in catalog order). */
export function categoriesByElement(
  indicators: {
    numerator_id: number | null;
    denominator_id: number | null;
    element_id: number | null;
    breakdowns: unknown;
  }[],
): Map<number, string[]> {
  const categories = new Map<number, string[]>();
  for (const i of indicators) {
    const opts = optionsOf(breakdownsOf(i.breakdowns)).map((o) => o.code);
    for (const e of [i.numerator_id, i.denominator_id, i.element_id]) {
      if (e === null || opts.length === 0) continue;
      categories.set(e, sortCategories([...(categories.get(e) ?? []), ...opts]));
    }
  }
  return categories;
}

/** Who a form is for: the level at which the unit enters figures and the education levels it teaches. */
export interface FormTarget {
  entersAs: "commune" | "school";
  levels: EducationLevel[];
}

/** A unit as a form target (null: the unit does not enter figures; its are summed from below). */
export function formTargetOf(unit: {
  kind: string;
  full_name: string;
  education_levels: unknown;
}): FormTarget | null {
  const entersAs = levelOfUnit(unit.kind);
  if (!entersAs) return null;
  return {
    entersAs,
    levels: unitEducationLevels({ kind: unit.kind, name: unit.full_name, levels: unit.education_levels }),
  };
}

/**
 * The data elements one unit enters — those of its entry level that apply to the levels it teaches
 * (domain/educationLevels.ts) — with the rate rules that tie them, each field in its section (general,
 * then preschool, primary, lower and upper secondary), in catalog order within a section. Derived
 * once per catalog snapshot and target: read-only.
 */
export function formDefinitionOf(catalog: Catalog, target: FormTarget) {
  return derived(catalog, `form|${target.entersAs}|${target.levels.join(",")}`, () =>
    defineForm(catalog, target),
  );
}

function defineForm(catalog: Catalog, target: FormTarget) {
  const all = catalog.indicators.filter((i) => i.level === target.entersAs);
  const ids = new Set(
    all
      .flatMap((i) => [i.numerator_id, i.denominator_id, i.element_id])
      .filter((x): x is number => x !== null),
  );
  const rows = catalog.elements.filter((e) => ids.has(e.id));
  const levelsOf = new Map(rows.map((e) => [e.id, educationLevelsOf(e.education_levels)]));
  const elements = rows.filter((e) => elementApplies(levelsOf.get(e.id) ?? [], target));
  const kept = new Set(elements.map((e) => e.id));
  const indicators = all.filter((i) =>
    [i.numerator_id, i.denominator_id, i.element_id].some((e) => e !== null && kept.has(e)),
  );
  const order = new Map<number, number>();
  for (const i of indicators)
    for (const e of [i.numerator_id, i.denominator_id, i.element_id])
      if (e !== null && !order.has(e)) order.set(e, order.size);
  const sectionRank = (id: number) => FORM_SECTIONS.indexOf(sectionOf(levelsOf.get(id) ?? []));
  elements.sort(
    (a, b) => sectionRank(a.id) - sectionRank(b.id) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  const categories = categoriesByElement(indicators);
  const fields = elements.flatMap((e) =>
    ["", ...(categories.get(e.id) ?? [])].map((category) => ({
      key: fieldKey(e.id, category),
      elementId: e.id,
      category,
      code: category ? `${e.code}/${category}` : e.code,
      name: fieldName(e.name, category),
      section: sectionOf(levelsOf.get(e.id) ?? []),
    })),
  );
  return { indicators, elements, fields, categories };
}

/** The form definition of one target, reading the catalog (one statement). */
export async function formDefinition(db: Kysely<Database>, target: FormTarget) {
  return formDefinitionOf(await loadCatalog(db), target);
}

export type FormDefinition = ReturnType<typeof formDefinitionOf>;
export type FormField = FormDefinition["fields"][number];

export function formStatus(db: Kysely<Database>, unitId: number, periodId: number) {
  return db
    .selectFrom("form_status")
    .selectAll()
    .where("org_unit_id", "=", unitId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
}

/** What each data element accepts: kind (count, yes/no, decimal) and plausible range. */
export function rulesOf(catalog: Catalog): Map<number, ElementRule> {
  return derived(
    catalog,
    "rules",
    () =>
      new Map(
        catalog.elements.map((r) => [
          r.id,
          { kind: r.value_kind, min: Number(r.min_value), max: Number(r.max_value) },
        ]),
      ),
  );
}

/** The elements' rules, reading the catalog (one statement). */
export async function elementRules(db: Kysely<Database>): Promise<Map<number, ElementRule>> {
  return rulesOf(await loadCatalog(db));
}

/**
 * Keeps every value of one form in or out of official totals with its status: values of a draft or
 * returned form are drafts; submitting or approving makes them count (the rollup triggers follow).
 */
export async function setFormDraft(db: Kysely<Database>, unitId: number, periodId: number, draft: boolean) {
  await db
    .updateTable("data_value")
    .set({ draft })
    .where("org_unit_id", "=", unitId)
    .where("period_id", "=", periodId)
    .where("draft", "<>", draft)
    .execute();
}

/** A form's status as it bears on its values: drafts are the unit's own until sent. */
export function isDraftStatus(status: string | undefined | null): boolean {
  return status === "draft" || status === "returned";
}

export type ElementCatalog = ReturnType<typeof elementCatalogOf>;

/** Every data element: its name, the levels it is about and the entry levels whose indicators use it. */
export function elementCatalogOf(catalog: Catalog) {
  return derived(catalog, "elements", () => {
    const enteredBy = new Map<number, Set<"commune" | "school">>();
    for (const i of catalog.indicators) {
      const entry = levelOfUnit(i.level);
      if (!entry) continue;
      for (const e of [i.numerator_id, i.denominator_id, i.element_id])
        if (e !== null) enteredBy.set(e, (enteredBy.get(e) ?? new Set()).add(entry));
    }
    return new Map(
      catalog.elements.map((e) => [
        e.id,
        {
          code: e.code,
          name: e.name,
          levels: educationLevelsOf(e.education_levels),
          enteredBy: [...(enteredBy.get(e.id) ?? [])],
        },
      ]),
    );
  });
}

/** The element catalog, reading the catalog (one statement). */
export async function elementCatalog(db: Kysely<Database>) {
  return elementCatalogOf(await loadCatalog(db));
}

/** The schools an element is never asked of (they do not teach its levels), for coverage counts. */
export async function schoolsNotAskedFor(db: Kysely<Database>, elementId: number): Promise<number[]> {
  return (await schoolsNotAskedForMany(db, [elementId])).get(elementId) ?? [];
}

/** For each element, the schools it is never asked of; the schools are read once for every element. */
export async function schoolsNotAskedForMany(
  db: Kysely<Database>,
  elementIds: readonly number[],
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (elementIds.length === 0) return out;
  const elements = await db
    .selectFrom("data_element")
    .select(["id", "education_levels"])
    .where("id", "in", [...new Set(elementIds)])
    .execute();
  const withLevels = elements
    .map((e) => ({ id: e.id, levels: educationLevelsOf(e.education_levels) }))
    .filter((e) => e.levels.length > 0);
  if (withLevels.length === 0) return out;
  const schools = (
    await db
      .selectFrom("org_unit")
      .select(["id", "kind", "full_name", "education_levels"])
      .where("kind", "=", "school")
      .execute()
  ).map((u) => ({
    id: u.id,
    teaches: unitEducationLevels({ kind: u.kind, name: u.full_name, levels: u.education_levels }),
  }));
  for (const e of withLevels)
    out.set(
      e.id,
      schools
        .filter((u) => !elementApplies(e.levels, { entersAs: "school", levels: u.teaches }))
        .map((u) => u.id),
    );
  return out;
}
