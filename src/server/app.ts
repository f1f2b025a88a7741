import fs from "node:fs";
import path from "node:path";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { WEB_DIST } from "../paths.ts";
import { installAuth } from "./auth.ts";
import { installReadCache } from "./cachedAnswer.ts";
import type { AppDeps } from "./context.ts";
import { installErrorHandler } from "./errorHandler.ts";
import { installRequestGuards } from "./requestGuards.ts";
import { auditRoutes } from "./routes/audit.ts";
import { dhis2Routes } from "./routes/dhis2.ts";
import { documentRoutes } from "./routes/documents.ts";
import { figureRoutes } from "./routes/figures.ts";
import { healthRoutes } from "./routes/health.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { occurrenceRoutes } from "./routes/occurrences.ts";
import { orgUnitRoutes } from "./routes/orgUnits.ts";
import { overviewRoutes } from "./routes/overview.ts";
import { publicProgressRoutes } from "./routes/publicProgress.ts";
import { reportRoutes } from "./routes/reports.ts";
import { sessionRoutes } from "./routes/session.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { userRoutes } from "./routes/users.ts";
import { ceasedBodyRoutes } from "./routes/workOfCeasedBodies.ts";
import { installRouteList } from "./servedRoutes.ts";
import { installTransportHeaders } from "./transport.ts";
import { MULTIPART_LIMITS } from "./uploads/receiveUpload.ts";
import "../usecases/shared/zod.ts";

export { WEB_DIST };

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Serve the built web app from dist/web (when it exists). */
  serveWeb?: boolean;
  /** The read cache's clock in milliseconds (tests); performance.now by default. */
  readCacheClock?: () => number;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-* are believed only from the proxies named in LOTRINH_TRUST_PROXY
    trustProxy: deps.config.trustProxy,
    // answer requests in flight on close, refuse new ones
    return503OnClosing: true,
  });
  app.decorate("deps", deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // CSP and HSTS depend on how the request arrived (transport.ts); helmet sets the others
  await app.register(helmet, { contentSecurityPolicy: false, hsts: false });
  installTransportHeaders(app);
  installRouteList(app);
  // JSON answers compressed (brotli or gzip, as the browser accepts); the web app's files are compressed
  // once at build time and served as they are (preCompressed below)
  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(cookie);
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  installAuth(app);
  installRequestGuards(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "Lộ Trình API",
        description: "Theo dõi thực hiện kế hoạch, nhiệm vụ và chỉ tiêu — tỉnh Lai Châu",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get("/api/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(documentRoutes);
  await app.register(taskRoutes);
  await app.register(occurrenceRoutes);
  await app.register(notificationRoutes);
  await app.register(figureRoutes);
  await app.register(ceasedBodyRoutes);
  await app.register(reportRoutes);
  // @scoreboard
  // @overview
  // @writes
  // @readcache
  installReadCache(app, opts.readCacheClock);
  // @pgworker
  await app.register(dhis2Routes);
  // @suite
  // @checks
  await app.register(overviewRoutes);
  // @spare
  await app.register(publicProgressRoutes);

  if (opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, "index.html"))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      // hashed file names never change content: cache them for a year; everything else is revalidated
      setHeaders: (res, file) => {
        res.header(
          "cache-control",
          file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    });
    const indexHtml = fs.readFileSync(path.join(WEB_DIST, "index.html"), "utf8");
    app.get("/*", { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
      const p = req.url.split("?")[0] ?? "/";
      if (p.startsWith("/api/")) {
        return reply.status(404).send({ code: "NOT_FOUND", message: `Không có địa chỉ ${req.method} ${p}.` });
      }
      const file = path.join(WEB_DIST, path.normalize(p));
      if (file.startsWith(WEB_DIST) && p !== "/" && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply.sendFile(path.relative(WEB_DIST, file));
      }
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
    });
  }
  return app;
}
