import { z } from "zod";

/*
 * What the response schemas of the API share (tasks, reports, targets…): how a value crosses the wire.
 * The server declares what its handlers hand over (a timestamp is a Date); the web reads JSON, where a
 * Date has become its ISO string: `Answer<typeof Schema>` is the type the web receives.
 */

/** What a value becomes once sent as JSON: a Date arrives as its ISO string. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The type of an answer as the web receives it. */
export type Answer<S extends z.ZodType> = Wire<z.output<S>>;

/** A moment (timestamptz): a Date from the database, or already text when it came through json_agg. */
export const instant = z.union([z.date(), z.string()]);

/** A calendar day, ISO (yyyy-mm-dd). */
export const day = z.string();

export const id = z.number().int();

/** A file sent as it is (never through the JSON serializer). */
export const binary = z.unknown().meta({ type: "string", format: "binary" });

/** A task's time frame as read from the plan (domain/timeframe.ts). */
export const Timeframe = z.object({
  text: z.string(),
  kind: z.enum(["deadline", "recurring", "continuous", "window", "pending"]),
  due: z.string().nullable(),
  milestones: z.array(z.object({ label: z.string(), due: z.string() })),
  each: z.object({ quarter: z.number().int().optional(), month: z.number().int().optional() }).optional(),
  from: z.string().optional(),
  thenContinuous: z.boolean().optional(),
  unparsed: z.boolean().optional(),
});
