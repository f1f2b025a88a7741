import type { FastifyInstance } from "fastify";

/*
 * A declared response schema is also a filter: Fastify's serializer (zod, encode) drops every property
 * the schema does not list. That protects what leaves the server, and silently loses a field the
 * handler meant to send when the schema forgets it. This watcher compares, for every JSON answer, what
 * the handler returned (before serialization) with what was sent, and records each path that was lost.
 * Install it before the app is ready (createTestApp's `beforeReady`).
 */

export interface ShapeWatch {
  /** "GET /api/users/:id" → the paths the serializer dropped from its answers (empty: none). */
  dropped: Map<string, Set<string>>;
  /** Routes that answered 2xx with JSON at least once (what the watch actually saw). */
  seen: Set<string>;
}

const RAW = Symbol("rawPayload");
type WithRaw = { [RAW]?: unknown };

export function watchResponseShapes(app: FastifyInstance): ShapeWatch {
  const watch: ShapeWatch = { dropped: new Map(), seen: new Set() };
  app.addHook("preSerialization", async (req, _reply, payload) => {
    // the JSON the handler's value would make without a schema (dates as strings, undefined gone)
    (req as unknown as WithRaw)[RAW] = JSON.parse(JSON.stringify(payload) ?? "null");
    return payload;
  });
  app.addHook("onSend", async (req, reply, payload) => {
    const raw = (req as unknown as WithRaw)[RAW];
    if (raw === undefined || typeof payload !== "string" || reply.statusCode >= 300) return payload;
    const route = `${req.method} ${req.routeOptions.url}`;
    watch.seen.add(route);
    const lost = droppedPaths(raw, JSON.parse(payload));
    const set = watch.dropped.get(route) ?? new Set<string>();
    for (const p of lost) set.add(p);
    watch.dropped.set(route, set);
    return payload;
  });
  return watch;
}

/** Paths present in `before` but missing from `after` (array items as `[]`, so each path once). */
export function droppedPaths(before: unknown, after: unknown, at = ""): string[] {
  if (Array.isArray(before)) {
    if (!Array.isArray(after)) return [];
    return [...new Set(before.flatMap((item, i) => droppedPaths(item, after[i], `${at}[]`)))];
  }
  if (before === null || typeof before !== "object") return [];
  if (after === null || typeof after !== "object" || Array.isArray(after)) return [];
  const out: string[] = [];
  for (const [key, value] of Object.entries(before)) {
    const path = at ? `${at}.${key}` : key;
    if (!(key in after)) out.push(path);
    else out.push(...droppedPaths(value, (after as Record<string, unknown>)[key], path));
  }
  return out;
}

/** The watch's findings for some routes, as `route: path, path` lines (empty when nothing was lost). */
export function lossesOf(watch: ShapeWatch, routes: Iterable<string>): string[] {
  const lines: string[] = [];
  for (const route of routes) {
    const lost = watch.dropped.get(route);
    if (lost && lost.size > 0) lines.push(`${route}: ${[...lost].sort().join(", ")}`);
  }
  return lines;
}
