import type { FastifyInstance } from "fastify";
import { liveSession } from "../db/repositories/sessionCache.ts";
import { errors } from "../errors.ts";

export const SESSION_COOKIE = "lt_session";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Loads the session from its httpOnly cookie on every request (kept in memory for a few seconds), and enforces CSRF protection:
 * a state-changing request with a session must carry the session's token in `x-csrf-token`.
 * Login (POST /api/session, no session yet) is protected by requiring JSON and a same-origin Origin.
 * Every API route needs a session unless it is marked `config: { public: true }`.
 */
export function installAuth(app: FastifyInstance): void {
  app.decorateRequest("auth", null);
  app.addHook("onRequest", async (req) => {
    req.auth = null;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const now = app.deps.now();
      // kept in memory for a few seconds (sessionCache.ts): most requests cost no query to identify
      const row = await liveSession(app.deps.db, token, now, app.deps.config.sessionIdleMinutes * 60_000);
      if (row) {
        const { csrf_token, session_id, last_seen_at, expires_at, ...user } = row;
        req.auth = { user, csrfToken: csrf_token, token };
      }
    }
    if (!req.url.startsWith("/api/")) return;
    // authentication before validation: an anonymous caller learns nothing about the input rules
    if (!req.auth && !req.routeOptions.config?.public) throw errors.notAuthenticated();
    if (!MUTATING.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin) {
      const host = req.headers.host;
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== host) throw errors.csrf();
    }
    if (req.auth && req.headers["x-csrf-token"] !== req.auth.csrfToken) throw errors.csrf();
  });
}
