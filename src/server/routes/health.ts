import type { FastifyInstance } from "fastify";
import { pingDatabase } from "../../db/health.ts";
import { z } from "../../usecases/shared/zod.ts";

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["Hệ thống"],
        summary: "Tình trạng máy chủ và cơ sở dữ liệu",
        response: {
          200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }),
          503: z.object({ status: z.literal("error"), code: z.string(), message: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      if (await pingDatabase(app.deps.db)) return { status: "ok", database: app.deps.dbKind };
      return reply
        .status(503)
        .send({ status: "error", code: "DB_UNREACHABLE", message: "Không truy cập được cơ sở dữ liệu." });
    },
  );
}
