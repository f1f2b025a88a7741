import type { FastifyInstance } from "fastify";
import { errors } from "../errors.ts";
import { applyBodyLimit } from "./bodyLimits.ts";
import { authorizeBeforeBody } from "./earlyAuthorization.ts";
import { assertCleanJson, assertCleanUrl, decodeUtf8Strict, jsonDepthExceeds } from "./textGuard.ts";

/**
 * What every request goes through before a route sees it (installed right after auth, before any
 * route is registered): per-route body limits, the URL's text checked, role checks before the body
 * is read, JSON parsed only when shallow and well-formed, and `Cache-Control: no-store` on API answers
 * (they carry personal data and files that must not stay in shared caches).
 */
export function installRequestGuards(app: FastifyInstance): void {
  app.addHook("onRoute", applyBodyLimit);

  app.addHook("onRequest", async (req) => {
    assertCleanUrl(req.url);
    authorizeBeforeBody(req);
  });

  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    if (jsonDepthExceeds(bytes)) {
      return done(
        errors.validation("Dữ liệu gửi lên lồng nhau quá sâu; từ chối để bảo vệ máy chủ.") as never,
        undefined,
      );
    }
    try {
      const value: unknown = JSON.parse(decodeUtf8Strict(bytes, "Dữ liệu gửi lên"));
      assertCleanJson(value, "Dữ liệu gửi lên");
      done(null, value);
    } catch (e) {
      if (e instanceof SyntaxError) {
        return done(errors.validation("Dữ liệu gửi lên không phải JSON hợp lệ.") as never, undefined);
      }
      done(e as Error, undefined);
    }
  });

  app.addHook("onSend", async (req, reply) => {
    // a public answer keeps the Cache-Control its route set — only on success (an error is never kept)
    const keep = req.routeOptions.config?.cacheable && reply.statusCode === 200;
    if (req.url.startsWith("/api/") && !keep) reply.header("cache-control", "no-store");
  });
}
