import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { latestNotifications, markNotificationsRead } from "../../db/repositories/notificationRepository.ts";
import { Marked, Notifications } from "../../shared/api/notifications.ts";
import { z } from "../../usecases/shared/zod.ts";
import { requireUser } from "../context.ts";

export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["Thông báo"];

  r.get(
    "/api/notifications",
    { schema: { tags, summary: "Thông báo của tôi (mới nhất trước)", response: { 200: Notifications } } },
    async (req) => {
      const user = requireUser(req);
      const rows = await latestNotifications(app.deps.db, user.id);
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
        response: { 200: Marked },
      },
    },
    async (req) => {
      const user = requireUser(req);
      await markNotificationsRead(app.deps.db, user.id, req.body.ids, app.deps.now());
      return { ok: true };
    },
  );
}
