import { z } from "zod";

/*
 * Helpers of the API's contract. The server's handlers hand timestamps over as Date (what the database
 * driver gives); the serializer writes them as ISO strings, and that string is what the web receives.
 * Web types are therefore `Wire<z.infer<typeof Schema>>`: the schema's type with every Date a string.
 */

/** A moment (timestamptz): a Date on the server, an ISO 8601 string on the wire. */
export const timestamp = z.date();

/** A day (a `date` column): kept as "yyyy-mm-dd" text everywhere. */
export const day = z.string();

/** A JSON column whose shape the database does not fix (audit snapshots): passed on as it is. */
export const json = z.unknown();

/** The type the web receives for a schema's output: Dates become ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

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
