import type { FastifyRequest } from "fastify";
import type { Policy, PolicyActor } from "../domain/policies/actor.ts";
import { documentPolicy } from "../domain/policies/document.ts";
import { catalogPolicy, figurePolicy } from "../domain/policies/figures.ts";
import { policyActor } from "../domain/policies/role.ts";
import { NO_UNIT } from "../domain/policies/scope.ts";
import { targetPolicy } from "../domain/policies/target.ts";
import { userPolicy } from "../domain/policies/user.ts";
import { errors } from "../errors.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** A state-changing route a read-only role (leader) may call: logout, marking notifications read. */
    readOnlyMayCall?: boolean;
  }
}

type Check = (actor: PolicyActor, params: Record<string, string>) => void;

const unitOf = (params: Record<string, string>) => Number(params.unitId);

/** A policy answer that needs no data beyond the caller: refused here with the policy's own reason. */
function check<A extends string, R>(
  policy: Policy<A, R>,
  action: A,
  resource: (p: Record<string, string>) => R,
): Check {
  return (actor, params) => {
    if (!policy.can(actor, action, resource(params))) throw errors.forbidden(policy.reason(action));
  };
}
const none = () => undefined;

/**
 * The role checks that need nothing but the caller (and the URL): run in onRequest, before Fastify
 * reads the body, so a caller who may not use a route cannot make the server buffer and parse 8 MB
 * first. The route still runs the same policy (and the scope checks that need data) afterwards.
 */
const BEFORE_BODY: Record<string, Check> = {
  "POST /api/datavaluesets": check(catalogPolicy, "exchange", none),
  "POST /api/dataValueSets": check(catalogPolicy, "exchange", none),
  "POST /api/dhis2/metadata": check(catalogPolicy, "edit", none),
  "POST /api/imports/draft": check(documentPolicy, "import", none),
  "POST /api/documents": check(documentPolicy, "import", none),
  "POST /api/indicators": check(catalogPolicy, "edit", none),
  "PUT /api/indicators/:id": check(catalogPolicy, "edit", none),
  "POST /api/users": check(userPolicy, "create", none),
  "PATCH /api/users/:id": check(userPolicy, "edit", none),
  "POST /api/targets": check(targetPolicy, "create", none),
  "PUT /api/targets/:id": check(targetPolicy, "edit", none),
  "DELETE /api/targets/:id": check(targetPolicy, "delete", none),
  // entering figures is for the unit's own officer: decided by the unit id alone, no scope needed
  "PUT /api/forms/:unitId/:periodId": check(figurePolicy, "enter", (p) => ({ id: unitOf(p), kind: "" })),
  "POST /api/forms/:unitId/:periodId/upload": check(figurePolicy, "enter", (p) => ({
    id: unitOf(p),
    kind: "",
  })),
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
  // the role-only rules read no scope: an actor without units is enough (the route checks scope later)
  BEFORE_BODY[key]?.(policyActor(user, NO_UNIT), req.params as Record<string, string>);
}
