import { NEW_INDICATOR_TYPES } from "../../domain/newIndicator.ts";
import { z } from "./zod.ts";

const isoDateOrNull = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng yyyy-mm-dd")
  .nullable();
const text = (max: number) => z.string().trim().max(max);

/** A plan as a person confirmed it on the review screen (or as `lotrinh import` read it). */
export const ConfirmedPlan = z.object({
  source: z.object({
    name: text(300).min(1),
    format: z.enum(["text", "docx", "pdf"]),
    text: z.string().max(5_000_000),
  }),
  document: z.object({
    type: text(10).nullable(),
    number: text(60).nullable(),
    issuedOn: isoDateOrNull,
    dateText: text(100).nullable().default(null),
    issuer: text(300).nullable(),
    place: text(100).nullable().default(null),
    title: text(2000).nullable(),
    period: z
      .object({ from: z.number().int().min(1990).max(2100), to: z.number().int().min(1990).max(2100) })
      .nullable(),
    references: z
      .array(
        z.object({
          number: text(60).min(1),
          type: text(10).nullable(),
          issuedOn: isoDateOrNull,
          issuer: text(300).nullable(),
          relation: z.enum(["implements", "cites"]),
          implementsNumber: text(60).nullable().default(null),
        }),
      )
      .max(500),
  }),
  targets: z
    .array(
      z.object({
        ref: text(40).min(1),
        text: text(4000),
        measure: text(2000),
        comparator: z.enum([">=", ">", "<=", "<", "="]).nullable(),
        comparatorText: text(60).nullable(),
        value: z.number().finite().nullable(),
        unit: text(60).nullable(),
        year: z.number().int().min(1990).max(2100).nullable(),
        schoolYear: text(20).nullable(),
        recurring: z.boolean(),
        places: z.array(text(100)).max(100),
      }),
    )
    .max(2000),
  tasks: z
    .array(
      z.object({
        ref: text(40).min(1),
        group: text(20).nullable(),
        groupTitle: text(2000).nullable(),
        title: text(10_000).min(1, "Nhiệm vụ phải có nội dung"),
        lead: z.array(text(300).min(1)).max(50),
        support: z.array(text(300).min(1)).max(50),
        timeframeText: text(500),
        /** The kind the reviewer saw; used only when the text names no time (domain/occurrences.confirmedTimeframe). */
        timeframeKind: z
          .enum(["deadline", "recurring", "continuous", "window", "pending"])
          .nullable()
          .default(null),
        product: text(2000).nullable(),
        note: text(2000).nullable(),
        source: z.enum(["table", "duties"]),
      }),
    )
    .max(5000),
  indicators: z
    .array(
      z.object({
        ref: text(20).min(1),
        name: text(1000),
        unit: text(60).nullable(),
        values: z.record(z.string(), z.number().finite().nullable()),
        note: text(1000).nullable(),
        /** The catalog indicator the reviewer kept or chose; null: not loaded as figures. */
        indicatorId: z.number().int().positive().nullable().default(null),
        /** The reviewer left this row out of the figures (it stays in the document's table). */
        skip: z.boolean().default(false),
        /** With no indicatorId: the new catalog indicator the reviewer accepted for the row. */
        create: z
          .object({
            name: text(300).min(3, "Tên chỉ tiêu mới cần ít nhất 3 ký tự"),
            unit: text(40),
            type: z.enum(NEW_INDICATOR_TYPES),
          })
          .nullable()
          .default(null),
      }),
    )
    .max(2000),
  /** What each value column of the indicator table holds: results or targets, and for which period. */
  indicatorColumns: z
    .array(
      z.object({
        header: text(200).min(1),
        kind: z.enum(["result", "target"]).nullable(),
        period: text(20).nullable(),
        year: z.number().int().min(1990).max(2100).nullable(),
      }),
    )
    .max(20)
    .default([]),
  /** What to do with each named body: an existing unit, a new body to create, or keep as text. */
  bodies: z
    .array(
      z.object({
        text: text(300).min(1),
        unitId: z.number().int().positive().nullable(),
        create: z.boolean().default(false),
        /** For "Các cơ quan, đơn vị liên quan" (related/other): the bodies the reviewer picked. */
        members: z.array(z.number().int().positive()).max(200).default([]),
      }),
    )
    .max(2000),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), where: z.string() })).max(5000),
});
export type ConfirmedPlan = z.infer<typeof ConfirmedPlan>;
export type ConfirmedPlanInput = z.input<typeof ConfirmedPlan>;
