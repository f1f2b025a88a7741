import type { FastifyRequest } from "fastify";
import type { IdempotencyKey } from "../usecases/shared/idempotent.ts";
import { z } from "../usecases/shared/zod.ts";

/**
 * The optional `Idempotency-Key` header of a send a device may repeat (a form save or a progress report
 * queued offline). Loose, so the other headers stay as they are.
 */
export const IdempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, "Idempotency-Key: 16–100 ký tự chữ, số, '-' hoặc '_'")
    .optional(),
});

/** The key for this caller and this request, or null when the device sent none. */
export function idempotencyOf(req: FastifyRequest, userId: number): IdempotencyKey | null {
  const key = req.headers["idempotency-key"];
  if (typeof key !== "string") return null;
  const path = req.url.split("?")[0] ?? req.url;
  return { userId, key, request: `${req.method} ${path}` };
}
