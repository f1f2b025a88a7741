import type { Kysely } from "kysely";
import { breakdownsOf, fieldKey, fieldName, optionsOf, sortCategories } from "../../domain/breakdowns.ts";
import type { ElementRule } from "../../domain/figureChecks.ts";
import type { Database } from "../schema.ts";

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

/** The data elements a unit of this level enters, with the rate rules that tie them. */
export async function formDefinition(db: Kysely<Database>, level: string) {
  const indicators = await db
    .selectFrom("indicator")
    .selectAll()
    .where("level", "=", level)
    .orderBy("code")
    .execute();
  const ids = [
    ...new Set(
      indicators
        .flatMap((i) => [i.numerator_id, i.denominator_id, i.element_id])
        .filter((x): x is number => x !== null),
    ),
  ];
  const elements = ids.length
    ? await db.selectFrom("data_element").selectAll().where("id", "in", ids).execute()
    : [];
  const order = new Map<number, number>();
  for (const i of indicators)
    for (const e of [i.numerator_id, i.denominator_id, i.element_id])
      if (e !== null && !order.has(e)) order.set(e, order.size);
  elements.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const categories = categoriesByElement(indicators);
  const fields = elements.flatMap((e) =>
    ["", ...(categories.get(e.id) ?? [])].map((category) => ({
      key: fieldKey(e.id, category),
      elementId: e.id,
      category,
      code: category ? `${e.code}/${category}` : e.code,
      name: fieldName(e.name, category),
    })),
  );
  return { indicators, elements, fields, categories };
}

export type FormField = Awaited<ReturnType<typeof formDefinition>>["fields"][number];

export function formStatus(db: Kysely<Database>, unitId: number, periodId: number) {
  return db
    .selectFrom("form_status")
    .selectAll()
    .where("org_unit_id", "=", unitId)
    .where("period_id", "=", periodId)
    .executeTakeFirst();
}

export function valuesOf(db: Kysely<Database>, unitId: number, periodId: number) {
  return db
    .selectFrom("data_value")
    .selectAll()
    .where("org_unit_id", "=", unitId)
    .where("period_id", "=", periodId)
    .execute();
}

/** The period of the same kind just before this one. */
export function previousPeriod(db: Kysely<Database>, period: { kind: string; start_date: string }) {
  return db
    .selectFrom("period")
    .selectAll()
    .where("kind", "=", period.kind)
    .where("start_date", "<", period.start_date)
    .orderBy("start_date", "desc")
    .executeTakeFirst();
}

/** What each data element accepts: kind (count, yes/no, decimal) and plausible range. */
export async function elementRules(db: Kysely<Database>): Promise<Map<number, ElementRule>> {
  const rows = await db
    .selectFrom("data_element")
    .select(["id", "value_kind", "min_value", "max_value"])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { kind: r.value_kind, min: Number(r.min_value), max: Number(r.max_value) }]),
  );
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
