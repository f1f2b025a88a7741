import { z } from "zod";
import { isIsoDate } from "../../domain/dates.ts";

/** Zod with Vietnamese messages; import z from here so every validation speaks Vietnamese. */
z.config(z.locales.vi());

export { z };

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày phải có dạng yyyy-mm-dd")
  .refine(isIsoDate, { message: "Ngày không tồn tại" });

/**
 * An e-mail address for the daily digest; "" or null clears it. Kept as typed, compared and stored in
 * lower case by `emailOf`.
 */
export const emailInput = z
  .union([z.literal(""), z.email("Địa chỉ e-mail không hợp lệ").max(200)])
  .nullable();

export function emailOf(raw: string | null | undefined): string | null {
  const v = raw?.trim().toLowerCase() ?? "";
  return v === "" ? null : v;
}

export const idParam = z.object({ id: z.coerce.number().int().positive() });

/** Turns a zod error into one Vietnamese sentence naming the fields. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
