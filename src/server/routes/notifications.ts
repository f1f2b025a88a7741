import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "../../usecases/shared/zod.ts";
import { requireUser } from "../context.ts";

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Thông báo"];

  r.get(
    "/api/notifications",
    { schema: { tags, summary: "Thông báo của tôi (mới nhất trước)" } },
    async (req) => {
      const user = requireUser(req);
      const rows = await app.deps.db
        .selectFrom("notification as n")
        .leftJoin("task_occurrence as o", "o.id", "n.occurrence_id")
        .select(["n.id", "n.kind", "n.message", "n.created_at", "n.read_at", "o.task_id"])
        .where("n.user_id", "=", user.id)
        .orderBy("n.id", "desc")
        .limit(100)
        .execute();
      return { notifications: rows, unread: rows.filter((x) => !x.read_at).length };
    },
  );

  r.post(
    "/api/notifications/read",
    {
      schema: {
        tags,
        summary: "Đánh dấu đã đọc",
        body: z.object({ ids: z.array(z.number().int().positive()).max(500) }),
      },
    },
    async (req) => {
      const user = requireUser(req);
      if (req.body.ids.length > 0) {
        await app.deps.db
          .updateTable("notification")
          .set({ read_at: new Date() })
          .where("user_id", "=", user.id)
          .where("id", "in", req.body.ids)
          .execute();
      }
      return { ok: true };
    },
  );
}
