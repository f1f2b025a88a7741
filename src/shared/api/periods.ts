import { z } from "zod";
import { day } from "./wire.ts";

/** Reporting periods (GET /api/periods; domain/periods.ts): school years, years, quarters, windows. */
export const Period = z.object({
  id: z.number().int(),
  code: z.string(),
  kind: z.string(),
  name: z.string(),
  start_date: day,
  end_date: day,
  cutoff_from: day.nullable(),
  cutoff_to: day.nullable(),
});
export type Period = z.infer<typeof Period>;

export const PeriodsAnswer = z.object({ periods: z.array(Period) });
export type PeriodsAnswer = z.infer<typeof PeriodsAnswer>;
