import type { FastifyRequest } from "fastify";
import type { PublicUser } from "../../db/repositories/userRepository.ts";
import type { Policy, PolicyActor } from "../../domain/policies/actor.ts";
import { policyActor } from "../../domain/policies/role.ts";
import { todayIso } from "../../domain/status.ts";
import { errors } from "../../errors.ts";
import { loadScope } from "../../usecases/loadScope.ts";
import { requireUser } from "../context.ts";

/*
 * The bridge between a request and the pure policies in src/domain/policies: who asks (the session's
 * user and their scope, loaded once per request) and a refusal as 403 with the policy's reason.
 */

const actors = new WeakMap<FastifyRequest, Promise<PolicyActor>>();

export interface Caller {
  user: PublicUser;
  actor: PolicyActor;
}

/** The signed-in caller (401 if none) as the policies see them. */
export async function callerOf(req: FastifyRequest): Promise<Caller> {
  const user = requireUser(req);
  let actor = actors.get(req);
  if (!actor) {
    const { db, now } = req.server.deps;
    const at = now();
    actor = loadScope(db, user, todayIso(at), at.getTime()).then((scope) => policyActor(user, scope));
    actors.set(req, actor);
  }
  return { user, actor: await actor };
}

export function authorize<A extends string, R>(
  policy: Policy<A, R>,
  actor: PolicyActor,
  action: A,
  resource: R,
): void {
  if (!policy.can(actor, action, resource)) throw errors.forbidden(policy.reason(action));
}

/** callerOf + authorize for a resource-less action (e.g. "import", "list"). */
export async function authorized<A extends string>(
  req: FastifyRequest,
  policy: Policy<A, undefined>,
  action: A,
): Promise<Caller> {
  const caller = await callerOf(req);
  authorize(policy, caller.actor, action, undefined);
  return caller;
}
