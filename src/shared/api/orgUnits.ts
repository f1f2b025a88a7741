import { z } from "zod";
import { day, type Wire } from "./wire.ts";

/** The administrative map and the bodies (GET /api/org-units…), as domain/orgUnits.ts views them. */
export const OrgUnitKind = z.enum([
  "province",
  "district",
  "city",
  "commune",
  "ward",
  "township",
  "body",
  "school",
]);

/** Old → new: a unit formed from others, or merged into another, on a day with a weight (share). */
export const UnitLink = z.object({
  id: z.number().int(),
  name: z.string(),
  weight: z.number(),
  effectiveOn: day,
});

export const OrgUnit = z.object({
  id: z.number().int(),
  code: z.string().nullable(),
  kind: OrgUnitKind,
  name: z.string(),
  fullName: z.string(),
  parentId: z.number().int().nullable(),
  validFrom: day.nullable(),
  validTo: day.nullable(),
  isSample: z.boolean(),
  formedFrom: z.array(UnitLink),
  mergedInto: z.array(UnitLink),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** The map as of a day. */
export const OrgUnitsAnswer = z.object({ asOf: day, units: z.array(OrgUnit) });
export type OrgUnitsAnswer = z.infer<typeof OrgUnitsAnswer>;

/** Every unit ever, ceased ones included (pickers for old documents). */
export const EveryUnit = z.object({
  id: z.number().int(),
  kind: OrgUnitKind,
  fullName: z.string(),
  validFrom: day.nullable(),
  validTo: day.nullable(),
  isSample: z.boolean(),
});
export const EveryUnitAnswer = z.object({ units: z.array(EveryUnit) });
export type EveryUnit = z.infer<typeof EveryUnit>;
export type EveryUnitAnswer = z.infer<typeof EveryUnitAnswer>;

export const UnitSearchAnswer = z.object({
  asOf: day,
  hits: z.array(
    z.object({
      unit: OrgUnit,
      matchedName: z.string(),
      match: z.enum(["exact", "tone_placement", "no_diacritics"]),
    }),
  ),
});
export type UnitSearchAnswer = z.infer<typeof UnitSearchAnswer>;

/** One unit: its names, its parents over time, its children on the day it is shown as of. */
export const UnitDetailAnswer = z.object({
  unit: OrgUnit.optional(),
  aliases: z.array(z.string()),
  parents: z.array(
    z.object({
      parent_id: z.number().int(),
      full_name: z.string(),
      valid_from: day.nullable(),
      valid_to: day.nullable(),
    }),
  ),
  children: z.array(OrgUnit),
  shownAsOf: day,
});
export type UnitDetailAnswer = z.infer<typeof UnitDetailAnswer>;

/** A ceased body's open work and its successors (GET /api/org-units/{id}/open-work). */
export const OpenWorkAnswer = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), validTo: day.nullable() }),
  ceased: z.boolean(),
  successors: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      weight: z.number(),
      note: z.string().nullable(),
      ceased: z.boolean(),
    }),
  ),
  openTasks: z.number().int(),
  openShares: z.number().int(),
});
export type OpenWorkAnswer = z.infer<typeof OpenWorkAnswer>;

/** What moved (POST /api/org-units/{id}/move-work). */
export const MoveWorkAnswer = z.object({
  to: z.object({ id: z.number().int(), name: z.string() }),
  tasks: z.number().int(),
  shares: z.number().int(),
  items: z.object({
    tasks: z.array(
      z.object({
        taskId: z.number().int(),
        ref: z.string(),
        document: z.string().nullable(),
        role: z.string(),
      }),
    ),
    shares: z.array(
      z.object({
        occurrenceId: z.number().int(),
        ref: z.string(),
        label: z.string(),
        mergedInto: z.number().int().nullable(),
      }),
    ),
  }),
});
export type MoveWorkAnswer = Wire<z.infer<typeof MoveWorkAnswer>>;
