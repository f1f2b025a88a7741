import { z } from "zod";

/** Zod with Vietnamese messages; import z from here so every validation speaks Vietnamese. */
z.config(z.locales.vi());

export { z };

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng yyyy-mm-dd")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "Ngày không tồn tại",
    },
  );

export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Turns a zod error into one Vietnamese sentence naming the fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
