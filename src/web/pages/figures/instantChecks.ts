import { optionsOf } from "../../../domain/breakdowns.ts";
import {
  checkFigures,
  type ElementRule,
  type FieldValues,
  type FigureProblem,
} from "../../../domain/figureChecks.ts";
import type { DataForm } from "../../forms.ts";

export type { DataForm };
export type Draft = Record<
  string,
  {
    value: number | null;
    comment: string | null /** why the typed text is not a number */;
    unreadable?: string | null;
  }
>;

/**
 * The server's own checks (domain/figureChecks.ts), run in the browser on every keystroke, so an
 * officer sees at once what the save would refuse. The server checks again on save.
 */
export function instantChecks(form: DataForm, draft: Draft): Map<string, FigureProblem[]> {
  const values: FieldValues = new Map(
    Object.entries(draft).map(([key, v]) => [key, { value: v.value, comment: v.comment }]),
  );
  const previous = new Map(
    form.fields.filter((f) => f.previous !== null).map((f) => [f.key, f.previous as number]),
  );
  const rates = form.indicators
    .filter((i) => i.type === "rate" && i.numerator_id !== null && i.denominator_id !== null)
    .map((i) => ({
      name: i.name,
      numeratorId: i.numerator_id as number,
      denominatorId: i.denominator_id as number,
      gross: i.gross,
      categories: optionsOf(i.breakdowns).map((o) => o.code),
    }));
  const brokenDown = new Map<number, string[]>();
  for (const f of form.fields)
    if (f.category) brokenDown.set(f.elementId, [...(brokenDown.get(f.elementId) ?? []), f.category]);
  const problems = checkFigures(values, previous, rates, new Map(form.fields.map((f) => [f.key, f.name])), {
    requireAll: false,
    fields: form.fields.map((f) => f.key),
    brokenDown: [...brokenDown].map(([elementId, categories]) => ({ elementId, categories })),
    elements: new Map(
      form.fields.filter((f) => f.rule !== null).map((f) => [f.elementId, f.rule as ElementRule]),
    ),
  });
  const byField = new Map<string, FigureProblem[]>();
  for (const p of problems) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  return byField;
}
