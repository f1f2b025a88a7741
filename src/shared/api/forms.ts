import { z } from "zod";
import { Breakdown, EducationLevel, IndicatorType, ValueKind } from "./indicators.ts";
import { Period } from "./periods.ts";
import { flags, timestamp, type Wire } from "./wire.ts";

/** Data-entry forms (GET/PUT /api/forms/{unitId}/{periodId}, review, upload) and who has sent theirs. */
export const FormState = z.enum(["draft", "submitted", "approved", "returned"]);

/** A problem the figure checks found (domain/figureChecks.ts). */
export const FigureProblem = z.object({
  field: z.string(),
  elementId: z.number().int(),
  category: z.string(),
  level: z.enum(["error", "warning"]),
  kind: z.enum(["missing", "check"]),
  message: z.string(),
});
export type FigureProblem = z.infer<typeof FigureProblem>;

/** A form's sections, in the order the form shows them (domain/educationLevels.ts FORM_SECTIONS). */
export const FormSection = z.enum([
  "general",
  "preschool",
  "primary",
  "lower_secondary",
  "upper_secondary",
  "secondary",
]);

export const DataForm = z.object({
  unit: z.object({ id: z.number().int(), full_name: z.string(), kind: z.string(), is_sample: z.boolean() }),
  /** The levels the unit is asked about (a school's; empty for a commune: all of them). */
  educationLevels: z.array(EducationLevel),
  sections: z.array(FormSection),
  period: Period,
  previousPeriod: Period.nullable(),
  status: z.object({
    org_unit_id: z.number().int().optional(),
    period_id: z.number().int().optional(),
    status: FormState,
    submitted_at: timestamp.nullable(),
    reviewed_at: timestamp.nullable(),
    reason: z.string().nullable(),
    version: z.number().int(),
  }),
  indicators: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      type: IndicatorType,
      numerator_id: z.number().int().nullable(),
      denominator_id: z.number().int().nullable(),
      element_id: z.number().int().nullable(),
      gross: z.boolean(),
      breakdowns: z.array(Breakdown),
    }),
  ),
  fields: z.array(
    z.object({
      key: z.string(),
      elementId: z.number().int(),
      category: z.string(),
      code: z.string(),
      name: z.string(),
      section: FormSection,
      value: z.number().nullable(),
      comment: z.string().nullable(),
      isSample: z.boolean(),
      previous: z.number().nullable(),
      /** What the field accepts (the same rule the server applies on save). */
      rule: z.object({ kind: ValueKind, min: z.number(), max: z.number() }).nullable(),
    }),
  ),
  can: flags("read", "enter", "approve", "return", "reopen"),
});
export type DataForm = Wire<z.infer<typeof DataForm>>;
export type FormField = DataForm["fields"][number];

/** A save or an upload: the form's new status and version, the checks' warnings. */
export const FormSaved = z.object({
  /** "draft" or "submitted" (a FormState). */
  status: z.string(),
  version: z.number().int(),
  warnings: z.array(FigureProblem),
  /** The same Idempotency-Key sent again: this is the first answer, nothing was written twice. */
  replayed: z.literal(true).optional(),
});
export type FormSaved = z.infer<typeof FormSaved>;

/** "approved" or "returned" (a FormState). */
export const FormReviewed = z.object({ status: z.string(), version: z.number().int() });
export type FormReviewed = z.infer<typeof FormReviewed>;

/** GET /api/forms-status: the forms of the reporting units under a parent, for one period. */
export const FormsStatus = z.object({
  period: Period,
  units: z.array(
    z.object({
      id: z.number().int(),
      full_name: z.string(),
      kind: z.string(),
      /** A FormState, or "not_started" when the unit has not opened the form. */
      status: z.string(),
      submitted_at: timestamp.nullable(),
      reviewed_at: timestamp.nullable(),
      late: z.boolean(),
    }),
  ),
});
export type FormsStatus = Wire<z.infer<typeof FormsStatus>>;
