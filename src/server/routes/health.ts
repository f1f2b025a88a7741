import type { FastifyInstance } from "fastify";
import { pingDatabase } from "../../db/health.ts";

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: { tags: ["Hệ thống"], summary: "Tình trạng máy chủ và cơ sở dữ liệu" },
    },
    async (_req, reply) => {
      if (await pingDatabase(app.deps.db)) return { status: "ok", database: app.deps.dbKind };
      return reply
        .status(503)
        .send({ status: "error", code: "DB_UNREACHABLE", message: "Không truy cập được cơ sở dữ liệu." });
    },
  );
}
