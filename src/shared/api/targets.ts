import { z } from "zod";
import { id } from "./wire.ts";

/*
 * The contract of targets (GET/POST/PUT/DELETE /api/targets): response schemas on the server, types
 * for the web (`Answer<typeof …>`). usecases/getTargetsOverview.ts computes them.
 */

export const TargetStatus = z.enum([
  "achieved",
  "on_track",
  "at_risk",
  "behind",
  "no_data",
  "not_enough_data",
]);

const Meeting = z.object({ count: z.number().int(), reported: z.number().int(), total: z.number().int() });

/** A school year's figure of a target: entered, officially reported, or sample data. */
export const TargetPoint = z.object({
  period: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** For a target every commune must meet: how many communes meet it that year. */
  meeting: Meeting.optional(),
});

export const Target = z.object({
  id,
  label: z.string(),
  comparator: z.string(),
  value: z.number(),
  due_year: z.number().int(),
  baseline_value: z.number().nullable(),
  baseline_year: z.number().int().nullable(),
  org_unit_id: id,
  scope: z.enum(["unit", "each_commune"]),
  recurring: z.boolean(),
  document_id: id.nullable(),
  version: z.number().int(),
  unit_name: z.string(),
  indicator_id: id,
  code: z.string(),
  indicator_name: z.string(),
  unit: z.string().nullable(),
  level: z.string(),
  numerator_id: id.nullable(),
  denominator_id: id.nullable(),
  element_id: id.nullable(),
  current: TargetPoint.nullable(),
  status: TargetStatus,
  /** How many of the units the target covers have sent figures (entered totals only). */
  coverage: z.object({ reported: z.number().int(), total: z.number().int() }).nullable(),
  trend: z.array(TargetPoint),
  meeting: Meeting.nullable(),
});

export const TargetList = z.object({
  /** From the server's target policy: may the caller edit or remove each. */
  targets: z.array(Target.extend({ can: z.object({ edit: z.boolean(), delete: z.boolean() }) })),
  thresholds: z.object({ onTrack: z.number(), atRisk: z.number(), minCoverage: z.number() }),
  can: z.object({ create: z.boolean() }),
});

export const TargetSaved = z.object({ id, version: z.number().int() });
export const TargetRemoved = z.object({ id });
