import { z } from "zod";

/*
 * What the response schemas of the API share: how a value crosses the wire. The server's handlers hand
 * timestamps over as Date (what the database driver gives); the serializer writes them as ISO strings,
 * and that string is what the web receives. Web types are therefore `Answer<typeof Schema>` (or
 * `Wire<z.infer<typeof Schema>>`): the schema's type with every Date a string.
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

/** A moment (timestamptz): a Date on the server, an ISO 8601 string on the wire. */
export const timestamp = z.date();

/** A moment that may already be text when it came through json_agg. */
export const instant = z.union([z.date(), z.string()]);

/** A calendar day (a `date` column), ISO "yyyy-mm-dd" text everywhere. */
export const day = z.string();

export const id = z.number().int();

/** A JSON column whose shape the database does not fix (audit snapshots): passed on as it is. */
export const json = z.unknown();

/** A file sent as it is (never through the JSON serializer). */
export const binary = z.unknown().meta({ type: "string", format: "binary" });

/** The `can` flags a policy gives for some actions (domain/policies: flagsOf). */
export const flags = <const K extends string>(...actions: K[]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<K, z.ZodBoolean>);

/** An answer that is not JSON (a file, plain text): its media type, described for the OpenAPI document. */
export const textBody = (mediaType: string) => ({
  content: { [mediaType]: { schema: z.string() } },
});

/** A file download: the bytes as they are, of this media type. */
export const fileBody = (mediaType: string) => ({
  // the handler sends a Buffer or a stream, which Fastify passes on without serializing
  content: { [mediaType]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});

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
