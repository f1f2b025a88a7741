import { z } from "zod";

/*
 * The contract of the public page, shared by the server (response schemas on its routes: anything not
 * listed here is stripped before it leaves — no person, comment or file can slip out) and the web
 * (types inferred with `import type`, so the web bundle carries no zod).
 */

export const Tally = z.object({
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  open: z.number().int(),
  rate: z.number().nullable(),
});

export const PublicPlan = z.object({
  id: z.number().int(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  type: z.string().nullable(),
  issuedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  period: z.object({ from: z.number().int(), to: z.number().int().nullable() }).nullable(),
  parents: z.array(z.number().int()),
  tasks: Tally,
});

export const PublicTarget = z.object({
  id: z.number().int(),
  label: z.string(),
  indicator: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  eachCommune: z.boolean(),
  comparator: z.string(),
  target: z.number(),
  unitOfMeasure: z.string().nullable(),
  dueYear: z.number().int(),
  status: z.string(),
  current: z.number().nullable(),
  meeting: z
    .object({ count: z.number().int(), reported: z.number().int(), total: z.number().int() })
    .nullable(),
  trend: z.array(
    z.object({ period: z.string(), name: z.string(), value: z.number().nullable(), sample: z.boolean() }),
  ),
});

export const PublicBody = Tally.extend({
  unitId: z.number().int(),
  name: z.string(),
  kind: z.string(),
});

export const PublicProgress = z.object({
  asOf: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).nullable(),
  plan: PublicPlan.nullable(),
  plans: z.array(PublicPlan),
  cascade: z.array(
    z.object({
      id: z.number().int(),
      number: z.string().nullable(),
      type: z.string().nullable(),
      parents: z.array(z.number().int()),
    }),
  ),
  tasks: Tally,
  byBody: z.array(PublicBody),
  targets: z.array(PublicTarget),
});
export type PublicProgress = z.infer<typeof PublicProgress>;

/** The administrators' choice of what is public. */
export const PublicationChoices = z.object({
  documents: z.array(
    z.object({
      id: z.number().int(),
      number: z.string().nullable(),
      title: z.string().nullable(),
      type: z.string().nullable(),
      issuedOn: z.string().nullable(),
      public: z.boolean(),
    }),
  ),
  targets: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      unitName: z.string(),
      documentNumber: z.string().nullable(),
      public: z.boolean(),
      eligible: z.boolean(),
    }),
  ),
});
export type PublicationChoices = z.infer<typeof PublicationChoices>;

export const PublicationChange = z.object({
  id: z.number().int(),
  public: z.boolean(),
  changed: z.boolean(),
});
