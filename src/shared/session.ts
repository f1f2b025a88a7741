import { z } from "zod";

/*
 * The session's contract (GET/POST /api/session), shared by the server's response schemas and the
 * web's types (type-only import). Capabilities are what the server's policies allow this person in
 * general (domain/policies/capabilities.ts); flags on single objects come with those objects.
 */

export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  display_name: z.string(),
  // a role the code does not know may be stored (it is refused everything); it must still answer
  role: z.string(),
  org_unit_id: z.number().int().nullable(),
  is_demo: z.boolean(),
  email: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const Capabilities = z.object({
  importPlans: z.boolean(),
  editTargets: z.boolean(),
  manageUsers: z.boolean(),
  browseAudit: z.boolean(),
  editCatalog: z.boolean(),
  exchangeFigures: z.boolean(),
  coordinateTasks: z.boolean(),
  managePublication: z.boolean(),
  manageReportRounds: z.boolean(),
  landing: z.enum(["myWork", "overview"]),
  readAllUnits: z.boolean(),
  enterFiguresFor: z.number().int().nullable(),
});
export type Capabilities = z.infer<typeof Capabilities>;

export const SessionAnswer = z.object({
  user: SessionUser.nullable(),
  csrfToken: z.string().nullable(),
  can: Capabilities.nullable(),
});
export type SessionAnswer = z.infer<typeof SessionAnswer>;

export const Done = z.object({ ok: z.boolean() });
