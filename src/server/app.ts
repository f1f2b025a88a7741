import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { installAuth } from "./auth.ts";
import type { AppDeps } from "./context.ts";
import { installErrorHandler } from "./errorHandler.ts";
import { auditRoutes } from "./routes/audit.ts";
import { documentRoutes } from "./routes/documents.ts";
import { figureRoutes } from "./routes/figures.ts";
import { healthRoutes } from "./routes/health.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { occurrenceRoutes } from "./routes/occurrences.ts";
import { orgUnitRoutes } from "./routes/orgUnits.ts";
import { sessionRoutes } from "./routes/session.ts";
import { taskRoutes } from "./routes/tasks.ts";
import { userRoutes } from "./routes/users.ts";
// @figures
// @tasks
// @bodies
import { ceasedBodyRoutes } from "./routes/workOfCeasedBodies.ts";
// @access
// @hostile
// @readers
// @grammar
// @reports
// @load
// @manifests
// @overview
// @dhis2
// @reach
import "../usecases/shared/zod.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, "../../dist/web");

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Serve the built web app from dist/web (when it exists). */
  serveWeb?: boolean;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
    // answer requests in flight on close, refuse new ones
    return503OnClosing: true,
  });
  app.decorate("deps", deps);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: deps.config.secureCookies,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5 } });
  installAuth(app);

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
  // @figures
  // @tasks
  // @bodies
  await app.register(ceasedBodyRoutes);
  // @access
  // @hostile
  // @readers
  // @grammar
  // @reports
  // @load
  // @manifests
  // @overview
  // @dhis2
  // @reach

  if (opts.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, "index.html"))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
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
      return reply.type("text/html; charset=utf-8").send(indexHtml);
    });
  }
  return app;
}
