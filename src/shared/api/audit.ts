import { z } from "zod";
import { json, timestamp, type Wire } from "./wire.ts";

/** The audit log (GET /api/audit): who changed what, when, the entity before → after. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: timestamp,
  actor_id: z.number().int().nullable(),
  actor_name: z.string(),
  action: z.string(),
  entity: z.string(),
  entity_id: z.string().nullable(),
  before: json,
  after: json,
});
export type AuditEntry = Wire<z.infer<typeof AuditEntry>>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditPage = Wire<z.infer<typeof AuditPage>>;
