import type { FastifyRequest } from "fastify";
import type { PublicUser } from "../db/repositories/userRepository.ts";
import { errors } from "../errors.ts";
import { assertCanImportPlans } from "./policies/document.ts";
import { assertCanEditCatalog, assertCanEnterFigures, assertCanExchangeFigures } from "./policies/figures.ts";
import { assertCanEditTargets } from "./policies/target.ts";
import { assertCanManageUsers } from "./policies/user.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A state-changing route a read-only role (leader) may call: logout, marking notifications read. */
    readOnlyMayCall?: boolean;
  }
}

type Check = (user: PublicUser, params: Record<string, string>) => void;

const unitOf = (params: Record<string, string>) => Number(params.unitId);

/**
 * The role checks that need nothing but the caller (and the URL): run in onRequest, before Fastify
 * reads the body, so a caller who may not use a route cannot make the server buffer and parse 8 MB
 * first. The route still runs the same policy (and the scope checks that need data) afterwards.
 */
const BEFORE_BODY: Record<string, Check> = {
  "POST /api/datavaluesets": (u) => assertCanExchangeFigures(u),
  "POST /api/imports/draft": (u) => assertCanImportPlans(u),
  "POST /api/documents": (u) => assertCanImportPlans(u),
  "POST /api/indicators": (u) => assertCanEditCatalog(u),
  "PUT /api/indicators/:id": (u) => assertCanEditCatalog(u),
  "POST /api/users": (u) => assertCanManageUsers(u),
  "PUT /api/users/:id": (u) => assertCanManageUsers(u),
  "POST /api/targets": (u) => assertCanEditTargets(u),
  "PUT /api/targets/:id": (u) => assertCanEditTargets(u),
  "DELETE /api/targets/:id": (u) => assertCanEditTargets(u),
  "PUT /api/forms/:unitId/:periodId": (u, p) => assertCanEnterFigures(u, unitOf(p)),
  "POST /api/forms/:unitId/:periodId/upload": (u, p) => assertCanEnterFigures(u, unitOf(p)),
};

/** Roles that only read: every state-changing route is closed to them unless it says otherwise. */
const READ_ONLY_ROLES = new Set(["leader"]);
/** What a read-only role may still do (besides routes marked `readOnlyMayCall`). */
const READ_ONLY_ALLOWED = new Set(["DELETE /api/session", "POST /api/notifications/read"]);
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function authorizeBeforeBody(req: FastifyRequest): void {
  const user = req.auth?.user;
  if (!user || !req.url.startsWith("/api/") || !MUTATING.has(req.method)) return;
  const config = req.routeOptions.config;
  const key = `${req.method} ${req.routeOptions.url}`;
  const allowed = config?.public || config?.readOnlyMayCall || READ_ONLY_ALLOWED.has(key);
  if (READ_ONLY_ROLES.has(user.role) && !allowed) {
    throw errors.forbidden("Tài khoản lãnh đạo chỉ được xem, không được thay đổi dữ liệu.");
  }
  BEFORE_BODY[key]?.(user, req.params as Record<string, string>);
}
