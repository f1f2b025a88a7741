import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { PolicyActor } from "../domain/policies/actor.ts";
import { ReadCache } from "./readCache.ts";

declare module "fastify" {
  interface FastifyInstance {
    readCache: ReadCache;
  }
}

/**
 * Whose answer it is. "scope": the answer is computed from the query and the caller's unit scope only
 * (no `can` flags in it) — callers of one scope share it. "actor": it also carries `can` flags, which
 * the policies compute from the whole PolicyActor (role, bound unit, scope) — only callers equal in all
 * three share it. A policy reads nothing else of the caller, so equal keys mean equal answers.
 */
export type Visibility = "scope" | "actor";

export function visibilityKey(actor: PolicyActor, by: Visibility): string {
  const scope = actor.scope.kind === "all" ? "all" : [...actor.scope.ids].sort((a, b) => a - b).join(",");
  return by === "scope" ? `scope:${scope}` : `actor:${actor.role}|${actor.unitId ?? ""}|${scope}`;
}

/** The query as validated (defaults applied), keys sorted: the same question however the URL spells it. */
export function normalisedQuery(query: unknown, extra: Record<string, unknown>): string {
  const all = { ...(query as Record<string, unknown>), ...extra };
  return JSON.stringify(
    Object.keys(all)
      .filter((k) => all[k] !== undefined)
      .sort()
      .map((k) => [k, all[k]]),
  );
}

/**
 * The route's answer through the read cache: computed (and serialised by the route's schema) on a miss,
 * sent as kept on a hit, with `Age` saying how old it is (seconds). `extra` names what the answer depends
 * on beyond the query — today's date at least. With the cache off the route answers as usual.
 */
export async function cachedAnswer<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  who: { actor: PolicyActor; by: Visibility; extra: Record<string, unknown> },
  compute: () => Promise<T>,
): Promise<T | FastifyReply> {
  const cache = req.server.readCache;
  if (!cache.enabled) return compute();
  const key = `${req.routeOptions.url} ${normalisedQuery(req.query, who.extra)} ${visibilityKey(who.actor, who.by)}`;
  const served = await cache.get(key, req.auth?.token ?? null, async () => {
    const body = reply.serialize(await compute());
    return typeof body === "string" ? body : Buffer.from(body as ArrayBuffer).toString("utf8");
  });
  return reply
    .type("application/json; charset=utf-8")
    .header("age", String(Math.floor(Math.max(0, served.ageMs) / 1000)))
    .send(served.body);
}

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The app's read cache, and the note each session's write request leaves once it has answered. */
export function installReadCache(app: FastifyInstance, clock?: () => number): void {
  app.decorate("readCache", new ReadCache({ maxAgeMs: app.deps.config.readCacheMs, clock }));
  app.addHook("onSend", async (req) => {
    if (!READS.has(req.method) && req.auth) app.readCache.noteWrite(req.auth.token);
  });
}
