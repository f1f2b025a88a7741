import { z } from "zod";
import { TargetStatus } from "./targets.ts";
import { day, id } from "./wire.ts";

/* The contract of the leaders' overview (GET /api/overview, usecases/getOverview.ts). */

const Brief = z.object({
  id,
  number: z.string().nullable(),
  title: z.string().nullable(),
  held: z.boolean(),
  type: z.string().nullable(),
});
const Plan = Brief.extend({ parents: z.array(id) });

export const Overview = z.object({
  asOf: day,
  root: Plan.nullable(),
  documents: z.array(Plan),
  targets: z.object({
    byStatus: z.record(z.string(), z.number().int()),
    items: z.array(
      z.object({
        id,
        label: z.string(),
        unit: z.string(),
        indicatorId: id,
        comparator: z.string(),
        target: z.number(),
        unitOfMeasure: z.string().nullable(),
        dueYear: z.number().int(),
        current: z.number().nullable(),
        status: TargetStatus,
        meeting: z
          .object({ count: z.number().int(), reported: z.number().int(), total: z.number().int() })
          .nullable(),
      }),
    ),
  }),
  tasks: z
    .object({
      total: z.number().int(),
      done_on_time: z.number().int(),
      done_late: z.number().int(),
      overdue: z.number().int(),
      in_time: z.number().int(),
      no_deadline: z.number().int(),
      awaiting_date: z.number().int(),
      awaiting_confirmation: z.number().int(),
      done: z.number().int(),
      rate: z.number().nullable(),
    })
    .nullable(),
  mostOverdue: z.array(
    z.object({
      id,
      label: z.string(),
      due_on: day.nullable(),
      task_id: id,
      ref: z.string(),
      title: z.string(),
      document_number: z.string().nullable(),
      days_late: z.number().int(),
      lead: z.string().nullable(),
    }),
  ),
  overdueByBody: z.array(
    z.object({ unit_id: id, unit_name: z.string(), kind: z.string(), overdue: z.number().int() }),
  ),
  overdueByCommune: z.array(z.object({ unit_id: id, overdue: z.number().int() })),
  forms: z
    .object({
      period: z.object({ id, code: z.string(), name: z.string() }),
      total: z.number().int(),
      submitted: z.number().int(),
      approved: z.number().int(),
      late: z.array(z.object({ id, name: z.string() })),
    })
    .nullable(),
  plans: z.array(
    Plan.extend({
      against: z.array(Brief.extend({ missing: z.array(z.string().nullable()) })),
      weaker: z.number().int(),
      dropped: z.number().int(),
      stricter: z.number().int(),
      tasksWithoutCounterpart: z.number().int(),
    }),
  ),
  bodiesWithoutPlan: z.array(z.object({ unitId: id, name: z.string(), tasks: z.number().int() })),
});
