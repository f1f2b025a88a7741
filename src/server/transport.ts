import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Config } from "../config.ts";

/*
 * How the app is reached decides its security headers. Over plain http on an office network (the
 * address the server logs, e.g. http://192.168.1.10:3000) a browser given `upgrade-insecure-requests`
 * asks for every script over https and the page stays white; HSTS there would lock the host out of
 * http for a year. Behind an https proxy both are wanted.
 */

/** A request arrived over https: the operator says so (LOTRINH_SECURE_COOKIES=1) or a trusted proxy does. */
export function isSecureRequest(config: Pick<Config, "secureCookies">, req: FastifyRequest): boolean {
  // req.protocol reads X-Forwarded-Proto only when the peer is a trusted proxy (LOTRINH_TRUST_PROXY)
  return config.secureCookies || req.protocol === "https";
}

const BASE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "script-src-attr 'none'",
];

/** The headers that depend on the transport; the rest (nosniff, frame options…) come from helmet. */
export function transportHeaders(secure: boolean): Record<string, string> {
  if (!secure) return { "content-security-policy": BASE_CSP.join("; ") };
  return {
    "content-security-policy": [...BASE_CSP, "upgrade-insecure-requests"].join("; "),
    "strict-transport-security": "max-age=31536000; includeSubDomains",
  };
}

export function installTransportHeaders(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    reply.headers(transportHeaders(isSecureRequest(app.deps.config, req)));
  });
}
