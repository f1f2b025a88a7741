import { z } from "zod";
import { day } from "./wire.ts";

/** The indicator catalog (GET/POST /api/indicators, PUT /api/indicators/{id}) and an indicator's values. */
export const IndicatorType = z.enum(["rate", "count", "units_meeting", "yes_no"]);
export const Breakdown = z.enum(["education_level", "sex", "ethnic_minority"]);
export const EducationLevel = z.enum(["preschool", "primary", "lower_secondary", "upper_secondary"]);
export const ValueKind = z.enum(["count", "yes_no", "decimal"]);

export const CatalogIndicator = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  type: IndicatorType,
  direction: z.enum(["higher", "lower"]),
  level: z.string(),
  multiplier: z.number(),
  numerator_id: z.number().int().nullable(),
  denominator_id: z.number().int().nullable(),
  element_id: z.number().int().nullable(),
  gross: z.boolean(),
  breakdowns: z.array(Breakdown),
  source: z.string().nullable(),
  version: z.number().int(),
  numerator_name: z.string().nullable(),
  denominator_name: z.string().nullable(),
  element_name: z.string().nullable(),
  value_kind: ValueKind.nullable(),
  min_value: z.number().nullable(),
  max_value: z.number().nullable(),
  education_levels: z.array(EducationLevel),
  /** The plans' own figures for a coming period ("Chỉ tiêu năm học 2025-2026"). */
  planned: z.array(
    z.object({ value: z.number(), period: z.string(), unit: z.string(), source: z.string().nullable() }),
  ),
});
export type CatalogIndicator = z.infer<typeof CatalogIndicator>;

export const IndicatorsAnswer = z.object({ indicators: z.array(CatalogIndicator) });
export type IndicatorsAnswer = z.infer<typeof IndicatorsAnswer>;

/** An indicator saved: its id and new version. */
export const IndicatorSaved = z.object({ id: z.number().int(), version: z.number().int() });
export type IndicatorSaved = z.infer<typeof IndicatorSaved>;

/** GET /api/indicators/{id}/values: one point per unit and period with a figure. */
export const IndicatorValues = z.object({
  asOf: day,
  points: z.array(
    z.object({
      unitId: z.number().int(),
      periodId: z.number().int(),
      numerator: z.number().nullable(),
      denominator: z.number().nullable(),
      value: z.number().nullable(),
      sample: z.boolean(),
      unit: z.object({ id: z.number().int(), full_name: z.string(), is_sample: z.boolean() }).nullable(),
    }),
  ),
});
export type IndicatorValues = z.infer<typeof IndicatorValues>;
